// Progressive enhancement only: every page works without this file.
document.addEventListener('DOMContentLoaded', function () {
  // Move focus to the error summary so screen-reader and keyboard users hear what to fix.
  var summary = document.querySelector('[data-autofocus]');
  if (summary) summary.focus();
  // Ask before destructive actions marked with data-confirm.
  document.querySelectorAll('form[data-confirm]').forEach(function (form) {
    form.addEventListener('submit', function (e) {
      if (!window.confirm(form.getAttribute('data-confirm'))) e.preventDefault();
    });
  });
  // Long saves (e.g. a catalog import): show the form's progress line and stop a second submit.
  document.querySelectorAll('form[data-progress]').forEach(function (form) {
    form.addEventListener('submit', function (e) {
      if (form.getAttribute('data-submitted')) {
        e.preventDefault();
        return;
      }
      form.setAttribute('data-submitted', '1');
      var status = document.getElementById(form.getAttribute('data-progress'));
      if (status) status.hidden = false;
      form.querySelectorAll('button[type=submit]').forEach(function (b) {
        b.setAttribute('aria-disabled', 'true');
      });
    });
  });
});
