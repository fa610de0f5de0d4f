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
});
