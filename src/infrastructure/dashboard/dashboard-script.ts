// The dashboard page's own script, served as /dashboard/assets/dashboard.js: fetches the snapshot,
// fills the page, and refetches on every `change` of /dashboard/events. Plain browser JavaScript
// (no build step); no template literals inside, so this TypeScript string stays as written.
export const DASHBOARD_SCRIPT = String.raw`(function () {
  'use strict';
  var words = JSON.parse(document.body.getAttribute('data-words'));
  var number = new Intl.NumberFormat(navigator.language);
  var time = new Intl.DateTimeFormat(navigator.language, { dateStyle: 'short', timeStyle: 'medium' });
  var chart = window.echarts ? window.echarts.init(document.getElementById('chart')) : null;
  var statusEl = document.getElementById('status');
  var fetching = null, again = false;

  function text(id, value) { var el = document.querySelector('[data-testid="' + id + '"]'); if (el) el.textContent = number.format(value); }
  function cell(row, value, cls) { var td = document.createElement('td'); td.textContent = value; if (cls) td.className = cls; row.appendChild(td); return td; }
  function setStatus(state, label) { statusEl.setAttribute('data-state', state); statusEl.textContent = label; }
  function showProgress(position, head) {
    var behind = Math.max(0, head - position);
    if (behind === 0) setStatus('live', words.live); else setStatus('behind', words.behind.replace('{n}', number.format(behind)));
  }

  function render(data) {
    Object.keys(data.funnel).forEach(function (k) { text('funnel-' + k, data.funnel[k]); });
    text('active', data.active);
    text('suppressions', data.suppressions);
    text('unmatched', data.unmatchedEvents);
    var runs = document.getElementById('runs'); runs.textContent = '';
    data.runs.forEach(function (r) {
      var tr = document.createElement('tr');
      cell(tr, time.format(new Date(r.startedAt)));
      cell(tr, r.status + (r.dryRun ? ' (dry run)' : ''));
      cell(tr, r.steps.map(function (s) { return s.step + ' ' + number.format(s.durationMs) + ' ms'; }).join(', '), 'steps');
      runs.appendChild(tr);
    });
    var feed = document.getElementById('feed'); feed.textContent = '';
    data.events.forEach(function (e) {
      var tr = document.createElement('tr'); tr.setAttribute('data-testid', 'feed-row');
      cell(tr, number.format(e.position), 'num'); cell(tr, e.type); cell(tr, e.stream); cell(tr, time.format(new Date(e.recordedAt)));
      feed.appendChild(tr);
    });
    document.getElementById('chart-empty').hidden = data.days.length > 0;
    if (chart) {
      // The report's daily chart (bars started, line qualified, Okabe–Ito colours), drawn in the browser.
      chart.setOption({
        legend: { top: 0, itemGap: 32, data: [words.seriesStarted, words.seriesQualified] },
        grid: { left: 50, right: 20, top: 36, bottom: 30 },
        tooltip: { trigger: 'axis', valueFormatter: function (v) { return number.format(v); } },
        xAxis: { type: 'category', data: data.days.map(function (d) { return d.date.slice(5); }) },
        yAxis: { type: 'value', minInterval: 1, axisLabel: { formatter: function (v) { return number.format(v); } } },
        series: [
          { name: words.seriesStarted, type: 'bar', barMaxWidth: 36, itemStyle: { color: '#0072B2' }, data: data.days.map(function (d) { return d.started; }) },
          { name: words.seriesQualified, type: 'line', symbol: 'diamond', symbolSize: 9, itemStyle: { color: '#E69F00' }, lineStyle: { width: 2.5, color: '#E69F00' }, data: data.days.map(function (d) { return d.qualified; }) }
        ]
      });
    }
    document.body.setAttribute('data-position', String(data.position));
    showProgress(data.position, data.head);
  }

  // One fetch at a time; a change during it asks for one more.
  function refresh() {
    if (fetching) { again = true; return; }
    fetching = fetch('/dashboard/data', { credentials: 'same-origin', headers: { accept: 'application/json' } })
      .then(function (res) {
        if (res.status === 401) { window.location.assign('/dashboard/sign-in'); return; }
        return res.json().then(render);
      })
      .catch(function () { setStatus('reconnecting', words.reconnecting); })
      .then(function () { fetching = null; if (again) { again = false; refresh(); } });
  }

  window.addEventListener('resize', function () { if (chart) chart.resize(); });
  refresh();
  var events = new EventSource('/dashboard/events');
  events.addEventListener('change', function (message) {
    var change = JSON.parse(message.data);
    showProgress(change.position, change.head);
    refresh();
  });
  events.addEventListener('open', function () { refresh(); });
  events.addEventListener('error', function () { setStatus('reconnecting', words.reconnecting); });
})();
`;
