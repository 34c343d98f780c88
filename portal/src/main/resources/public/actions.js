(function () {
  'use strict';
  const A = window.App;
  A.header('actions');
  const FILTERS = ['forum', 'county', 'institution', 'status', 'overdue'];
  const SUMS = ['identified', 'integrated', 'inProgress', 'completed', 'dropped', 'overdue'];
  const STATUS_ORDER = ['PROPOSED', 'UNDER_REVIEW', 'INTEGRATED', 'IN_PROGRESS', 'DONE', 'DROPPED'];

  function option(value, text) { return A.el('option', { value: value, text: text }); }

  /** The summary per county or forum: the forum-action indicators on today's date in Tirana. */
  function summary(reference, forumTitles, text) {
    const form = document.getElementById('summary-form');
    const by = document.getElementById('summary-by');
    const examples = document.getElementById('summary-examples');
    by.value = A.query.get('by') === 'forum' ? 'forum' : 'county';
    examples.checked = A.query.get('examples') === 'true';
    const countyNames = {};
    reference.counties.forEach(function (c) { countyNames[c.code] = c.name; });
    const draws = A.latest();
    function draw() {
      const ticket = draws.start();
      const url = '/api/v1/actions/summary?by=' + by.value + (examples.checked ? '&examples=true' : '');
      return draws.only(ticket, A.call('GET', url)).then(function (s) {
        document.getElementById('summary-key').textContent = A.t(by.value === 'forum' ? 'action.forum' : 'action.county');
        const body = document.querySelector('#summary tbody');
        const foot = document.querySelector('#summary tfoot');
        body.textContent = '';
        foot.textContent = '';
        const row = function (label, r, total) {
          const link = total ? A.el('th', { scope: 'row', text: label }) : A.el('th', { scope: 'row' }, [A.el('a', {
            href: '/actions.html?' + (by.value === 'forum' ? 'forum=' : 'county=') + encodeURIComponent(r.key), text: label })]);
          return A.el('tr', {}, [link].concat(SUMS.map(function (k) { return A.el('td', { class: 'num', text: A.number(r[k]) }); })));
        };
        s.rows.forEach(function (r) {
          const label = by.value === 'forum' ? text(forumTitles[r.key] || r.key) : (countyNames[r.key] || r.key);
          body.appendChild(row(label, r, false));
        });
        foot.appendChild(row(A.t('sum.total'), s.total, true));
        document.getElementById('summary-examples-note').textContent = s.examplesCounted > 0
          ? A.t('actions.examplesCounted', { n: s.examplesCounted })
          : s.examplesLeftOut > 0 ? A.t('actions.examplesLeftOut', { n: s.examplesLeftOut }) : '';
        document.getElementById('summary-note').textContent = A.t('actions.summaryNote', { day: A.date(s.on) });
      });
    }
    A.keepInUrl(form, ['by', 'examples']);
    form.addEventListener('change', function () { draw().catch(A.fail); });
    return draw();
  }

  function sortKey(a, column, forumTitles, text, reference) {
    switch (column) {
      case 'forum': return text(forumTitles[a.forumId] || '');
      case 'county': return a.countyName;
      case 'institution': return A.institutionName(reference, a.responsibleInstitution);
      case 'dueDate': return a.dueDate;
      case 'status': return String(STATUS_ORDER.indexOf(a.status)) + (a.overdue ? '0' : '1');
      default: return text(a.text);
    }
  }

  function table(actions, reference, forumTitles, text) {
    const sort = ['text', 'forum', 'county', 'institution', 'dueDate', 'status'].indexOf(A.query.get('sort')) >= 0 ? A.query.get('sort') : 'dueDate';
    const descending = A.query.get('dir') === 'desc';
    const collator = new Intl.Collator(A.lang() === 'en' ? 'en' : 'sq');
    const sorted = actions.slice().sort(function (x, y) {
      const c = collator.compare(sortKey(x, sort, forumTitles, text, reference), sortKey(y, sort, forumTitles, text, reference)) || (x.id - y.id);
      return descending ? -c : c;
    });
    document.querySelectorAll('#actions th[data-sort]').forEach(function (th) {
      const column = th.getAttribute('data-sort');
      const button = th.querySelector('button');
      th.setAttribute('aria-sort', column === sort ? (descending ? 'descending' : 'ascending') : 'none');
      button.setAttribute('aria-label', A.t('actions.sortBy', { column: button.textContent }));
      button.onclick = function () {
        const params = new URLSearchParams(window.location.search);
        params.set('sort', column);
        params.set('dir', column === sort && !descending ? 'desc' : 'asc');
        window.location.search = params.toString();
      };
    });
    const body = document.querySelector('#actions tbody');
    body.textContent = '';
    sorted.forEach(function (a) {
      const first = A.el('td', {}, [A.el('a', { href: '/action.html?id=' + a.id, text: text(a.text) })]);
      if (a.example) { first.appendChild(A.el('span', { class: 'badge', text: A.t('action.example') })); }
      body.appendChild(A.el('tr', { class: a.overdue ? 'overdue' : '' }, [first,
        A.el('td', {}, [A.el('a', { href: '/forum.html?id=' + a.forumId, text: text(forumTitles[a.forumId] || String(a.forumId)) })]),
        A.el('td', { text: a.countyName }), A.el('td', { text: A.institutionName(reference, a.responsibleInstitution) }),
        A.el('td', { text: A.date(a.dueDate) }),
        A.el('td', { text: A.t('st.' + a.status) + (a.overdue ? ' · ' + A.t('action.overdue') : '') })]));
    });
    document.getElementById('count').textContent = A.t('actions.count', { n: A.number(actions.length) });
    document.getElementById('empty').hidden = actions.length > 0;
  }

  async function load() {
    const [reference, forums, text] = await Promise.all([A.call('GET', '/api/v1/reference'), A.call('GET', '/api/v1/forums'), A.contentText()]);
    const forumTitles = {};
    forums.forEach(function (f) { forumTitles[f.id] = f.title; });
    const forum = document.getElementById('filter-forum');
    forum.appendChild(option('', A.t('actions.all')));
    forums.forEach(function (f) { forum.appendChild(option(String(f.id), A.date(f.heldOn) + ' · ' + text(f.title))); });
    const county = document.getElementById('filter-county');
    county.appendChild(option('', A.t('actions.all')));
    reference.counties.forEach(function (c) { county.appendChild(option(c.code, c.name)); });
    const institution = document.getElementById('filter-institution');
    institution.appendChild(option('', A.t('actions.all')));
    (reference.institutions || []).forEach(function (i) { institution.appendChild(option(i.name, A.institutionName(reference, i.name))); });
    const status = document.getElementById('filter-status');
    status.appendChild(option('', A.t('actions.all')));
    reference.statuses.forEach(function (s) { status.appendChild(option(s, A.t('st.' + s))); });
    ['forum', 'county', 'institution', 'status', 'sort', 'dir'].forEach(function (n) {
      const v = A.query.get(n);
      if (v) { document.querySelector('#filters [name=' + n + ']').value = v; }
    });
    document.getElementById('filter-overdue').checked = A.query.get('overdue') === 'true';
    const params = new URLSearchParams();
    FILTERS.forEach(function (n) { if (A.query.get(n)) { params.set(n, A.query.get(n)); } });
    const suffix = params.toString() ? '?' + params.toString() : '';
    document.getElementById('export-csv').href = '/api/v1/actions/export.csv' + suffix;
    document.getElementById('export-xlsx').href = '/api/v1/actions/export.xlsx' + (suffix ? suffix + '&' : '?') + 'lang=' + (A.lang() === 'en' ? 'en' : 'sq');
    const [actions] = await Promise.all([A.call('GET', '/api/v1/actions' + suffix), summary(reference, forumTitles, text)]);
    table(actions, reference, forumTitles, text);
  }
  load().catch(A.fail);
})();
