// Progressive enhancement of the 依申请公开 form: while the applicant describes the information, show
// published records that may already answer the request. Without this script the confirmation step
// lists the same matches. Plain ES5, no dependencies (old phones, kiosks).
(function () {
  'use strict';
  var box = document.getElementById('record-matches');
  if (!box || !window.fetch) return;
  var endpoint = box.getAttribute('data-endpoint');
  var fields = ['recordName', 'docNo', 'description']
    .map(function (n) { return document.querySelector('[name="' + n + '"]'); })
    .filter(Boolean);
  if (!endpoint || !fields.length) return;
  var list = box.querySelector('ul');
  var status = box.querySelector('[data-status]');
  var timer = null;
  var last = '';
  var seq = 0;

  function query() {
    return fields
      .map(function (f) { return f.value.trim(); })
      .filter(Boolean)
      .join(' ')
      .slice(0, 200);
  }

  function render(items, q) {
    while (list.firstChild) list.removeChild(list.firstChild);
    if (!items.length) {
      box.hidden = true;
      status.textContent = '';
      return;
    }
    items.forEach(function (r) {
      var li = document.createElement('li');
      var a = document.createElement('a');
      a.href = r.url;
      a.textContent = r.title;
      a.target = '_blank';
      a.rel = 'noopener';
      li.appendChild(a);
      var meta = [r.docNo, r.unitName, r.publishedOn].filter(Boolean).join(' · ');
      if (meta) {
        var span = document.createElement('span');
        span.className = 'hint';
        span.textContent = '（' + meta + '）';
        li.appendChild(document.createTextNode(' '));
        li.appendChild(span);
      }
      list.appendChild(li);
    });
    box.hidden = false;
    status.textContent = '找到' + items.length + '条与“' + q + '”相关的已公开信息';
  }

  function search() {
    var q = query();
    if (q === last) return;
    last = q;
    if (q.length < 2) {
      render([], q);
      return;
    }
    var mine = ++seq;
    fetch(endpoint + '?q=' + encodeURIComponent(q), { headers: { accept: 'application/json' }, credentials: 'same-origin' })
      .then(function (res) { return res.ok ? res.json() : { items: [] }; })
      .then(function (data) {
        if (mine === seq) render((data && data.items) || [], q);
      })
      .catch(function () { /* the confirmation step still lists matches */ });
  }

  fields.forEach(function (f) {
    f.addEventListener('input', function () {
      clearTimeout(timer);
      timer = setTimeout(search, 400);
    });
  });
})();
