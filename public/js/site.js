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
  // An import being saved: poll its JSON status and move the progress bar; reload when it ends
  // (without JavaScript the page refreshes itself instead).
  document.querySelectorAll('[data-import-status]').forEach(function (box) {
    var url = box.getAttribute('data-import-status');
    var bar = box.querySelector('progress');
    var text = box.querySelector('[data-import-progress-text]');
    function poll() {
      fetch(url, { credentials: 'same-origin', headers: { accept: 'application/json' } })
        .then(function (res) {
          return res.ok ? res.json() : null;
        })
        .then(function (s) {
          if (!s) return setTimeout(poll, 3000);
          if (bar) {
            bar.max = s.total || 1;
            bar.value = s.state === 'done' ? s.total || 1 : s.done !== undefined ? s.done : s.saved;
            bar.textContent = s.percent + '%';
          }
          if (text) text.textContent = s.progressText;
          if (s.state !== 'running') return window.location.reload();
          setTimeout(poll, 1000);
        })
        .catch(function () {
          setTimeout(poll, 3000);
        });
    }
    setTimeout(poll, 500);
  });
});

