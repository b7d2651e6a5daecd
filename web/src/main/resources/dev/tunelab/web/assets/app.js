/*
 * TuneLab dashboard: one page, hash-routed, read-only.
 *
 * Data comes from the JSON API documented in docs/dashboard-api.md, or, in a report written by
 * `tunelab report`, from the JSON embedded in <script id="tunelab-data">. Every piece of text that
 * comes from the data reaches the page through textContent or a text node, never as HTML; chart
 * tooltips escape it with echarts.format.encodeHTML. Charts draw on canvas.
 *
 * Test hooks: every chart container has data-chart="<kind>", and once ECharts has finished drawing
 * it data-rendered="true" and data-points="<number of data points it plots>". When every chart
 * and table of a page is drawn, #app gets data-ready="true" and, the first time in a document,
 * <body> gets data-render-ms (milliseconds since navigation start).
 */
(function () {
  'use strict';

  var REFRESH_MS = 2000;
  var LARGE = 400;            // from this many points scatter series draw in ECharts' large mode
  var LOG_PAGE = 1000;        // lines per request to the logs endpoint
  var LOG_AUTO_PAGES = 10;    // pages read without asking before a "more" button
  var app = document.getElementById('app');

  /* ---------- small DOM helpers: text always goes in as text ---------- */

  function h(tag, attrs) {
    var e = document.createElement(tag);
    if (attrs) {
      Object.keys(attrs).forEach(function (k) {
        var v = attrs[k];
        if (v === null || v === undefined || v === false) return;
        if (k === 'class') e.className = v;
        else if (k === 'text') e.textContent = String(v);
        else if (k.indexOf('on') === 0) e.addEventListener(k.slice(2), v);
        else e.setAttribute(k, v === true ? '' : String(v));
      });
    }
    for (var i = 2; i < arguments.length; i++) append(e, arguments[i]);
    return e;
  }

  function append(parent, child) {
    if (child === null || child === undefined || child === false) return;
    if (Array.isArray(child)) { child.forEach(function (c) { append(parent, c); }); return; }
    parent.appendChild(typeof child === 'object' ? child : document.createTextNode(String(child)));
  }

  function link(route, text) { return h('a', {href: route}, text); }
  function trainingLink(name) { return link('#/training/' + encodeURIComponent(name), name); }
  function tuningLink(name) { return link('#/tuning/' + encodeURIComponent(name), name); }

  function esc(s) { return echarts.format.encodeHTML(String(s === null || s === undefined ? '' : s)); }

  function fmt(v) {
    if (v === null || v === undefined || v === '') return '—';
    if (typeof v !== 'number') return String(v);
    if (!isFinite(v)) return '—';
    if (Number.isInteger(v)) return String(v);
    var a = Math.abs(v);
    if (a !== 0 && (a < 1e-3 || a >= 1e7)) return v.toExponential(4);
    return String(Number(v.toPrecision(6)));
  }

  function fmtTime(iso) {
    if (!iso) return '—';
    return String(iso).replace('T', ' ').replace(/\.\d+Z$/, 'Z');
  }

  function seconds(from, to) {
    if (!from || !to) return null;
    var ms = Date.parse(to) - Date.parse(from);
    return isFinite(ms) ? Math.round(ms / 100) / 10 : null;
  }

  function statusBadge(status) {
    var s = String(status || 'Unknown');
    return h('span', {class: 'status status-' + s.toLowerCase().replace(/[^a-z]/g, '')}, s);
  }

  function running(status) { return status === 'InProgress' || status === 'Stopping'; }

  function num(v) {
    if (v === null || v === undefined || v === '') return null;
    var n = typeof v === 'number' ? v : Number(v);
    return isFinite(n) ? n : null;
  }

  function has(obj, key) { return obj !== null && typeof obj === 'object' && Object.prototype.hasOwnProperty.call(obj, key); }

  /* ---------- where the data comes from: the API, or the report's embedded JSON ---------- */

  function ApiError(message, status) { this.message = message; this.status = status; }

  // Set by start(), once the document (and with it a report's embedded data) is parsed.
  var REPORT = null, REPORT_ERROR = null;

  // Served by the dashboard this script has a src; inlined in a report it has none. Served, it
  // asks for the page's data at once, while the browser still parses ECharts (which comes after
  // it in index.html), instead of after.
  var SERVED = !!(document.currentScript && document.currentScript.src);
  var PREFETCH = {};

  function getJson(path) {
    if (has(PREFETCH, path)) {
      var early = PREFETCH[path];
      delete PREFETCH[path];
      return early;
    }
    return fetchJson(path);
  }

  function fetchJson(path) {
    return fetch(path, {headers: {Accept: 'application/json'}, cache: 'no-store', credentials: 'same-origin'})
      .then(function (r) {
        return r.text().then(function (body) {
          var json = null;
          try { json = body ? JSON.parse(body) : null; } catch (e) { json = null; }
          if (!r.ok) throw new ApiError(json && json.Error ? json.Error : 'HTTP ' + r.status, r.status);
          if (json === null) throw new ApiError('the server sent no JSON', r.status);
          return json;
        });
      }, function () { throw new ApiError('the dashboard server does not answer', 0); });
  }

  function reportSource(data) {
    var tuning = data.TuningJob || null;
    var trainings = data.TrainingJobs || {};
    function summary(t) {
      return {Name: t.Name, Strategy: t.Strategy, Status: t.Status, CreationTime: t.CreationTime, EndTime: t.EndTime,
        ObjectiveMetric: t.ObjectiveMetric, ObjectiveType: t.ObjectiveType,
        MaxNumberOfTrainingJobs: t.MaxNumberOfTrainingJobs, Counters: t.Counters,
        BestTrainingJob: t.BestTrainingJob, BestObjective: t.BestObjective};
    }
    function missing(what) { return Promise.reject(new ApiError(what + ' is not in this report', 404)); }
    return {
      report: true,
      tuningJobs: function () { return Promise.resolve({TuningJobs: tuning ? [summary(tuning)] : []}); },
      tuningJob: function (name) { return tuning && tuning.Name === name ? Promise.resolve(tuning) : missing('tuning job ' + name); },
      trainingJob: function (name) { return has(trainings, name) ? Promise.resolve(trainings[name]) : missing('training job ' + name); },
      logs: function (name, after) {
        var lines = has(trainings, name) && Array.isArray(trainings[name].Logs) ? trainings[name].Logs : [];
        var out = lines.filter(function (l) { return l.Seq > after; });
        return Promise.resolve({Lines: out, Next: out.length ? out[out.length - 1].Seq : after, More: false});
      },
      transformRuns: function () { return Promise.resolve({TransformRuns: data.TransformRuns || []}); }
    };
  }

  var apiSource = {
    report: false,
    tuningJobs: function () { return getJson('api/tuning-jobs'); },
    tuningJob: function (name) { return getJson('api/tuning-jobs/' + encodeURIComponent(name)); },
    trainingJob: function (name) { return getJson('api/training-jobs/' + encodeURIComponent(name)); },
    logs: function (name, after, limit) {
      return getJson('api/training-jobs/' + encodeURIComponent(name) + '/logs?after=' + after + '&limit=' + (limit || LOG_PAGE));
    },
    transformRuns: function () { return getJson('api/transform-runs'); }
  };

  var source = apiSource;  // start() switches to the report's data when there is some

  /* ---------- page life cycle: charts, timers, readiness ---------- */

  var page = {token: 0, charts: [], timers: [], ready: false, building: 0};
  var pendingPoints = new WeakMap();

  function newPage() {
    page.token++;
    page.timers.forEach(clearTimeout);
    page.charts.forEach(function (c) { c.dispose(); });
    page = {token: page.token, charts: [], timers: [], ready: false, building: 0};
    app.removeAttribute('data-ready');
    app.replaceChildren();
    return page.token;
  }

  /** A performance mark (tunelab:NAME) the render timing reads; the first of each name counts. */
  function mark(name) {
    if (window.performance && performance.mark && !performance.getEntriesByName('tunelab:' + name).length) {
      performance.mark('tunelab:' + name);
    }
  }

  function current(token) { return token === page.token; }

  function later(token, fn, ms) {
    if (!current(token)) return;
    page.timers.push(setTimeout(function () { if (current(token)) fn(); }, ms));
  }

  /** Runs fn as one step of building the page: the page is not ready before it returns. */
  function building(fn) {
    page.building++;
    try { fn(); } finally { page.building--; }
    checkReady();
  }

  /** Marks the page ready once every chart on it has finished drawing. */
  function checkReady() {
    if (page.ready || page.building > 0) return;
    if (app.querySelector('[data-loading]')) return;
    var boxes = app.querySelectorAll('[data-chart]');
    for (var i = 0; i < boxes.length; i++) if (boxes[i].getAttribute('data-rendered') !== 'true') return;
    page.ready = true;
    app.setAttribute('data-ready', 'true');
    mark('ready');
    if (!document.body.hasAttribute('data-render-ms')) {
      document.body.setAttribute('data-render-ms', performance.now().toFixed(1));
    }
  }

  function chartBox(kind, extraClass) {
    return h('div', {class: 'chart' + (extraClass ? ' ' + extraClass : ''), 'data-chart': kind});
  }

  /** Draws (or redraws) an ECharts option into a container; points is what data-points reports. */
  function draw(box, option, points, onClick) {
    var chart = echarts.getInstanceByDom(box);
    if (!chart) {
      chart = echarts.init(box, null, {renderer: 'canvas'});
      page.charts.push(chart);
      chart.on('finished', function () {
        box.setAttribute('data-points', String(pendingPoints.get(box)));
        box.setAttribute('data-rendered', 'true');
        checkReady();
      });
      if (onClick) chart.on('click', onClick);
      pendingPoints.set(box, points);
      chart.setOption(option);
    } else {
      pendingPoints.set(box, points);
      chart.setOption(option, {replaceMerge: ['series']});
    }
    return chart;
  }

  var resizeTimer = null;
  window.addEventListener('resize', function () {
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(function () { page.charts.forEach(function (c) { c.resize(); }); }, 100);
  });

  function showError(token, what, err) {
    if (!current(token)) return;
    app.replaceChildren(h('h1', null, what), h('p', {class: 'error'}, err && err.message ? err.message : String(err)));
    app.setAttribute('data-ready', 'true');
  }

  /* ---------- shared chart pieces ---------- */

  var COLORS = {initial: '#e08a1e', model: '#2f6db5', best: '#1b9e4b', line: '#888'};
  var BASE = {animation: false, textStyle: {fontFamily: 'system-ui, sans-serif'}};

  function withBase(option) {
    var o = {};
    Object.keys(BASE).forEach(function (k) { o[k] = BASE[k]; });
    Object.keys(option).forEach(function (k) { o[k] = option[k]; });
    return o;
  }

  function tooltipRows(title, rows) {
    var out = '<div class="tt-title">' + esc(title) + '</div>';
    rows.forEach(function (r) {
      out += '<div class="tt-row"><span class="tt-key">' + esc(r[0]) + '</span> ' + esc(r[1]) + '</div>';
    });
    return out;
  }

  function isLog(range) { return range.Scaling === 'Logarithmic' || range.Scaling === 'ReverseLogarithmic'; }
  function isCategorical(range) { return range.Type === 'Categorical'; }

  function objectiveLabel(t) {
    return (t.ObjectiveType ? t.ObjectiveType + ' ' : '') + (t.ObjectiveMetric || 'objective');
  }

  /* ---------- #/ : tuning jobs ---------- */

  function showTuningJobs(token) {
    app.appendChild(h('h1', null, 'Tuning jobs'));
    var holder = h('div', {'data-loading': ''}, h('p', {class: 'muted'}, 'Loading…'));
    app.appendChild(holder);
    function load() {
      source.tuningJobs().then(function (data) {
        if (!current(token)) return;
        var jobs = data.TuningJobs || [];
        holder.removeAttribute('data-loading');
        holder.replaceChildren(tuningJobsTable(jobs));
        checkReady();
        if (jobs.some(function (j) { return running(j.Status); })) later(token, load, REFRESH_MS);
      }, function (err) { showError(token, 'Tuning jobs', err); });
    }
    load();
  }

  function tuningJobsTable(jobs) {
    if (!jobs.length) return h('p', {class: 'muted'}, 'No tuning jobs in this store yet. Run `tunelab tune SPEC.json`.');
    var head = h('tr', null, ['Name', 'Strategy', 'Status', 'Objective', 'Completed', 'In progress', 'Stopped',
      'Failed', 'Best objective', 'Best training job', 'Created', 'Ended'].map(function (c) { return h('th', null, c); }));
    var frag = document.createDocumentFragment();
    jobs.forEach(function (j) {
      var c = j.Counters || {};
      frag.appendChild(h('tr', {'data-name': j.Name},
        h('td', null, tuningLink(j.Name)), h('td', null, j.Strategy), h('td', null, statusBadge(j.Status)),
        h('td', null, objectiveLabel(j)),
        h('td', {class: 'num'}, fmt(c.Completed)), h('td', {class: 'num'}, fmt(c.InProgress)),
        h('td', {class: 'num'}, fmt(c.Stopped)), h('td', {class: 'num'}, fmt(c.Failed)),
        h('td', {class: 'num'}, fmt(j.BestObjective)),
        h('td', null, j.BestTrainingJob ? trainingLink(j.BestTrainingJob) : '—'),
        h('td', null, fmtTime(j.CreationTime)), h('td', null, fmtTime(j.EndTime))));
    });
    return h('table', {class: 'grid', 'data-table': 'tuning-jobs'}, h('thead', null, head), h('tbody', null, frag));
  }

  /* ---------- #/tuning/NAME ---------- */

  function showTuningJob(token, name) {
    var title = h('h1', null, 'Tuning job ', h('span', {class: 'name'}, name));
    var loading = h('p', {class: 'muted', 'data-loading': ''}, 'Loading…');
    app.append(title, loading);
    var view = null;
    function load() {
      source.tuningJob(name).then(function (t) {
        if (!current(token)) return;
        if (!view) {
          loading.remove();
          view = tuningView(t);
          app.appendChild(view.root);
        }
        building(function () { view.update(t); });
        if (running(t.Status)) later(token, load, REFRESH_MS);
      }, function (err) {
        if (view && current(token)) { view.stale(err); later(token, load, REFRESH_MS); }
        else showError(token, 'Tuning job ' + name, err);
      });
    }
    load();
  }

  function tuningView(first) {
    var ranges = first.Ranges || [];
    var summary = h('section', {class: 'summary'});
    var staleNote = h('p', {class: 'error', hidden: true});
    var historyNote = h('p', {class: 'note'});
    var historyBox = chartBox('history');
    var parallelBox = chartBox('parallel', 'tall');
    var scatterBoxes = ranges.map(function (r) { return chartBox('scatter-' + r.Name, 'small'); });
    var importanceHolder = h('div');
    var importanceBox = null;
    var table = jobsTable(ranges);
    var transforms = h('section');

    var root = h('div', null,
      staleNote, summary,
      h('section', null, h('h2', null, 'Optimisation history'), historyNote, historyBox),
      h('section', null, h('h2', null, 'Parallel coordinates'),
        h('p', {class: 'note'}, 'One line per training job with an objective, across its tuned hyperparameters; colour is the objective.'),
        parallelBox),
      h('section', null, h('h2', null, 'Objective against each hyperparameter'),
        h('div', {class: 'scatters'}, scatterBoxes.map(function (b, i) {
          return h('figure', null, h('figcaption', null, ranges[i].Name, ' ',
            h('span', {class: 'muted'}, isCategorical(ranges[i]) ? '(categorical)' : isLog(ranges[i]) ? '(log scale)' : '')), b);
        }))),
      h('section', null, h('h2', null, 'Hyperparameter importance'), importanceHolder),
      h('section', null, h('h2', null, 'Training jobs'), table.root),
      transforms);

    function jobsWithObjective(t) {
      return (t.TrainingJobs || []).filter(function (j) { return num(j.Objective) !== null; });
    }

    function update(t) {
      mark('data');
      staleNote.hidden = true;
      summary.replaceChildren(tuningSummary(t));
      var scored = jobsWithObjective(t);
      drawHistory(t, scored);
      mark('history');
      drawParallel(t, scored);
      mark('parallel');
      ranges.forEach(function (r, i) { drawScatter(scatterBoxes[i], r, t, scored); });
      mark('scatters');
      drawImportance(t, scored);
      mark('charts');
      table.update(t);
      transforms.replaceChildren(transformSummary(t));
      mark('table');
    }

    function drawHistory(t, scored) {
      var all = t.TrainingJobs || [];
      var minimize = t.ObjectiveType !== 'Maximize';
      var initial = [], guided = [], best = [], bestSoFar = null;
      scored.forEach(function (j) {
        var v = num(j.Objective);
        (j.InitialDesign ? initial : guided).push([j.Sequence, v, j.Name, j.Status]);
        if (bestSoFar === null || (minimize ? v < bestSoFar : v > bestSoFar)) bestSoFar = v;
        best.push([j.Sequence, bestSoFar]);
      });
      var nInitial = all.filter(function (j) { return j.InitialDesign; }).length;
      historyNote.textContent = all.length === 0 ? 'No training job has started yet.' :
        nInitial === all.length ? 'All ' + all.length + ' training jobs so far were proposed at random (the initial design'
          + (t.Strategy === 'Random' ? ' of a Random search' : ', size ' + fmt(t.InitialDesignSize)) + '): no model has chosen any of them yet.' :
        nInitial + ' of ' + all.length + ' training jobs were proposed at random (initial design, size ' + fmt(t.InitialDesignSize)
          + '); the ' + (all.length - nInitial) + ' after them were chosen by the ' + t.Strategy + ' strategy.';
      var series = [
        scatterSeries('Initial random design (' + initial.length + ')', initial, COLORS.initial, 'diamond', 8),
        scatterSeries(t.Strategy === 'Random' ? 'Chosen by a model (none: Random search)'
          : 'Chosen by the ' + (t.Strategy || 'strategy') + ' model (' + guided.length + ')', guided, COLORS.model, 'circle', 6),
        {name: 'Best so far', type: 'line', step: 'end', showSymbol: false, data: best, color: COLORS.best, lineStyle: {width: 2}, z: 3}
      ];
      draw(historyBox, withBase({
        legend: {top: 0},
        grid: {left: 64, right: 24, top: 36, bottom: 48},
        tooltip: {trigger: 'item', formatter: jobTooltip(t)},
        xAxis: {type: 'value', name: 'Training job (launch order)', nameLocation: 'middle', nameGap: 28, minInterval: 1, min: 1,
          max: Math.max(1, all.length)},
        yAxis: {type: 'value', name: t.ObjectiveMetric || 'objective', scale: true},
        series: series
      }), scored.length, openJobFromPoint);
    }

    function drawParallel(t, scored) {
      var minimize = t.ObjectiveType !== 'Maximize';
      var dim = ranges.length;
      var axes = ranges.map(function (r, i) {
        var a = {dim: i, name: r.Name, nameTextStyle: {fontSize: 11}};
        if (isCategorical(r)) { a.type = 'category'; a.data = (r.Values || []).map(String); }
        else {
          a.type = isLog(r) ? 'log' : 'value';
          var lo = num(r.MinValue), hi = num(r.MaxValue);
          if (lo !== null && (!isLog(r) || lo > 0)) a.min = lo;
          if (hi !== null) a.max = hi;
          if (r.Type === 'Integer') a.minInterval = 1;
        }
        return a;
      });
      axes.push({dim: dim, name: t.ObjectiveMetric || 'objective', type: 'value', scale: true, nameTextStyle: {fontWeight: 'bold'}});
      var lo = Infinity, hi = -Infinity;
      var data = scored.map(function (j) {
        var hp = j.TunedHyperParameters || {};
        var row = ranges.map(function (r) {
          var v = hp[r.Name];
          return isCategorical(r) ? (v === undefined ? null : String(v)) : num(v);
        });
        var o = num(j.Objective);
        lo = Math.min(lo, o); hi = Math.max(hi, o);
        row.push(o);
        return row;
      });
      if (!isFinite(lo)) { lo = 0; hi = 1; }
      if (hi === lo) hi = lo + (Math.abs(lo) * 1e-6 || 1e-6);
      var good = '#1a9850', mid = '#fee08b', bad = '#d73027';
      draw(parallelBox, withBase({
        parallel: {left: 48, right: 120, top: 48, bottom: 28, parallelAxisDefault: {nameLocation: 'end', nameGap: 16}},
        parallelAxis: axes,
        visualMap: {type: 'continuous', dimension: dim, min: lo, max: hi, right: 8, top: 'middle', calculable: true,
          precision: 3, text: minimize ? ['worse', 'better'] : ['better', 'worse'],
          inRange: {color: minimize ? [good, mid, bad] : [bad, mid, good]}},
        series: [{type: 'parallel', data: data, lineStyle: {width: 1, opacity: data.length > 300 ? 0.35 : 0.7},
          progressive: 1000, smooth: false}]
      }), data.length);
    }

    function drawScatter(box, r, t, scored) {
      var pts = [], jobs = [];
      scored.forEach(function (j) {
        var hp = j.TunedHyperParameters || {};
        if (!has(hp, r.Name)) return;
        var x = isCategorical(r) ? String(hp[r.Name]) : num(hp[r.Name]);
        if (x === null || (isLog(r) && x <= 0)) return;
        pts.push([x, num(j.Objective), j.Name, j.Status]);
        jobs.push(j);
      });
      var xAxis = isCategorical(r) ? {type: 'category', data: (r.Values || []).map(String), name: r.Name}
        : {type: isLog(r) ? 'log' : 'value', scale: true, name: r.Name};
      xAxis.nameLocation = 'middle'; xAxis.nameGap = 26;
      draw(box, withBase({
        grid: {left: 56, right: 16, top: 30, bottom: 44},
        tooltip: {trigger: 'item', formatter: function (p) {
          var d = p.data || [];
          return tooltipRows(d[2], [[r.Name, d[0]], [t.ObjectiveMetric || 'objective', fmt(d[1])]]);
        }},
        xAxis: xAxis,
        yAxis: {type: 'value', scale: true, name: t.ObjectiveMetric || 'objective'},
        series: [scatterSeries(r.Name, pts, COLORS.model, 'circle', 6)]
      }), pts.length, openJobFromPoint);
    }

    function drawImportance(t, scored) {
      var imp = t.Importance;
      if (!imp || !Array.isArray(imp.Values)) {
        importanceBox = null;
        var need = 2 * ranges.length + 1;
        importanceHolder.replaceChildren(h('p', {class: 'muted', 'data-importance': 'none'},
          'Importance is estimated once at least ' + need + ' training jobs (2 × ' + ranges.length
          + ' ranges + 1) have an objective; ' + scored.length + ' have one now.'));
        disposeDetached();
        return;
      }
      if (!importanceBox) {
        importanceBox = chartBox('importance');
        importanceHolder.replaceChildren(h('p', {class: 'note method'}, imp.Method || ''), importanceBox);
      } else {
        importanceHolder.firstChild.textContent = imp.Method || '';
      }
      importanceBox.style.height = Math.max(120, 36 + 28 * imp.Values.length) + 'px';
      var values = imp.Values.slice().sort(function (a, b) { return (num(a.Importance) || 0) - (num(b.Importance) || 0); });
      draw(importanceBox, withBase({
        grid: {left: 140, right: 56, top: 8, bottom: 28},
        tooltip: {trigger: 'item', formatter: function (p) { return tooltipRows(p.name, [['share of variance', fmt(p.value)]]); }},
        xAxis: {type: 'value', min: 0, max: 1},
        yAxis: {type: 'category', data: values.map(function (v) { return String(v.Name); })},
        series: [{type: 'bar', data: values.map(function (v) { return num(v.Importance); }), color: COLORS.model,
          label: {show: true, position: 'right', formatter: function (p) { return (100 * p.value).toFixed(1) + ' %'; }}}]
      }), values.length);
      echarts.getInstanceByDom(importanceBox).resize();
    }

    return {root: root, update: update, stale: function (err) {
      staleNote.textContent = 'Refresh failed (' + (err && err.message ? err.message : String(err)) + '); showing the last data.';
      staleNote.hidden = false;
    }};
  }

  /** Disposes the charts whose container has left the page. */
  function disposeDetached() {
    page.charts = page.charts.filter(function (c) {
      if (!document.body.contains(c.getDom())) { c.dispose(); return false; }
      return true;
    });
  }

  function scatterSeries(name, data, color, symbol, size) {
    return {name: name, type: 'scatter', data: data, color: color, symbol: symbol, symbolSize: size,
      large: data.length >= LARGE, largeThreshold: LARGE, progressive: 0, clip: false, emphasis: {scale: false}};
  }

  function jobTooltip(t) {
    return function (p) {
      var d = p.data || [];
      if (p.seriesType === 'line') return tooltipRows('Best so far', [['after job', d[0]], [t.ObjectiveMetric, fmt(d[1])]]);
      return tooltipRows(d[2], [['launch order', d[0]], [t.ObjectiveMetric || 'objective', fmt(d[1])], ['status', d[3]]]);
    };
  }

  function openJobFromPoint(p) {
    var d = p && p.data;
    if (Array.isArray(d) && typeof d[2] === 'string') location.hash = '#/training/' + encodeURIComponent(d[2]);
  }

  function tuningSummary(t) {
    var cfg = t.Configuration || {};
    var jobCfg = cfg.HyperParameterTuningJobConfig || {};
    var limits = jobCfg.ResourceLimits || {};
    var c = t.Counters || {};
    var rows = [
      ['Status', statusBadge(t.Status)],
      ['Strategy', t.Strategy],
      ['Objective', objectiveLabel(t)],
      ['Limits', limitText(limits, t)],
      ['Early stopping', jobCfg.TrainingJobEarlyStoppingType || '—'],
      ['Training jobs', fmt(c.Completed) + ' completed · ' + fmt(c.InProgress) + ' in progress · '
        + fmt(c.Stopped) + ' stopped · ' + fmt(c.Failed) + ' failed'],
      ['Best', t.BestTrainingJob ? [trainingLink(t.BestTrainingJob), ' ', fmt(t.BestObjective)] : '—'],
      ['Initial random design', fmt(t.InitialDesignSize) + ' jobs'],
      ['Created', fmtTime(t.CreationTime)],
      ['Ended', fmtTime(t.EndTime)]
    ];
    if (jobCfg.TuningJobCompletionCriteria) rows.push(['Completion criteria', JSON.stringify(jobCfg.TuningJobCompletionCriteria)]);
    var dl = h('dl', {class: 'facts'});
    rows.forEach(function (r) { dl.append(h('dt', null, r[0]), h('dd', null, r[1])); });
    var ranges = (t.Ranges || []).map(function (r) {
      return h('tr', null, h('td', null, r.Name), h('td', null, r.Type), h('td', null, isCategorical(r) ? '—' : r.Scaling),
        h('td', null, isCategorical(r) ? (r.Values || []).join(', ') : fmt(r.MinValue) + ' … ' + fmt(r.MaxValue)));
    });
    var frag = document.createDocumentFragment();
    frag.append(dl,
      h('table', {class: 'grid ranges', 'data-table': 'ranges'},
        h('thead', null, h('tr', null, h('th', null, 'Range'), h('th', null, 'Type'), h('th', null, 'Scaling'), h('th', null, 'Values'))),
        h('tbody', null, ranges)),
      h('details', null, h('summary', null, 'Full configuration (JSON)'), h('pre', {class: 'json'}, JSON.stringify(cfg, null, 2))));
    return frag;
  }

  function limitText(limits, t) {
    var parts = [];
    var max = limits.MaxNumberOfTrainingJobs !== undefined ? limits.MaxNumberOfTrainingJobs : t.MaxNumberOfTrainingJobs;
    var par = limits.MaxParallelTrainingJobs !== undefined ? limits.MaxParallelTrainingJobs : t.MaxParallelTrainingJobs;
    if (max !== undefined && max !== null) parts.push(fmt(max) + ' training jobs');
    if (par !== undefined && par !== null) parts.push(fmt(par) + ' in parallel');
    if (limits.MaxRuntimeInSeconds !== undefined) parts.push(fmt(limits.MaxRuntimeInSeconds) + ' s in all');
    return parts.length ? parts.join(', ') : '—';
  }

  function transformSummary(t) {
    var runs = t.TransformRuns || [];
    if (!runs.length) return document.createDocumentFragment();
    return h('div', null, h('h2', null, 'Transform runs'),
      h('p', null, runs.length + ' transform run' + (runs.length === 1 ? '' : 's') + ' used a model of this tuning job: ',
        link('#/transforms', 'predicted against actual, and the comparison table'), '.'));
  }

  /** The training jobs table: sorts on a header click, filters by text and status; keeps both across refreshes. */
  function jobsTable(ranges) {
    var columns = [
      {key: 'seq', label: '#', num: true, get: function (j) { return j.Sequence; }},
      {key: 'name', label: 'Training job', get: function (j) { return j.Name; }, cell: function (j) { return trainingLink(j.Name); }},
      {key: 'status', label: 'Status', get: function (j) { return j.Status; }, cell: function (j) { return statusBadge(j.Status); }},
      {key: 'objective', label: 'Objective', num: true, get: function (j) { return num(j.Objective); }},
      {key: 'design', label: 'Proposed by', get: function (j) { return j.InitialDesign ? 'random (initial)' : 'model'; }}
    ];
    ranges.forEach(function (r) {
      var cat = isCategorical(r);
      columns.push({key: 'hp:' + r.Name, label: r.Name, num: !cat, raw: true,
        get: function (j) { var v = (j.TunedHyperParameters || {})[r.Name]; return v === undefined ? null : cat ? String(v) : num(v); },
        text: function (j) {
          var v = (j.TunedHyperParameters || {})[r.Name];
          return v === undefined ? '—' : cat || num(v) === null ? String(v) : fmt(num(v));
        }});
    });
    columns.push({key: 'rounds', label: 'Rounds', num: true, get: function (j) { return num(j.RoundsTrained); }});
    columns.push({key: 'secs', label: 'Seconds', num: true, get: function (j) { return seconds(j.StartTime, j.EndTime); }});
    columns.push({key: 'failure', label: 'Failure reason', get: function (j) { return j.FailureReason || ''; },
      cell: function (j) { return j.FailureReason ? h('span', {class: 'failure', title: j.FailureReason}, j.FailureReason) : ''; }});

    var state = {sort: 'seq', desc: false, text: '', status: ''};
    var jobs = [], best = null;
    var filterBox = h('input', {type: 'search', placeholder: 'Filter: name, value, reason…', 'aria-label': 'Filter training jobs',
      'data-filter': 'text'});
    var statusSelect = h('select', {'aria-label': 'Status', 'data-filter': 'status'}, h('option', {value: ''}, 'All statuses'));
    var count = h('span', {class: 'muted count'});
    var heads = columns.map(function (c) {
      return h('th', {'data-key': c.key, class: c.num ? 'num sortable' : 'sortable', tabindex: '0', scope: 'col'}, c.label);
    });
    var tbody = h('tbody');
    var table = h('table', {class: 'grid jobs', 'data-table': 'training-jobs'}, h('thead', null, h('tr', null, heads)), tbody);

    heads.forEach(function (th) {
      function sort() {
        var key = th.getAttribute('data-key');
        if (state.sort === key) state.desc = !state.desc; else { state.sort = key; state.desc = false; }
        render();
      }
      th.addEventListener('click', sort);
      th.addEventListener('keydown', function (e) { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); sort(); } });
    });
    var typing = null;
    filterBox.addEventListener('input', function () {
      clearTimeout(typing);
      typing = setTimeout(function () { state.text = filterBox.value.trim().toLowerCase(); render(); }, 120);
    });
    statusSelect.addEventListener('change', function () { state.status = statusSelect.value; render(); });

    function searchText(j) {
      var hp = j.TunedHyperParameters || {};
      return [j.Name, j.Status, j.FailureReason || ''].concat(Object.keys(hp).map(function (k) { return hp[k]; }))
        .join('\u0000').toLowerCase();
    }

    function compare(col) {
      return function (a, b) {
        var x = col.get(a.job), y = col.get(b.job);
        if (x === null || x === undefined || x === '') return (y === null || y === undefined || y === '') ? a.job.Sequence - b.job.Sequence : 1;
        if (y === null || y === undefined || y === '') return -1;
        var d = col.num ? x - y : String(x).localeCompare(String(y));
        if (d === 0) d = a.job.Sequence - b.job.Sequence;
        return state.desc ? -d : d;
      };
    }

    function render() {
      var col = columns.filter(function (c) { return c.key === state.sort; })[0] || columns[0];
      var rows = jobs.filter(function (r) {
        return (!state.status || r.job.Status === state.status) && (!state.text || r.search.indexOf(state.text) >= 0);
      });
      rows.sort(compare(col));
      var frag = document.createDocumentFragment();
      rows.forEach(function (r) {
        if (!r.tr) r.tr = rowFor(r.job);
        frag.appendChild(r.tr);
      });
      tbody.replaceChildren(frag);
      heads.forEach(function (th) {
        var key = th.getAttribute('data-key');
        if (key === state.sort) th.setAttribute('aria-sort', state.desc ? 'descending' : 'ascending');
        else th.removeAttribute('aria-sort');
      });
      count.textContent = 'showing ' + rows.length + ' of ' + jobs.length;
    }

    function rowFor(j) {
      var tr = document.createElement('tr');
      tr.setAttribute('data-name', j.Name);
      if (j.Name === best) tr.className = 'best';
      columns.forEach(function (c) {
        var td = document.createElement('td');
        if (c.num) td.className = 'num';
        if (c.cell) append(td, c.cell(j));
        else td.textContent = c.text ? c.text(j) : fmt(c.get(j));
        tr.appendChild(td);
      });
      return tr;
    }

    function update(t) {
      best = t.BestTrainingJob || null;
      var old = {};
      jobs.forEach(function (r) { old[r.job.Name] = r; });
      jobs = (t.TrainingJobs || []).map(function (j) {
        var prev = has(old, j.Name) ? old[j.Name] : null;
        var same = prev && JSON.stringify(prev.job) === JSON.stringify(j) && prev.best === (j.Name === best);
        return same ? prev : {job: j, search: searchText(j), best: j.Name === best, tr: null};
      });
      var statuses = {};
      jobs.forEach(function (r) { statuses[r.job.Status] = true; });
      if (state.status) statuses[state.status] = true;
      var names = Object.keys(statuses).sort();
      var have = Array.prototype.map.call(statusSelect.options, function (o) { return o.value; }).slice(1);
      if (names.join('\u0000') !== have.join('\u0000')) {
        statusSelect.replaceChildren(h('option', {value: ''}, 'All statuses'));
        names.forEach(function (s) { statusSelect.appendChild(h('option', {value: s}, s)); });
        statusSelect.value = state.status;
      }
      render();
    }

    var root = h('div', null, h('div', {class: 'controls'}, filterBox, statusSelect, count),
      h('div', {class: 'table-scroll'}, table));
    return {root: root, update: update};
  }

  /* ---------- #/training/NAME ---------- */

  function showTrainingJob(token, name) {
    app.appendChild(h('h1', null, 'Training job ', h('span', {class: 'name'}, name)));
    var loading = h('p', {class: 'muted', 'data-loading': ''}, 'Loading…');
    app.appendChild(loading);
    var view = null;
    function load() {
      source.trainingJob(name).then(function (job) {
        if (!current(token)) return;
        if (!view) { loading.remove(); view = trainingView(token, job); app.appendChild(view.root); }
        building(function () { view.update(job); });
        if (running(job.Status)) later(token, load, REFRESH_MS);
        else view.finalLogs();
      }, function (err) {
        if (view && current(token)) later(token, load, REFRESH_MS);
        else showError(token, 'Training job ' + name, err);
      });
    }
    load();
  }

  function trainingView(token, first) {
    var name = first.Name;
    var facts = h('section', {class: 'summary'});
    var failure = h('section');
    var params = h('section');
    var curvesNote = h('p', {class: 'note'});
    var curvesBox = chartBox('curves', 'tall');
    var logs = logView(token, name);
    var root = h('div', null, facts, failure, params,
      h('section', null, h('h2', null, 'Metrics per round'), curvesNote, curvesBox),
      h('section', null, h('h2', null, 'Log'), logs.root));

    function update(job) {
      var dl = h('dl', {class: 'facts'});
      [['Status', statusBadge(job.Status)],
        ['Tuning job', job.TuningJobName ? tuningLink(job.TuningJobName) : 'none (a lone training job)'],
        ['Objective', job.ObjectiveMetric ? objectiveLabel(job) + ' (' + (job.ObjectiveStatus || '—') + ')' : '—'],
        ['Final metrics', Object.keys(job.FinalMetrics || {}).sort().map(function (k) {
          return h('span', {class: 'metric'}, k + ' = ' + fmt(job.FinalMetrics[k]));
        })],
        ['Best iteration', fmt(job.BestIteration)],
        ['Rounds trained', fmt(job.RoundsTrained)],
        ['Created', fmtTime(job.CreationTime)], ['Started', fmtTime(job.StartTime)], ['Ended', fmtTime(job.EndTime)],
        ['Seconds', fmt(seconds(job.StartTime, job.EndTime))]
      ].forEach(function (r) { dl.append(h('dt', null, r[0]), h('dd', null, r[1])); });
      facts.replaceChildren(dl);
      failure.replaceChildren(job.FailureReason ? h('div', {class: 'failure-box'}, h('h2', null, 'Failure reason'),
        h('pre', {'data-field': 'FailureReason'}, job.FailureReason)) : document.createDocumentFragment());
      var hp = job.HyperParameters || {}, tuned = job.TunedHyperParameters || {};
      params.replaceChildren(h('h2', null, 'Hyperparameters'),
        h('table', {class: 'grid params', 'data-table': 'hyperparameters'},
          h('thead', null, h('tr', null, h('th', null, 'Name'), h('th', null, 'Value'), h('th', null, ''))),
          h('tbody', null, Object.keys(hp).sort().map(function (k) {
            return h('tr', has(tuned, k) ? {class: 'tuned'} : null, h('td', null, k), h('td', null, String(hp[k])),
              h('td', {class: 'muted'}, has(tuned, k) ? 'tuned' : 'static'));
          }))));
      drawCurves(job);
      logs.follow(running(job.Status));
    }

    function drawCurves(job) {
      var metrics = job.Metrics || {};
      var names = Object.keys(metrics).sort();
      var marked = has(metrics, job.ObjectiveMetric) ? job.ObjectiveMetric : names[0];
      var points = 0;
      var series = names.map(function (m) {
        var rounds = metrics[m].Rounds || [], values = metrics[m].Values || [];
        var data = [];
        for (var i = 0; i < rounds.length && i < values.length; i++) data.push([rounds[i], num(values[i])]);
        points += data.length;
        var s = {name: m, type: 'line', showSymbol: data.length < 60, symbolSize: 4, data: data, large: data.length > 2000};
        if (m === marked && num(job.BestIteration) !== null) {
          s.markLine = {silent: true, symbol: 'none', animation: false, lineStyle: {color: COLORS.best, type: 'dashed', width: 2},
            label: {formatter: 'best iteration ' + num(job.BestIteration), position: 'insideEndTop'},
            data: [{xAxis: num(job.BestIteration)}]};
        }
        return s;
      });
      curvesNote.textContent = names.length === 0 ? 'No metrics recorded yet.' :
        (num(job.BestIteration) !== null ? 'The dashed line marks the best iteration (round ' + job.BestIteration + ') of ' + marked + '.' : '');
      draw(curvesBox, withBase({
        legend: {top: 0},
        grid: {left: 64, right: 32, top: 36, bottom: 48},
        tooltip: {trigger: 'axis', formatter: function (ps) {
          if (!ps.length) return '';
          return tooltipRows('round ' + ps[0].data[0], ps.map(function (p) { return [p.seriesName, fmt(p.data[1])]; }));
        }},
        xAxis: {type: 'value', name: 'round', nameLocation: 'middle', nameGap: 28, minInterval: 1},
        yAxis: {type: 'value', scale: true},
        series: series
      }), points);
    }

    return {root: root, update: update, finalLogs: function () { logs.follow(false); }};
  }

  /** The log stream: pages through the logs endpoint, then polls while the job runs. */
  function logView(token, name) {
    var pre = h('pre', {class: 'log', 'data-log': name});
    var more = h('button', {type: 'button', hidden: true}, 'Load more lines');
    var note = h('p', {class: 'muted'});
    var next = 0, lines = 0, busy = false, again = false, pagesRead = 0, started = false, following = false, timer = false;

    function fetchPage(auto) {
      if (!current(token)) return;
      if (busy) { again = true; return; }
      busy = true;
      source.logs(name, next, LOG_PAGE).then(function (r) {
        busy = false;
        if (!current(token)) return;
        var got = r.Lines || [];
        if (got.length) {
          var atBottom = pre.scrollTop + pre.clientHeight >= pre.scrollHeight - 4;
          pre.appendChild(document.createTextNode(got.map(function (l) { return l.Text; }).join('\n') + '\n'));
          lines += got.length;
          if (following && atBottom) pre.scrollTop = pre.scrollHeight;
        }
        next = r.Next !== undefined && r.Next !== null ? r.Next : next;
        pagesRead++;
        if (r.More && (!auto || pagesRead < LOG_AUTO_PAGES)) { fetchPage(auto); return; }
        if (again) { again = false; pagesRead = 0; fetchPage(true); return; }
        more.hidden = !r.More;
        note.textContent = lines + ' line' + (lines === 1 ? '' : 's') + (source.report ? ' (a report keeps the first 200)' : '')
          + (following ? ', following…' : '');
        schedule();
      }, function (err) {
        busy = false;
        note.textContent = 'Could not read the log: ' + (err && err.message ? err.message : String(err));
        schedule();
      });
    }

    function schedule() {
      if (following && !timer && !source.report) {
        timer = true;
        later(token, function () { timer = false; if (following) { pagesRead = 0; fetchPage(true); } }, REFRESH_MS);
      }
    }

    more.addEventListener('click', function () { pagesRead = 0; fetchPage(false); });

    return {
      root: h('div', null, note, pre, more),
      follow: function (on) {
        if (!started) { started = true; following = on; pagesRead = 0; fetchPage(true); return; }
        if (following && !on) { following = false; pagesRead = 0; fetchPage(true); return; }   // the lines written last
        following = on;
      }
    };
  }

  /* ---------- #/transforms ---------- */

  function showTransforms(token) {
    app.appendChild(h('h1', null, 'Transform runs'));
    var loading = h('p', {class: 'muted', 'data-loading': ''}, 'Loading…');
    app.appendChild(loading);
    Promise.all([source.transformRuns(), source.tuningJobs().catch(function () { return {TuningJobs: []}; })]).then(function (res) {
      if (!current(token)) return;
      loading.remove();
      var runs = res[0].TransformRuns || [];
      var bestOf = {};
      (res[1].TuningJobs || []).forEach(function (t) { if (t.BestTrainingJob) bestOf[t.BestTrainingJob] = t.Name; });
      if (!runs.length) {
        app.appendChild(h('p', {class: 'muted'}, 'No transform run recorded yet: `tunelab transform … --labels FILE` records one.'));
        checkReady();
        return;
      }
      app.appendChild(h('section', null, h('h2', null, 'Comparison by input file'),
        h('p', {class: 'note'}, 'Each input file with the models that predicted it: the tuned model was chosen on validation, '
          + 'so its validation error flatters it; the test file tells how it does on data no choice has seen.'),
        comparisonTable(runs, bestOf)));
      var cards = h('div', {class: 'transforms'});
      app.appendChild(h('section', null, h('h2', null, 'Predicted against actual'), cards));
      var boxes = runs.map(function (run) {
        var box = chartBox('transform-' + run.Id, 'square');
        cards.appendChild(h('figure', {class: 'card'},
          h('figcaption', null, h('div', null, run.TrainingJobName ? trainingLink(run.TrainingJobName) : '—'),
            h('div', {class: 'muted'}, baseName(run.Input) + ' · ' + fmt(run.Rows) + ' rows · ' + fmtTime(run.Time)),
            h('div', {class: 'metrics'}, Object.keys(run.Metrics || {}).sort().map(function (k) {
              return h('span', {class: 'metric'}, k + ' = ' + fmt(run.Metrics[k]));
            }))),
          box));
        return box;
      });
      building(function () { runs.forEach(function (run, i) { drawTransform(boxes[i], run); }); });
    }, function (err) { showError(token, 'Transform runs', err); });
  }

  function baseName(p) { var s = String(p || ''); return s.slice(Math.max(s.lastIndexOf('/'), s.lastIndexOf('\\')) + 1) || s; }

  function drawTransform(box, run) {
    var actual = run.Actual || [], predicted = run.Predicted || [];
    var data = [], lo = Infinity, hi = -Infinity;
    for (var i = 0; i < actual.length && i < predicted.length; i++) {
      var a = num(actual[i]), p = num(predicted[i]);
      if (a === null || p === null) continue;
      data.push([a, p]);
      lo = Math.min(lo, a, p); hi = Math.max(hi, a, p);
    }
    if (!isFinite(lo)) { lo = 0; hi = 1; }
    draw(box, withBase({
      grid: {left: 56, right: 16, top: 30, bottom: 44},
      tooltip: {trigger: 'item', formatter: function (p) {
        if (p.seriesType !== 'scatter') return '';
        return tooltipRows('row', [['actual', fmt(p.data[0])], ['predicted', fmt(p.data[1])]]);
      }},
      xAxis: {type: 'value', name: 'actual', nameLocation: 'middle', nameGap: 26, min: lo, max: hi},
      yAxis: {type: 'value', name: 'predicted', min: lo, max: hi},
      series: [
        {type: 'scatter', name: 'rows', data: data, symbolSize: 5, color: COLORS.model, large: data.length >= LARGE, largeThreshold: LARGE},
        {type: 'line', name: 'predicted = actual', data: [[lo, lo], [hi, hi]], showSymbol: false, silent: true,
          lineStyle: {type: 'dashed', color: COLORS.line}}
      ]
    }), data.length);
  }

  function comparisonTable(runs, bestOf) {
    var metricNames = {};
    runs.forEach(function (r) { Object.keys(r.Metrics || {}).forEach(function (k) { metricNames[k] = true; }); });
    var metrics = Object.keys(metricNames).sort();
    var byInput = [], groups = {};
    runs.forEach(function (r) {   // newest first: the first run of a model on an input is its latest
      var key = String(r.Input);
      if (!has(groups, key)) { groups[key] = {input: key, labels: r.Labels, rows: [], seen: {}}; byInput.push(groups[key]); }
      var g = groups[key];
      var model = String(r.TrainingJobName);
      if (has(g.seen, model)) return;
      g.seen[model] = true;
      g.rows.push(r);
    });
    byInput.sort(function (a, b) { return a.input.localeCompare(b.input); });
    var head = h('tr', null, h('th', null, 'Model (training job)'), h('th', null, 'Kind'), h('th', {class: 'num'}, 'Rows'),
      metrics.map(function (m) { return h('th', {class: 'num'}, m); }), h('th', null, 'Time'));
    var body = h('tbody');
    byInput.forEach(function (g) {
      body.appendChild(h('tr', {class: 'group'}, h('th', {colspan: String(metrics.length + 4), scope: 'rowgroup'},
        baseName(g.input) + ' ', h('span', {class: 'muted path'}, g.input))));
      g.rows.forEach(function (r) {
        var kind = !r.TuningJobName ? 'lone training job' :
          bestOf[r.TrainingJobName] ? 'best of tuning job ' + bestOf[r.TrainingJobName] : 'from tuning job ' + r.TuningJobName;
        body.appendChild(h('tr', {'data-run': String(r.Id)},
          h('td', null, r.TrainingJobName ? trainingLink(r.TrainingJobName) : '—'), h('td', null, kind),
          h('td', {class: 'num'}, fmt(r.Rows)),
          metrics.map(function (m) { return h('td', {class: 'num'}, fmt((r.Metrics || {})[m])); }),
          h('td', null, fmtTime(r.Time))));
      });
    });
    return h('div', {class: 'table-scroll'}, h('table', {class: 'grid', 'data-table': 'transform-comparison'}, h('thead', null, head), body));
  }

  /* ---------- router ---------- */

  function route() {
    var token = newPage();
    var hash = location.hash || '#/';
    var navKey = 'tuning-jobs';
    if (REPORT_ERROR) { showError(token, 'Report', new ApiError(REPORT_ERROR, 0)); return; }
    var m = /^#\/(tuning|training)\/(.+)$/.exec(hash);
    var name = null;
    if (m) { try { name = decodeURIComponent(m[2]); } catch (e) { name = m[2]; } }
    if (m && m[1] === 'tuning') showTuningJob(token, name);
    else if (m && m[1] === 'training') showTrainingJob(token, name);
    else if (hash === '#/transforms') { navKey = 'transforms'; showTransforms(token); }
    else if (source.report && REPORT.TuningJob) showTuningJob(token, REPORT.TuningJob.Name);
    else showTuningJobs(token);
    Array.prototype.forEach.call(document.querySelectorAll('#nav a'), function (a) {
      if (a.getAttribute('data-nav') === navKey) a.setAttribute('aria-current', 'page'); else a.removeAttribute('aria-current');
    });
    window.scrollTo(0, 0);
  }

  /** The path of the first document the page at {@code hash} asks for (see route). */
  function firstRequest(hash) {
    var m = /^#\/(tuning|training)\/(.+)$/.exec(hash || '#/');
    if (m) {
      var name;
      try { name = decodeURIComponent(m[2]); } catch (e) { name = m[2]; }
      return (m[1] === 'tuning' ? 'api/tuning-jobs/' : 'api/training-jobs/') + encodeURIComponent(name);
    }
    return hash === '#/transforms' ? 'api/transform-runs' : 'api/tuning-jobs';
  }

  function start() {
    var embedded = document.getElementById('tunelab-data');
    if (embedded) {
      try { REPORT = JSON.parse(embedded.textContent); } catch (e) { REPORT_ERROR = 'The embedded data is not valid JSON.'; }
      if (REPORT) source = reportSource(REPORT);
    }
    startRouting();
  }

  function startRouting() {
    if (REPORT) {
      document.getElementById('mode').textContent = 'report' + (REPORT.TuningJob ? ' of ' + REPORT.TuningJob.Name : '');
      var first = document.querySelector('#nav a[data-nav="tuning-jobs"]');
      if (first) first.textContent = 'Tuning job';
    }
    window.addEventListener('hashchange', route);
    route();
  }

  if (SERVED) {
    var firstPath = firstRequest(location.hash);
    PREFETCH[firstPath] = fetchJson(firstPath);
    PREFETCH[firstPath].catch(function () { /* reported when the page reads it */ });
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
