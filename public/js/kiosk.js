// Query terminal (自助查询终端): progressive enhancement only. Without this file the page still returns
// to the start page after the idle time (a <noscript> refresh) and search works by the normal field.
(function () {
  var body = document.body;
  var idle = Number(body.getAttribute('data-kiosk-idle')) || 120;
  var timer;
  function reset() {
    // Back to the start page; replace() keeps the last person's pages out of the history.
    document.querySelectorAll('input, textarea').forEach(function (el) {
      if (el.type !== 'hidden') el.value = '';
    });
    window.location.replace('/kiosk');
  }
  function touch() {
    clearTimeout(timer);
    timer = setTimeout(reset, idle * 1000);
  }
  ['pointerdown', 'keydown', 'touchstart', 'wheel', 'scroll'].forEach(function (type) {
    window.addEventListener(type, touch, { passive: true, capture: true });
  });
  touch();

  var print = document.querySelector('[data-kiosk-print]');
  if (print) {
    print.hidden = false;
    print.addEventListener('click', function () {
      window.print();
    });
  }
  var back = document.querySelector('[data-kiosk-back]');
  if (back && window.location.pathname !== '/kiosk' && window.history.length > 1) {
    back.hidden = false;
    back.addEventListener('click', function () {
      window.history.back();
    });
  }

  // The on-screen keyboard, for the search box only.
  var input = document.querySelector('[data-kiosk-input]');
  var keyboard = document.querySelector('[data-kiosk-keyboard]');
  if (input && keyboard) {
    keyboard.hidden = false;
    keyboard.addEventListener('click', function (e) {
      var key = e.target.closest('button');
      if (!key) return;
      if (key.hasAttribute('data-key-back')) input.value = Array.from(input.value).slice(0, -1).join('');
      else if (key.hasAttribute('data-key-clear')) input.value = '';
      else if (input.value.length + key.getAttribute('data-key').length <= input.maxLength) input.value += key.getAttribute('data-key');
      input.focus();
    });
  }
})();
