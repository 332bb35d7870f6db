// Filters the all-notes page by hiding list items by their data-* attributes. The state lives in the URL
// hash (#sig=node&kind=bug&q=text), so a link reproduces it and a reload restores it. No libraries, no fetch:
// works from file:// too. Without JavaScript the page stays a complete list.
(function () {
  'use strict';
  var form = document.getElementById('filters');
  if (!form) { return; }
  var status = document.getElementById('status');
  var fields = ['from', 'to', 'sig', 'kind', 'area', 'audience', 'stability', 'action', 'q'];
  var tokens = ['sig', 'kind', 'area', 'audience'];
  var items = [];
  var groups = [];
  Array.prototype.forEach.call(document.querySelectorAll('section.release-group'), function (section) {
    var group = { el: section, count: -1, items: [] };
    groups.push(group);
    Array.prototype.forEach.call(section.querySelectorAll('li.note'), function (li) {
      var d = li.dataset;
      var item = {
        li: li, group: group, rank: Number(d.rank), shown: true, text: null,
        sig: ' ' + d.sig + ' ', kind: ' ' + d.kind + ' ', area: ' ' + d.area + ' ', audience: ' ' + d.audience + ' ',
        stability: d.stability, action: d.action === '1'
      };
      items.push(item);
      group.items.push(item);
    });
  });

  function rankOf(select, fallback) {
    var option = select.options[select.selectedIndex];
    return option && option.value ? Number(option.getAttribute('data-rank')) : fallback;
  }

  function readUrl() {
    var params = new URLSearchParams(location.hash.replace(/^#/, ''));
    fields.forEach(function (name) {
      var el = form.elements[name];
      var value = params.get(name) || '';
      if (el.type === 'checkbox') { el.checked = value === '1'; } else { el.value = value; }
    });
  }

  function writeUrl() {
    var params = new URLSearchParams();
    fields.forEach(function (name) {
      var el = form.elements[name];
      var value = el.type === 'checkbox' ? (el.checked ? '1' : '') : el.value.trim();
      if (value) { params.set(name, value); }
    });
    var hash = params.toString();
    history.replaceState(null, '', hash ? '#' + hash : location.pathname + location.search);
  }

  function apply() {
    var from = rankOf(form.elements.from, -Infinity);
    var to = rankOf(form.elements.to, Infinity);
    var want = {};
    tokens.forEach(function (name) { want[name] = form.elements[name].value ? ' ' + form.elements[name].value + ' ' : ''; });
    var stability = form.elements.stability.value;
    var action = form.elements.action.checked;
    var words = form.elements.q.value.toLowerCase().split(/\s+/).filter(Boolean);
    var shown = 0;
    groups.forEach(function (g) { g.count = 0; });
    for (var i = 0; i < items.length; i++) {
      var it = items[i];
      var ok = it.rank >= from && it.rank <= to && (!stability || it.stability === stability) && (!action || it.action);
      for (var t = 0; ok && t < tokens.length; t++) {
        var w = want[tokens[t]];
        if (w && it[tokens[t]].indexOf(w) < 0) { ok = false; }
      }
      if (ok && words.length) {
        if (it.text === null) { it.text = it.li.textContent.toLowerCase(); }
        for (var k = 0; ok && k < words.length; k++) { if (it.text.indexOf(words[k]) < 0) { ok = false; } }
      }
      if (ok !== it.shown) { it.li.hidden = !ok; it.shown = ok; }
      if (ok) { shown++; it.group.count++; }
    }
    groups.forEach(function (g) { g.el.hidden = g.count === 0; });
    status.textContent = shown === items.length
      ? items.length + ' notes, newest release first.'
      : shown + ' of ' + items.length + ' notes match.';
  }

  var timer = 0;
  function changed(event) {
    clearTimeout(timer);
    var delay = event && event.target && event.target.name === 'q' ? 150 : 0;
    timer = setTimeout(function () { apply(); writeUrl(); }, delay);
  }

  form.addEventListener('input', changed);
  form.addEventListener('change', changed);
  form.addEventListener('submit', function (e) { e.preventDefault(); });
  form.addEventListener('reset', function () { setTimeout(function () { apply(); writeUrl(); }, 0); });
  window.addEventListener('hashchange', function () { readUrl(); apply(); });
  form.hidden = false;
  readUrl();
  apply();
  document.documentElement.setAttribute('data-filters', 'ready');
}());
