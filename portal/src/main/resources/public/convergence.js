// Convergence (the national coordinator's gap): children first met by one mechanism, and which later ones reached
// them, as a Sankey diagram with the share lost at each step, and the delay to NRM identification. Flows that
// disclosure control withholds are not drawn (their size is unknown to the page) and are listed instead.
(function () {
  'use strict';
  const A = window.App;
  const C = window.Charts;
  A.header('convergence');
  const form = document.getElementById('convergence-form');
  let reference = null;
  let flowChart = null;
  let delayChart = null;

  function node(id) {
    return id.indexOf('after:') === 0 ? A.t('convergence.after', { mechanism: A.t('source.' + id.slice(6)) }) : A.t('source.' + id);
  }

  async function draw() {
    const [from, to] = form.elements.period.value.split('/');
    const county = form.elements.county.value;
    const start = form.elements.start.value;
    const query = 'from=' + from + '&to=' + to + (county ? '&county=' + county : '');
    const flow = await A.call('GET', '/api/v1/convergence?start=' + start + '&' + query);
    document.getElementById('flow-total').textContent = A.t('convergence.total', { children: flow.status === 'PUBLISHED' ? A.number(flow.children) : A.t('status.' + flow.status) });
    const shown = flow.links.filter(function (l) { return l.status === 'PUBLISHED'; });
    const names = [];
    shown.forEach(function (l) { [l.source, l.target].forEach(function (n) { if (names.indexOf(n) < 0) { names.push(n); } }); });
    flowChart.setOption({
      color: C.PALETTE,
      tooltip: { trigger: 'item', formatter: function (p) { return p.dataType === 'edge' ? node(p.data.source) + ' → ' + node(p.data.target) + ': ' + A.number(p.data.value) : node(p.name); } },
      series: [{ type: 'sankey', left: 10, right: 160, nodeAlign: 'left', emphasis: { focus: 'adjacency' },
        label: { formatter: function (p) { return node(p.name); } },
        data: names.map(function (n, i) { return { name: n, itemStyle: { color: n.indexOf('after:') === 0 ? '#BBBBBB' : C.PALETTE[i % C.PALETTE.length] } }; }),
        links: shown.map(function (l) { return { source: l.source, target: l.target, value: l.children }; }) }]
    }, true);
    const withheld = flow.links.filter(function (l) { return l.status !== 'PUBLISHED'; });
    document.getElementById('withheld').textContent = withheld.length ? A.t('convergence.withheld', {
      flows: withheld.map(function (l) { return node(l.source) + ' → ' + node(l.target); }).join('; ') }) : '';
    // The share lost at each step: children who went no further, of those who reached the step.
    const inflow = {}; const lost = {};
    flow.links.forEach(function (l) {
      if (l.target.indexOf('after:') === 0) { lost[l.source] = l; } else { inflow[l.target] = (inflow[l.target] || []).concat([l]); }
    });
    const rows = flow.links.map(function (l) {
      return [node(l.source) + ' → ' + node(l.target), l.status === 'PUBLISHED' ? A.number(l.children) : A.t('status.' + l.status), ''];
    });
    Object.keys(lost).forEach(function (m) {
      const ins = m === start ? [{ children: flow.children, status: flow.status }] : (inflow[m] || []);
      const known = lost[m].status === 'PUBLISHED' && ins.every(function (l) { return l.status === 'PUBLISHED'; });
      const total = ins.reduce(function (s, l) { return s + (l.children || 0); }, 0);
      rows.push([A.t('convergence.lostAt', { mechanism: A.t('source.' + m) }), '', known && total ? C.cell({ status: 'PUBLISHED', value: 100 * lost[m].children / total }, 'percent') : A.t('status.SUPPRESSED_COMPLEMENTARY')]);
    });
    C.fillTable(document.getElementById('flow-table'), [A.t('convergence.flowColumn'), A.t('convergence.children'), A.t('convergence.shareLost')], rows);
    C.csvLink(document.getElementById('flow-csv'), 'convergence_' + start + '_' + from + '_' + to + (county ? '_' + county : '') + '.csv',
      ['source', 'target', 'children', 'status', 'snapshot'], flow.links.map(function (l) { return [l.source, l.target, l.children, l.status, flow.snapshot]; }));
    delayChart.setOption({
      color: C.PALETTE,
      tooltip: { trigger: 'axis', formatter: function (p) { const d = flow.delays[p[0].dataIndex]; return d.reached[0] + ': ' + (d.status === 'PUBLISHED' ? A.number(d.children) : A.t('status.' + d.status)); } },
      grid: { left: 60, right: 20, top: 20, bottom: 40 },
      xAxis: { type: 'category', name: A.t('convergence.days'), nameLocation: 'middle', nameGap: 28, data: flow.delays.map(function (d) { return d.reached[0]; }) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [{ type: 'bar', name: A.t('convergence.children'), data: flow.delays.map(function (d) { return d.status === 'PUBLISHED' ? d.children : null; }) }]
    }, true);
    C.fillTable(document.getElementById('delay-table'), [A.t('convergence.days'), A.t('convergence.children')],
      flow.delays.map(function (d) { return [d.reached[0], d.status === 'PUBLISHED' ? A.number(d.children) : A.t('status.' + d.status)]; }));
    C.csvLink(document.getElementById('delay-csv'), 'days_to_nrm_' + start + '_' + from + '_' + to + (county ? '_' + county : '') + '.csv',
      ['days', 'children', 'status', 'snapshot'], flow.delays.map(function (d) { return [d.reached[0], d.children, d.status, flow.snapshot]; }));
    const median = await A.call('GET', '/api/v1/indicators/median_days_first_contact_to_nrm?period=range&' + query + '&first_mechanism=' + start);
    document.getElementById('median').textContent = A.t('convergence.median', { days: C.cell(median.rows[0], 'median_days') });
  }

  async function load() {
    const [ref, snap] = await Promise.all([A.call('GET', '/api/v1/reference'), A.call('GET', '/api/v1/snapshot')]);
    reference = ref;
    C.spans(snap).forEach(function (p) { form.elements.period.appendChild(A.el('option', { value: p.value, text: p.text })); });
    form.elements.county.appendChild(A.el('option', { value: '', text: A.t('compare.albania') }));
    reference.counties.forEach(function (c) { form.elements.county.appendChild(A.el('option', { value: c.code, text: c.name })); });
    form.elements.start.value = A.query.get('start') || 'border';
    flowChart = C.init('chart-flow');
    delayChart = C.init('chart-delay');
    form.addEventListener('change', function () { draw().catch(A.fail); });
    await draw();
  }

  load().catch(A.fail);
})();
