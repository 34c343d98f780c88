(function () {
  'use strict';
  const A = window.App;
  A.header('actions');
  const id = A.query.get('id');
  const PALETTE = ['#0072B2', '#E69F00', '#009E73', '#CC79A7'];

  let names = {};

  function facts(detail) {
    const a = detail.action;
    const dl = document.getElementById('action-facts');
    dl.textContent = '';
    const add = function (key, node) {
      dl.appendChild(A.el('dt', { text: A.t(key) }));
      dl.appendChild(typeof node === 'string' ? A.el('dd', { text: node }) : A.el('dd', {}, [node]));
    };
    add('action.forum', A.el('a', { href: '/forum.html?id=' + a.forumId, text: detail.forumTitle }));
    add('action.finding', a.finding);
    add('action.institution', a.responsibleInstitution);
    add('action.county', a.countyName);
    add('action.dueDate', A.date(a.dueDate) + (a.overdue ? ' · ' + A.t('action.overdue') : ''));
    add('action.status', A.t('st.' + a.status) + (a.dropReason ? ': ' + a.dropReason : ''));
    add('action.indicators', a.indicators.map(function (i) { return names[i] || i; }).join(', '));
  }

  function statusForm(a) {
    const form = document.getElementById('status-form');
    const select = document.getElementById('s-status');
    select.textContent = '';
    a.nextStatuses.forEach(function (s) { select.appendChild(A.el('option', { value: s, text: A.t('st.' + s) })); });
    form.hidden = a.nextStatuses.length === 0;
    form.onsubmit = function (event) {
      event.preventDefault();
      A.call('POST', '/api/v1/actions/' + a.id + '/status', { status: select.value, reason: form.elements.reason.value,
        version: a.version })
        .then(function () { window.location.reload(); }).catch(function (e) { A.showErrors(form, e); });
    };
  }

  function notes(detail) {
    const list = document.getElementById('notes');
    detail.notes.forEach(function (n) {
      list.appendChild(A.el('li', {}, [A.el('span', { class: 'meta', text: A.date(n.writtenAt) + ' · ' + n.author + ': ' }),
        A.el('span', { text: n.text })]));
    });
    const form = document.getElementById('note-form');
    form.onsubmit = function (event) {
      event.preventDefault();
      A.call('POST', '/api/v1/actions/' + detail.action.id + '/notes', { text: form.elements.text.value })
        .then(function () { window.location.reload(); }).catch(function (e) { A.showErrors(form, e); });
    };
  }

  function history(detail) {
    const body = document.querySelector('#history tbody');
    const shown = function (c, value) {
      return !value ? '' : (c.field === 'status' || c.field === 'created') ? A.t('st.' + value) : value;
    };
    detail.history.forEach(function (c) {
      body.appendChild(A.el('tr', {}, [A.el('td', { text: A.date(c.changedAt) }), A.el('td', { text: c.editor }),
        A.el('td', { text: c.field }), A.el('td', { text: shown(c, c.oldValue) }), A.el('td', { text: shown(c, c.newValue) })]));
    });
  }

  /** The period label (2025-03, 2025-Q1 or 2025) that holds a date, for a trend by that period type. */
  function periodOf(date, type) {
    const month = Number(date.substring(5, 7));
    return type === 'year' ? date.substring(0, 4) : type === 'quarter' ? date.substring(0, 4) + '-Q' + Math.ceil(month / 3) : date.substring(0, 7);
  }

  function effect(e, snapshot) {
    const box = document.getElementById('effect');
    const missing = document.getElementById('effect-not-by-county');
    document.getElementById('effect-none').hidden = e.trends.length + e.notByCounty.length > 0;
    missing.hidden = e.notByCounty.length === 0;
    missing.textContent = A.t('action.notByCounty', { indicators: e.notByCounty.map(function (i) { return names[i] || i; }).join(', ') });
    document.getElementById('effect-legend').textContent = e.trends.length ? (snapshot.legend[A.lang()] || snapshot.legend.en) : '';
    e.trends.forEach(function (trend, i) {
      const points = trend.series[0].points;
      const periods = points.map(function (p) { return p.period; });
      const marks = [];
      if (e.started) { marks.push({ xAxis: periodOf(e.started, trend.periodType), label: { formatter: A.t('action.started') } }); }
      if (e.completed) { marks.push({ xAxis: periodOf(e.completed, trend.periodType), label: { formatter: A.t('action.completed') } }); }
      const title = A.el('h3', { text: (names[trend.indicator] || trend.indicator) + ' · ' + e.countyName + ' · ' + A.t('period.' + trend.periodType) });
      const chart = A.el('div', { class: 'chart', id: 'effect-' + trend.indicator, 'data-period-type': trend.periodType });
      box.appendChild(title);
      box.appendChild(chart);
      echarts.init(chart).setOption({
        color: [PALETTE[i % PALETTE.length]],
        tooltip: { trigger: 'axis', formatter: function (ps) {
          const p = points[ps[0].dataIndex];
          return p.period + ': ' + (p.status === 'PUBLISHED' ? A.number(p.value) : A.t('status.' + p.status));
        } },
        grid: { left: 50, right: 20, top: 20, bottom: 40 },
        xAxis: { type: 'category', data: periods },
        yAxis: { type: 'value', minInterval: 1 },
        series: [{ type: points.length > 1 ? 'line' : 'bar', name: names[trend.indicator] || trend.indicator,
          data: points.map(function (p) { return p.status === 'PUBLISHED' ? p.value : null; }),
          markLine: { symbol: 'none', data: marks.filter(function (m) { return periods.indexOf(m.xAxis) >= 0; }) } }]
      });
    });
  }

  async function load() {
    const reference = await A.call('GET', '/api/v1/reference');
    names = await A.indicatorNames();
    reference.indicatorNames = names;
    const detail = await A.call('GET', '/api/v1/actions/' + encodeURIComponent(id));
    const a = detail.action;
    document.getElementById('action-text').textContent = a.text;
    document.getElementById('action-example').hidden = !a.example;
    facts(detail);
    statusForm(a);
    notes(detail);
    history(detail);
    const forum = await A.call('GET', '/api/v1/forums/' + a.forumId);
    window.ActionForm.build(document.getElementById('action-form'), reference, forum, a, function (b) {
      return A.call('PUT', '/api/v1/actions/' + a.id, b).then(function () { window.location.reload(); });
    });
    const [effectView, snapshot] = await Promise.all([A.call('GET', '/api/v1/actions/' + a.id + '/effect'), A.call('GET', '/api/v1/snapshot')]);
    effect(effectView, snapshot);
  }
  load().catch(A.fail);
})();
