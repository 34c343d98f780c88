(function () {
  'use strict';
  const A = window.App;
  A.header('actions');
  const id = A.query.get('id');
  const PALETTE = ['#0072B2', '#E69F00', '#009E73', '#CC79A7'];

  let names = {};

  function facts(detail, reference, text) {
    const a = detail.action;
    const dl = document.getElementById('action-facts');
    dl.textContent = '';
    const add = function (key, node) {
      dl.appendChild(A.el('dt', { text: A.t(key) }));
      dl.appendChild(typeof node === 'string' ? A.el('dd', { text: node }) : A.el('dd', {}, [node]));
    };
    add('action.forum', A.el('a', { href: '/forum.html?id=' + a.forumId, text: text(detail.forumTitle) }));
    add('action.finding', text(a.finding));
    add('action.institution', A.institutionName(reference, a.responsibleInstitution));
    add('action.county', a.countyName);
    add('action.dueDate', A.date(a.dueDate) + (a.overdue ? ' · ' + A.t('action.overdue') : ''));
    add('action.status', A.t('st.' + a.status) + (a.dropReason ? ': ' + a.dropReason : ''));
    add('action.indicators', a.indicators.map(function (i) { return names[i] || i; }).join(', '));
  }

  /**
   * The status form: no status is chosen for the person; a final one (done, dropped) is saved only after they confirm it
   * in the box that opens below the form.
   */
  function statusForm(a) {
    const form = document.getElementById('status-form');
    const select = document.getElementById('s-status');
    const confirmBox = document.getElementById('status-confirm');
    select.textContent = '';
    select.appendChild(A.el('option', { value: '', text: A.t('action.choose') }));
    a.nextStatuses.forEach(function (s) { select.appendChild(A.el('option', { value: s, text: A.t('st.' + s) })); });
    select.value = '';
    form.hidden = a.nextStatuses.length === 0;
    const save = function () {
      A.call('POST', '/api/v1/actions/' + a.id + '/status', { status: select.value, reason: form.elements.reason.value,
        version: a.version })
        .then(function () { window.location.reload(); }).catch(function (e) { confirmBox.hidden = true; A.showErrors(form, e); });
    };
    select.addEventListener('change', function () { confirmBox.hidden = true; });
    document.getElementById('status-confirm-no').onclick = function () { confirmBox.hidden = true; select.focus(); };
    document.getElementById('status-confirm-yes').onclick = save;
    form.onsubmit = function (event) {
      event.preventDefault();
      if (!select.value) {
        A.showErrors(form, { body: { fields: { status: A.t('action.chooseFirst') } } });
        return;
      }
      if (select.value === 'DONE' || select.value === 'DROPPED') {
        document.getElementById('status-confirm-text').textContent = A.t('action.confirmFinal', { status: A.t('st.' + select.value) });
        confirmBox.hidden = false;
        document.getElementById('status-confirm-yes').focus();
        return;
      }
      save();
    };
  }

  function notes(detail) {
    const list = document.getElementById('notes');
    detail.notes.forEach(function (n) {
      list.appendChild(A.el('li', {}, [A.el('span', { class: 'meta', text: A.dateTime(n.writtenAt) + ' · ' + n.author + ': ' }),
        A.el('span', { text: n.text })]));
    });
    const form = document.getElementById('note-form');
    form.onsubmit = function (event) {
      event.preventDefault();
      A.call('POST', '/api/v1/actions/' + detail.action.id + '/notes', { text: form.elements.text.value })
        .then(function () { window.location.reload(); }).catch(function (e) { A.showErrors(form, e); });
    };
  }

  /** Each change in words: the field's name, day and time in Tirana, values as the page shows them elsewhere. */
  function history(detail, reference, text) {
    const body = document.querySelector('#history tbody');
    const shown = function (c, value) {
      if (!value) { return ''; }
      switch (c.field) {
        case 'status': case 'created': return A.t('st.' + value);
        case 'county': return (reference.counties.filter(function (x) { return x.code === value; })[0] || { name: value }).name;
        case 'dueDate': return A.date(value);
        case 'indicators': return value.split(', ').map(function (i) { return names[i] || i; }).join(', ');
        case 'responsibleInstitution': return A.institutionName(reference, value);
        case 'note': return A.t('history.noteAdded');
        default: return text(value);
      }
    };
    detail.history.forEach(function (c) {
      const known = A.t('field.' + c.field);
      body.appendChild(A.el('tr', {}, [A.el('td', { text: A.dateTime(c.changedAt) }), A.el('td', { text: c.editor }),
        A.el('td', { text: known === 'field.' + c.field ? c.field : known }), A.el('td', { text: shown(c, c.oldValue) }),
        A.el('td', { text: shown(c, c.newValue) })]));
    });
  }

  /** The period label (2025-03, 2025-Q1 or 2025) that holds a date, for a trend by that period type. */
  function periodOf(date, type) {
    const month = Number(date.substring(5, 7));
    return type === 'year' ? date.substring(0, 4) : type === 'quarter' ? date.substring(0, 4) + '-Q' + Math.ceil(month / 3) : date.substring(0, 7);
  }

  /**
   * The named indicators in the action's county (bars or a line, left axis) beside Albania's (a dashed line, right axis),
   * with when work started, when it was due and when it was done marked on the periods that hold those days.
   */
  function effect(e, snapshot) {
    const box = document.getElementById('effect');
    const missing = document.getElementById('effect-not-by-county');
    document.getElementById('effect-none').hidden = e.trends.length + e.notByCounty.length > 0;
    missing.hidden = e.notByCounty.length === 0;
    missing.textContent = A.t('action.notByCounty', { indicators: e.notByCounty.map(function (i) { return names[i] || i; }).join(', ') });
    document.getElementById('effect-legend').textContent = e.trends.length ? (snapshot.legend[A.lang()] || snapshot.legend.en) : '';
    e.trends.forEach(function (trend, i) {
      const points = trend.series[0].points;
      const national = trend.series.length > 1 ? trend.series[1].points : [];
      const periods = points.map(function (p) { return p.period; });
      const marks = [];
      const mark = function (day, key) {
        if (day && periods.indexOf(periodOf(day, trend.periodType)) >= 0) {
          marks.push({ xAxis: periodOf(day, trend.periodType), name: key, label: { formatter: A.t(key) + ' ' + A.date(day) } });
        }
      };
      mark(e.started, 'action.started');
      mark(e.dueDate, 'action.due');
      mark(e.completed, 'action.completed');
      const name = names[trend.indicator] || trend.indicator;
      const title = A.el('h3', { text: name + ' · ' + e.countyName + ' · ' + A.t('period.' + trend.periodType) });
      const chart = A.el('div', { class: 'chart', id: 'effect-' + trend.indicator, 'data-period-type': trend.periodType,
        'data-marks': marks.map(function (m) { return m.name.replace('action.', '') + '@' + m.xAxis; }).join(' '),
        role: 'img', 'aria-label': title.textContent });
      box.appendChild(title);
      box.appendChild(chart);
      const shownAs = function (p) { return p.status === 'PUBLISHED' ? A.number(p.value) : A.t('status.' + p.status); };
      const countyName = A.t('action.inCounty', { county: e.countyName });
      echarts.init(chart).setOption({
        color: [PALETTE[i % PALETTE.length], '#555555'],
        legend: { top: 0, data: [countyName, A.t('action.albania')] },
        tooltip: { trigger: 'axis', formatter: function (ps) {
          const k = ps[0].dataIndex;
          return periods[k] + '<br>' + A.t('action.inCounty', { county: e.countyName }) + ': ' + shownAs(points[k])
            + (national[k] ? '<br>' + A.t('action.albania') + ': ' + shownAs(national[k]) : '');
        } },
        grid: { left: 50, right: 60, top: 40, bottom: 40 },
        xAxis: { type: 'category', data: periods },
        yAxis: [{ type: 'value', minInterval: 1, axisLabel: { formatter: function (v) { return A.number(v); } } },
          { type: 'value', minInterval: 1, splitLine: { show: false }, axisLabel: { formatter: function (v) { return A.number(v); } } }],
        series: [{ type: points.length > 1 ? 'line' : 'bar', name: countyName, yAxisIndex: 0,
          data: points.map(function (p) { return p.status === 'PUBLISHED' ? p.value : null; }),
          markLine: { symbol: 'none', lineStyle: { color: '#333', type: 'solid' }, data: marks } },
        { type: 'line', name: A.t('action.albania'), yAxisIndex: 1, lineStyle: { type: 'dashed' }, symbol: 'none',
          data: national.map(function (p) { return p.status === 'PUBLISHED' ? p.value : null; }) }]
      });
    });
  }

  async function load() {
    const [reference, text] = await Promise.all([A.call('GET', '/api/v1/reference'), A.contentText()]);
    names = await A.indicatorNames();
    reference.indicatorNames = names;
    reference.text = text;
    const detail = await A.call('GET', '/api/v1/actions/' + encodeURIComponent(id));
    const a = detail.action;
    document.getElementById('action-text').textContent = text(a.text);
    document.getElementById('action-example').hidden = !a.example;
    facts(detail, reference, text);
    statusForm(a);
    notes(detail);
    history(detail, reference, text);
    const forum = await A.call('GET', '/api/v1/forums/' + a.forumId);
    window.ActionForm.build(document.getElementById('action-form'), reference, forum, a, function (b) {
      return A.call('PUT', '/api/v1/actions/' + a.id, b).then(function () { window.location.reload(); });
    });
    const [effectView, snapshot] = await Promise.all([A.call('GET', '/api/v1/actions/' + a.id + '/effect'), A.call('GET', '/api/v1/snapshot')]);
    effect(effectView, snapshot);
  }
  load().catch(A.fail);
})();
