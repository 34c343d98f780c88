// The national overview: each chart is fed by one JSON endpoint under /api/v1/overview.
// Suppressed and not-reported values arrive as null with a status; lines show them as gaps.
(function () {
  'use strict';
  // Okabe-Ito: distinguishable with the common forms of colour blindness.
  const PALETTE = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00'];
  const STATUS_TEXT = {
    SUPPRESSED_SMALL_COUNT: 'suppressed (small count)',
    SUPPRESSED_COMPLEMENTARY: 'suppressed (protects another cell)',
    NOT_REPORTED: 'not reported'
  };
  const charts = [];

  async function getJson(url) {
    const response = await fetch(url);
    const body = await response.json();
    if (!response.ok) {
      throw new Error(body.error || ('The portal answered ' + response.status));
    }
    return body;
  }

  function makeChart(id) {
    const chart = echarts.init(document.getElementById(id));
    charts.push(chart);
    return chart;
  }

  function tooltipFormatter(seriesList) {
    return function (params) {
      const items = Array.isArray(params) ? params : [params];
      const lines = [items[0].axisValueLabel || items[0].name];
      items.forEach(function (p) {
        const point = seriesList[p.seriesIndex].points[p.dataIndex];
        const text = point.status === 'PUBLISHED' ? point.value : STATUS_TEXT[point.status];
        lines.push(p.marker + ' ' + p.seriesName + ': ' + text);
      });
      return lines.join('<br>');
    };
  }

  function lineOption(trend, names) {
    const months = trend.series.length ? trend.series[0].points.map(function (p) { return p.period; }) : [];
    return {
      color: PALETTE,
      tooltip: { trigger: 'axis', formatter: tooltipFormatter(trend.series) },
      legend: { top: 0 },
      grid: { left: 50, right: 20, top: 36, bottom: 40 },
      xAxis: { type: 'category', data: months },
      yAxis: { type: 'value', minInterval: 1 },
      series: trend.series.map(function (s) {
        return {
          name: names[s.key] || s.key, type: 'line', connectNulls: false, showSymbol: true,
          data: s.points.map(function (p) { return p.value; })
        };
      })
    };
  }

  function countyOption(breakdown) {
    const counties = breakdown.counties;
    return {
      color: PALETTE,
      tooltip: {
        trigger: 'axis', axisPointer: { type: 'shadow' },
        formatter: function (params) {
          const c = counties[params[0].dataIndex];
          return c.countyName + ': ' + (c.status === 'PUBLISHED' ? c.value : STATUS_TEXT[c.status]);
        }
      },
      grid: { left: 50, right: 20, top: 20, bottom: 60 },
      xAxis: { type: 'category', data: counties.map(function (c) { return c.countyName; }), axisLabel: { rotate: 30 } },
      yAxis: { type: 'value', minInterval: 1 },
      series: [{
        name: 'Children encountered', type: 'bar',
        data: counties.map(function (c) { return c.value; }),
        label: {
          show: true, position: 'top',
          formatter: function (p) { return counties[p.dataIndex].status === 'PUBLISHED' ? '' : '–'; }
        }
      }]
    };
  }

  async function load() {
    const snapshot = await getJson('/api/v1/snapshot');
    document.getElementById('snapshot').textContent = 'Data snapshot ' + snapshot.id + ', months ' +
      snapshot.firstMonth + ' to ' + snapshot.lastMonth + ', ' + snapshot.filesLoaded + ' regional files loaded, ' +
      snapshot.filesRejected + ' rejected.';
    const encountered = await getJson('/api/v1/overview/children-encountered/monthly');
    makeChart('chart-encountered').setOption(lineOption(encountered, { all: 'Children encountered' }));
    const victims = await getJson('/api/v1/overview/child-victims/monthly');
    makeChart('chart-victims').setOption(lineOption(victims,
      { potential: 'Potential', presumed: 'Presumed', identified: 'Officially identified' }));
    const byCounty = await getJson('/api/v1/overview/children-encountered/by-county');
    document.getElementById('county-period').textContent = 'Months ' + byCounty.from + ' to ' + byCounty.to + '.';
    makeChart('chart-county').setOption(countyOption(byCounty));
    document.getElementById('disclosure').textContent = 'Counts from 1 to ' + (encountered.suppressionThreshold - 1) +
      ' are suppressed to protect children, with further cells hidden where totals could reveal them; ' +
      'suppressed months appear as gaps, suppressed counties as "–".';
  }

  window.addEventListener('resize', function () { charts.forEach(function (c) { c.resize(); }); });
  load().catch(function (e) {
    const box = document.getElementById('error');
    box.textContent = 'The overview could not be loaded: ' + e.message;
    box.hidden = false;
  });
})();
