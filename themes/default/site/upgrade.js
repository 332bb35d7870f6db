// Upgrade path: shows the action-required, deprecation and removal notes of every release after "from" up
// to and including "to". The state lives in the URL hash (#from=1.26.0&to=1.28.0).
(function () {
  'use strict';
  var form = document.getElementById('upgrade-form');
  if (!form) { return; }
  var status = document.getElementById('status');
  var groups = Array.prototype.map.call(document.querySelectorAll('section.release-group'), function (el) {
    return { el: el, rank: Number(el.getAttribute('data-rank')), items: Array.prototype.slice.call(el.querySelectorAll('li.note')) };
  });
  // Oldest release first, so a note repeated in a later release is shown where it first appears.
  var oldestFirst = groups.slice().sort(function (a, b) { return a.rank - b.rank; });

  function rankOf(select) {
    var option = select.options[select.selectedIndex];
    return option ? Number(option.getAttribute('data-rank')) : -1;
  }

  function readUrl() {
    var params = new URLSearchParams(location.hash.replace(/^#/, ''));
    form.elements.from.value = params.get('from') || form.getAttribute('data-from') || '';
    form.elements.to.value = params.get('to') || form.getAttribute('data-to') || '';
    if (form.elements.from.selectedIndex < 0) { form.elements.from.value = form.getAttribute('data-from') || ''; }
    if (form.elements.to.selectedIndex < 0) { form.elements.to.value = form.getAttribute('data-to') || ''; }
  }

  function apply() {
    var from = rankOf(form.elements.from);
    var to = rankOf(form.elements.to);
    var notes = 0;
    var releases = 0;
    var seen = {};
    oldestFirst.forEach(function (g) {
      var show = g.rank > from && g.rank <= to;
      var count = 0;
      g.items.forEach(function (li) {
        var pr = li.getAttribute('data-pr');
        var repeat = show && seen[pr];
        li.hidden = !!repeat;
        if (show && !repeat) { seen[pr] = true; count++; }
      });
      g.el.hidden = !show || count === 0;
      if (show && count) { notes += count; releases++; }
    });
    status.textContent = to <= from
      ? label('order')
      : label('count', { notes: count(notes, 'note'), releases: count(releases, 'release'), from: form.elements.from.value, to: form.elements.to.value });
  }

  // The page's words, from the theme's phrase table (data-* of the form), their {placeholders} filled here.
  function label(name, values) {
    var text = form.getAttribute('data-' + name) || '';
    Object.keys(values || {}).forEach(function (key) { text = text.split('{' + key + '}').join(String(values[key])); });
    return text;
  }

  function count(n, noun) { return label(noun + '-' + (n === 1 ? 'one' : 'other'), { n: n }); }

  function changed() {
    apply();
    var params = new URLSearchParams();
    params.set('from', form.elements.from.value);
    params.set('to', form.elements.to.value);
    history.pushState(null, '', '#' + params.toString());
  }

  form.addEventListener('change', changed);
  form.addEventListener('submit', function (e) { e.preventDefault(); });
  window.addEventListener('hashchange', function () { readUrl(); apply(); });
  window.addEventListener('popstate', function () { readUrl(); apply(); });
  form.hidden = false;
  readUrl();
  apply();
  document.documentElement.setAttribute('data-upgrade', 'ready');
}());
