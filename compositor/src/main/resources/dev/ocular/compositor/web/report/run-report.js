// Draws report.html's charts from the JSON block #report-data with Apache ECharts, which is inlined before this
// script. The data (times in ms) is prepared by ocular's RunReportHtml; this file only maps it onto chart options.
(function () {
  'use strict';
  const data = JSON.parse(document.getElementById('report-data').textContent);
  const charts = [];

  function draw(id, option) {
    const element = document.getElementById(id);
    if (!element) {
      return;
    }
    const chart = echarts.init(element);
    chart.setOption(Object.assign({animation: false}, option));
    charts.push(chart);
  }

  function line(name, values) {
    return {name: name, type: 'line', data: values, showSymbol: false, sampling: 'lttb', connectNulls: false};
  }

  // Bars at bin centres on a value axis, so eyes with different bin edges share one axis.
  function histogramSeries(name, h) {
    const points = h.counts.map((count, i) => [h.start + (i + 0.5) * h.width, count]);
    return {name: name + (h.overflow > 0 ? ' (+' + h.overflow + ' above p99.9)' : ''), type: 'bar',
      data: points, barMaxWidth: 18};
  }

  function histogram(id, series) {
    draw(id, {
      tooltip: {trigger: 'axis'},
      legend: {},
      grid: {left: 60, right: 20, top: 40, bottom: 50},
      xAxis: {type: 'value', name: 'ms', nameLocation: 'middle', nameGap: 28, scale: true},
      yAxis: {type: 'value', name: 'frames'},
      series: series
    });
  }

  const s = data.series;
  const frameSeries = line('frame interval', s.interval_ms);
  if (data.period_ms !== null && data.period_ms !== undefined) {
    frameSeries.markLine = {symbol: 'none', label: {formatter: 'display period', position: 'insideEndTop'},
      data: [{yAxis: data.period_ms}]};
  }
  draw('chart-frame-time', {
    tooltip: {trigger: 'axis'},
    legend: {},
    grid: {left: 60, right: 20, top: 40, bottom: 90},
    xAxis: {type: 'category', data: s.frame, nameLocation: 'middle', nameGap: 28,
      name: s.bucket > 1 ? 'frame (max of each ' + s.bucket + ')' : 'frame'},
    yAxis: {type: 'value', name: 'ms'},
    dataZoom: [{type: 'inside'}, {type: 'slider'}],
    series: [frameSeries, line('left GPU', s.gpu_ms.left), line('right GPU', s.gpu_ms.right)]
  });

  draw('chart-stages', {
    tooltip: {trigger: 'axis', axisPointer: {type: 'shadow'}},
    legend: {type: 'scroll'},
    grid: {left: 90, right: 30, top: 50, bottom: 40},
    xAxis: {type: 'value', name: 'ms', nameLocation: 'middle', nameGap: 28},
    yAxis: {type: 'category', data: ['left eye', 'right eye']},
    series: data.stages.names.map((name, i) => ({
      name: name, type: 'bar', stack: 'gpu',
      data: [data.stages.mean_ms.left[i], data.stages.mean_ms.right[i]]
    }))
  });

  histogram('chart-hist-interval', [histogramSeries('frame interval', data.histograms.interval_ms)]);
  histogram('chart-hist-gpu', [histogramSeries('left GPU', data.histograms.gpu_ms_left),
    histogramSeries('right GPU', data.histograms.gpu_ms_right)]);

  window.addEventListener('resize', () => charts.forEach(chart => chart.resize()));
  // Lets a browser test see that every chart was created.
  document.body.dataset.chartsDrawn = String(charts.length);
})();
