// The all-notes page. The notes come as data shards (assets/data/notes-<version>.js, one per release, each a call
// to commsNotes with compact JSON) listed by assets/data/index.js; they are script files, so this works from
// file:// too, and nothing is fetched from elsewhere. Only the matches near the screen are rendered.
// The filter state lives in the URL hash, several values of a facet separated by commas:
//   #q=cgroup&release=1.27.0,1.26.0&from=1.20.0&to=1.28.0&pre=1&sig=node,storage&kind=bug&area=kubelet&doc=kep&group=vendor:vendor-cve&action=1
// Values within a facet are alternatives (OR), facets all apply (AND). Every change is a history entry.
(function () {
  'use strict';
  var form = document.getElementById('filters');
  if (!form) { return; }
  var statusEl = document.getElementById('status');
  var noticeEl = document.getElementById('notice');
  // The page's words, from the theme's phrase table (data-* of the status line), their {placeholders} filled here.
  function label(name, values) {
    var text = statusEl.getAttribute('data-' + name) || '';
    Object.keys(values || {}).forEach(function (key) { text = text.split('{' + key + '}').join(String(values[key])); });
    return text;
  }
  var results = document.getElementById('results');
  var toggle = document.getElementById('filter-toggle');
  var FACETS = ['sig', 'kind', 'area', 'audience', 'stability', 'doc', 'group'];
  var CHUNK = 40;
  var index = null;
  var shards = {};
  var pending = 0;
  var notes = [];
  var releases = [];
  var byVersion = {};
  var values = {};
  var state = null;
  var matches = [];
  var rendered = 0;
  var lastHome = -1;
  var lastList = null;
  var lastHash = null;
  var typing = false;

  function empty() {
    var s = { q: '', from: '', to: '', pre: false, action: false, release: {} };
    FACETS.forEach(function (f) { s[f] = {}; });
    return s;
  }

  // Shards run in the order they were added (newest release first), so notes arrive in display order: the first
  // one makes the page usable, the others are filtered as they come.
  var complete = false;
  var started = false;
  var pendingFrom = 0;
  var scheduled = false;

  window.commsNotes = function (shard) {
    for (var i = 0; i < shard.n.length; i++) {
      var n = shard.n[i];
      var onlyPre = true;
      for (var k = 0; k < n[10].length; k++) { if (!releases[n[10][k]].pre) { onlyPre = false; } }
      notes.push({ pr: n[0], html: n[1], s: n[2], f: [n[3], n[4], n[5], n[6], n[7], n[8], n[11]], flags: n[9], ranks: n[10], home: shard.r, onlyPre: onlyPre });
    }
    pending--;
    complete = pending === 0;
    if (!started) { start(); load(queue.slice(1)); } else if (complete) { added(); } else if (!scheduled) {
      scheduled = true;
      setTimeout(function () { scheduled = false; added(); }, 100);
    }
  };

  window.commsIndex = function (data) {
    index = data;
    releases = data.releases;
    releases.forEach(function (r, rank) { r.rank = rank; byVersion[r.v] = rank; });
    FACETS.forEach(function (f) {
      values[f] = {};
      data[f].forEach(function (entry, i) { values[f][entry[0]] = i; });
    });
    var base = document.querySelector('script[src$="assets/data/index.js"]').getAttribute('src').replace(/assets\/data\/index\.js$/, '');
    for (var rank = releases.length - 1; rank >= 0; rank--) {
      (releases[rank].shards || []).forEach(function (src) { queue.push(base + src); });
    }
    pending = queue.length;
    // The first shard alone, so the first screen does not wait for the others; then all the rest, in order.
    if (pending === 0) { complete = true; start(); } else { load(queue.slice(0, 1)); }
  };

  var queue = [];

  function load(list) {
    list.forEach(function (src) {
      var script = document.createElement('script');
      script.src = src;
      script.async = false;
      document.head.appendChild(script);
    });
  }

  function start() {
    started = true;
    buildForm();
    readUrl();
    syncForm();
    apply();
    form.hidden = false;
    if (toggle) { toggle.hidden = false; }
    document.getElementById('by-release').classList.add('scripted');
    document.documentElement.setAttribute('data-filters', 'ready');
    if (window.performance && performance.mark) { performance.mark('comms-filters-ready'); }
    if (complete) { done(); }
  }

  function text(s) { return String(s).replace(/[&<>"']/g, function (c) { return '&#' + c.charCodeAt(0) + ';'; }); }

  function buildForm() {
    FACETS.forEach(function (f) {
      var box = form.querySelector('details[data-facet="' + f + '"]');
      if (!index[f].length) { box.hidden = true; return; }
      box.querySelector('.choices').innerHTML = index[f].map(function (entry) {
        return '<label><input type="checkbox" name="' + f + '" value="' + text(entry[0]) + '"> ' + text(entry[1]) + '</label>';
      }).join('');
    });
    form.querySelector('input[name=pre]').closest('label').hidden = !releases.some(function (r) { return r.pre; });
    form.querySelector('details[data-facet="doc"]').hidden = !index.doc.length;
    releaseOptions();
  }

  // The release pickers list pre-releases only when the pre-release toggle is on.
  function releaseOptions() {
    var pre = state ? state.pre : false;
    var shown = releases.filter(function (r) { return pre || !r.pre; }).slice().reverse();
    ['from', 'to'].forEach(function (name) {
      var select = form.elements[name];
      select.innerHTML = '<option value="">' + (name === 'from' ? 'oldest' : 'newest') + '</option>' +
        shown.map(function (r) { return '<option value="' + text(r.v) + '">' + text(r.v) + '</option>'; }).join('');
    });
    form.querySelector('details[data-facet="release"] .choices').innerHTML = shown.map(function (r) {
      return '<label><input type="checkbox" name="release" value="' + text(r.v) + '"> ' + text(r.v) + '</label>';
    }).join('');
  }

  function encode(v) { return encodeURIComponent(v).replace(/%2F/g, '/'); }

  function hashOf(s) {
    var parts = [];
    function add(name, list) { if (list.length) { parts.push(name + '=' + list.map(encode).join(',')); } }
    if (s.q) { parts.push('q=' + encode(s.q)); }
    add('release', Object.keys(s.release));
    if (s.from) { parts.push('from=' + encode(s.from)); }
    if (s.to) { parts.push('to=' + encode(s.to)); }
    if (s.pre) { parts.push('pre=1'); }
    FACETS.forEach(function (f) { add(f, Object.keys(s[f])); });
    if (s.action) { parts.push('action=1'); }
    return parts.join('&');
  }

  function readUrl() {
    var s = empty();
    var unknown = [];
    var raw = location.hash.replace(/^#/, '');
    raw.split('&').forEach(function (pair) {
      if (!pair) { return; }
      var eq = pair.indexOf('=');
      var name = eq < 0 ? pair : pair.slice(0, eq);
      var list = (eq < 0 ? '' : pair.slice(eq + 1)).split(',').map(function (v) {
        try { return decodeURIComponent(v.replace(/\+/g, ' ')); } catch (e) { return v; }
      }).filter(function (v) { return v !== ''; });
      if (name === 'q') { s.q = list.join(','); return; }
      if (name === 'pre' || name === 'action') { s[name] = list[0] === '1'; return; }
      if (name === 'from' || name === 'to' || name === 'release') {
        list.forEach(function (v) {
          var version = v.replace(/^v/, '');
          if (!(version in byVersion)) { unknown.push(['release', v]); return; }
          if (name === 'release') { s.release[version] = true; } else { s[name] = version; }
          if (releases[byVersion[version]].pre) { s.pre = true; }
        });
        return;
      }
      if (FACETS.indexOf(name) < 0) { unknown.push([name, list.join(',')]); return; }
      list.forEach(function (v) {
        var value = v.toLowerCase();
        if (value in values[name]) { s[name][value] = true; } else { unknown.push([name, v]); }
      });
    });
    state = s;
    lastHash = raw;
    if (unknown.length) {
      noticeEl.textContent = label(unknown.length === 1 ? 'unknown-one' : 'unknown-other', {
        values: unknown.map(function (u) { return u[0] + ' "' + u[1] + '"'; }).join(', ')
      });
      noticeEl.hidden = false;
    } else {
      noticeEl.hidden = true;
      noticeEl.textContent = '';
    }
  }

  function syncForm() {
    releaseOptions();
    form.elements.q.value = state.q;
    form.elements.from.value = state.from;
    form.elements.to.value = state.to;
    form.elements.pre.checked = state.pre;
    form.elements.action.checked = state.action;
    ['release'].concat(FACETS).forEach(function (f) {
      var count = 0;
      Array.prototype.forEach.call(form.querySelectorAll('input[name="' + f + '"]'), function (box) {
        box.checked = !!state[f][box.value];
        if (box.checked) { count++; }
      });
      var summary = form.querySelector('details[data-facet="' + f + '"] summary');
      summary.setAttribute('data-count', count ? String(count) : '');
    });
  }

  function readForm() {
    var s = empty();
    s.q = form.elements.q.value.trim();
    s.from = form.elements.from.value;
    s.to = form.elements.to.value;
    s.pre = form.elements.pre.checked;
    s.action = form.elements.action.checked;
    ['release'].concat(FACETS).forEach(function (f) {
      Array.prototype.forEach.call(form.querySelectorAll('input[name="' + f + '"]:checked'), function (box) { s[f][box.value] = true; });
    });
    state = s;
  }

  var query = null;
  var total = 0;

  // The current filter, ready to test notes against.
  function prepare() {
    var s = state;
    var set = Object.keys(s.release).map(function (v) { return byVersion[v]; });
    var inSet = {};
    set.forEach(function (r) { inSet[r] = true; });
    return {
      s: s,
      from: s.from ? byVersion[s.from] : -1,
      to: s.to ? byVersion[s.to] : releases.length,
      set: set,
      inSet: inSet,
      byRelease: set.length > 0 || !!s.from || !!s.to,
      want: FACETS.map(function (f) {
        var keys = Object.keys(s[f]);
        if (!keys.length) { return null; }
        var on = {};
        keys.forEach(function (k) { on[values[f][k]] = true; });
        return on;
      }),
      words: s.q.toLowerCase().split(/\s+/).filter(Boolean)
    };
  }

  // Tests the notes from index `start` on; counts them and keeps the matches.
  function scan(start) {
    var q = query;
    var s = q.s;
    for (var i = start; i < notes.length; i++) {
      var n = notes[i];
      if (!s.pre && n.onlyPre) { continue; }
      total++;
      if (s.action && !(n.flags & 1)) { continue; }
      var ok = true;
      if (q.byRelease) {
        ok = false;
        for (var r = 0; r < n.ranks.length && !ok; r++) {
          var rank = n.ranks[r];
          ok = rank >= q.from && rank <= q.to && (!q.set.length || q.inSet[rank]) && (s.pre || !releases[rank].pre);
        }
      }
      for (var f = 0; ok && f < q.want.length; f++) {
        if (!q.want[f]) { continue; }
        var have = n.f[f];
        ok = false;
        for (var k = 0; k < have.length; k++) { if (q.want[f][have[k]]) { ok = true; break; } }
      }
      for (var w = 0; ok && w < q.words.length; w++) { if (n.s.indexOf(q.words[w]) < 0) { ok = false; } }
      if (ok) { matches.push(i); }
    }
    pendingFrom = notes.length;
  }

  function apply() {
    query = prepare();
    total = 0;
    matches = [];
    scan(0);
    results.innerHTML = '';
    rendered = 0;
    lastHome = -1;
    lastList = null;
    more();
    report();
  }

  // More notes arrived: filter them, and fill the first screen if it is not full yet.
  function added() {
    if (!query) { return; }
    scan(pendingFrom);
    if (rendered < CHUNK) { more(); } else { sentinel.hidden = rendered >= matches.length; }
    report();
    if (complete) { done(); }
  }

  function done() {
    document.documentElement.setAttribute('data-notes', 'complete');
    if (window.performance && performance.mark) { performance.mark('comms-notes-complete'); }
  }

  function report() {
    var loading = complete ? '' : ' ' + label('loading');
    statusEl.textContent = (matches.length === total
      ? label('all', { total: total })
      : label('match', { n: matches.length, total: total })) + loading;
  }

  // Renders the next matches; called again when the end of the list comes near the screen.
  function more() {
    var end = Math.min(matches.length, rendered + CHUNK);
    var html = '';
    var opened = false;
    for (; rendered < end; rendered++) {
      var n = notes[matches[rendered]];
      if (n.home !== lastHome) {
        if (opened) { html += '</ul></section>'; }
        var r = releases[n.home];
        html += '<section class="release-group" data-rank="' + n.home + '"><h2><a href="' + text(r.href) + '">' + text(r.v) + '</a></h2><ul class="notes">';
        opened = true;
        lastHome = n.home;
      }
      html += n.html;
      if (!opened) {
        lastList.insertAdjacentHTML('beforeend', html);
        html = '';
      }
    }
    if (opened) {
      html += '</ul></section>';
      results.insertAdjacentHTML('beforeend', html);
      var lists = results.querySelectorAll('ul.notes');
      lastList = lists[lists.length - 1];
    }
    sentinel.hidden = rendered >= matches.length;
  }

  var sentinel = document.createElement('p');
  sentinel.className = 'more';
  var moreButton = document.createElement('button');
  moreButton.type = 'button';
  moreButton.textContent = label('more');
  moreButton.addEventListener('click', more);
  sentinel.appendChild(moreButton);
  results.parentNode.insertBefore(sentinel, results.nextSibling);
  if ('IntersectionObserver' in window) {
    new IntersectionObserver(function (entries) {
      if (entries.some(function (e) { return e.isIntersecting; }) && rendered < matches.length) { more(); }
    }, { rootMargin: '1200px 0px' }).observe(sentinel);
  }

  function commit(push) {
    var hash = hashOf(state);
    if (hash === lastHash) { return; }
    lastHash = hash;
    var url = hash ? '#' + hash : location.pathname + location.search;
    if (push) { history.pushState(null, '', url); } else { history.replaceState(null, '', url); }
  }

  function changed(fromText) {
    var preBefore = state.pre;
    readForm();
    noticeEl.hidden = true;
    if (state.pre !== preBefore) {
      if (!state.pre) {
        Object.keys(state.release).forEach(function (v) { if (releases[byVersion[v]].pre) { delete state.release[v]; } });
        if (state.from && releases[byVersion[state.from]].pre) { state.from = ''; }
        if (state.to && releases[byVersion[state.to]].pre) { state.to = ''; }
      }
      syncForm();
    } else {
      syncCounts();
    }
    apply();
    // A burst of typing is one history entry; every other change is one too.
    commit(!(fromText && typing));
    typing = fromText;
  }

  function syncCounts() {
    ['release'].concat(FACETS).forEach(function (f) {
      var count = Object.keys(state[f]).length;
      form.querySelector('details[data-facet="' + f + '"] summary').setAttribute('data-count', count ? String(count) : '');
    });
  }

  var timer = 0;
  form.addEventListener('input', function (event) {
    if (event.target.name !== 'q') { return; }
    clearTimeout(timer);
    timer = setTimeout(function () { changed(true); }, 150);
  });
  form.addEventListener('change', function (event) { if (event.target.name !== 'q') { changed(false); } });
  form.addEventListener('submit', function (e) { e.preventDefault(); clearTimeout(timer); changed(true); });
  form.addEventListener('reset', function () { setTimeout(function () { changed(false); }, 0); });

  // A tag on a note filters by it.
  results.addEventListener('click', function (event) {
    var tag = event.target.closest ? event.target.closest('a[data-facet]') : null;
    if (!tag || !(tag.getAttribute('data-facet') in values)) { return; }
    var facet = tag.getAttribute('data-facet');
    var value = tag.getAttribute('data-value');
    if (!(value in values[facet])) { return; }
    event.preventDefault();
    state[facet][value] = true;
    syncForm();
    apply();
    commit(true);
    typing = false;
  });

  function restore() {
    if (location.hash.replace(/^#/, '') === lastHash) { return; }
    readUrl();
    syncForm();
    apply();
    typing = false;
  }

  window.addEventListener('popstate', restore);
  window.addEventListener('hashchange', restore);

  if (toggle) {
    toggle.addEventListener('click', function () {
      var open = !form.classList.contains('open');
      form.classList.toggle('open', open);
      toggle.setAttribute('aria-expanded', open ? 'true' : 'false');
      if (open) { form.elements.q.focus(); }
    });
  }
}());
