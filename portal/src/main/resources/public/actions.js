(function () {
  'use strict';
  const A = window.App;
  A.header('actions');

  async function load() {
    const reference = await A.call('GET', '/api/v1/reference');
    const county = document.getElementById('filter-county');
    county.appendChild(A.el('option', { value: '', text: A.t('actions.all') }));
    reference.counties.forEach(function (c) { county.appendChild(A.el('option', { value: c.code, text: c.name })); });
    const status = document.getElementById('filter-status');
    status.appendChild(A.el('option', { value: '', text: A.t('actions.all') }));
    reference.statuses.forEach(function (s) { status.appendChild(A.el('option', { value: s, text: A.t('st.' + s) })); });
    ['county', 'institution', 'status'].forEach(function (n) {
      const v = A.query.get(n);
      if (v) { document.querySelector('#filters [name=' + n + ']').value = v; }
    });
    document.getElementById('filter-overdue').checked = A.query.get('overdue') === 'true';
    const params = new URLSearchParams();
    ['county', 'institution', 'status', 'overdue'].forEach(function (n) { if (A.query.get(n)) { params.set(n, A.query.get(n)); } });
    const suffix = params.toString() ? '?' + params.toString() : '';
    document.getElementById('export-csv').href = '/api/v1/actions/export.csv' + suffix;
    document.getElementById('export-xlsx').href = '/api/v1/actions/export.xlsx' + suffix;
    const actions = await A.call('GET', '/api/v1/actions' + suffix);
    const body = document.querySelector('#actions tbody');
    actions.forEach(function (a) {
      const first = A.el('td', {}, [A.el('a', { href: '/action.html?id=' + a.id, text: a.text })]);
      if (a.example) { first.appendChild(A.el('span', { class: 'badge', text: A.t('action.example') })); }
      body.appendChild(A.el('tr', { class: a.overdue ? 'overdue' : '' }, [first, A.el('td', { text: a.countyName }),
        A.el('td', { text: a.responsibleInstitution }), A.el('td', { text: A.date(a.dueDate) }),
        A.el('td', { text: A.t('st.' + a.status) + (a.overdue ? ' · ' + A.t('action.overdue') : '') })]));
    });
    document.getElementById('empty').hidden = actions.length > 0;
  }
  load().catch(A.fail);
})();
