// The dashboard page's own script, served as /dashboard/assets/dashboard.js: fetches the snapshot,
// fills the page, and refetches on every `change` of /dashboard/events. The charts' options come
// built by the server from the reports' chart definitions; this only draws them. Plain browser
// JavaScript (no build step); no template literals inside, so this TypeScript string stays as written.
export const DASHBOARD_SCRIPT = String.raw`(function () {
  'use strict';
  var words = JSON.parse(document.body.getAttribute('data-words'));
  var lang = document.documentElement.lang || 'en';
  var locale = lang === 'es' ? 'es-ES' : 'en-US';
  var number = new Intl.NumberFormat(locale);
  var rate = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  var time = new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'medium' });
  var statusEl = document.getElementById('status');
  var fetching = null, again = false, pendingTimer = null;
  var charts = {};

  function byTestId(id) { return document.querySelector('[data-testid="' + id + '"]'); }
  function text(id, value) { var el = byTestId(id); if (el) el.textContent = number.format(value); }
  function cell(row, value, cls) { var td = document.createElement('td'); td.textContent = value; if (cls) td.className = cls; row.appendChild(td); return td; }
  function rows(id, items, fill) {
    var body = document.getElementById(id); body.textContent = '';
    items.forEach(function (item) { var tr = document.createElement('tr'); fill(tr, item); body.appendChild(tr); });
  }
  function fillIn(template, values) { return template.replace(/\{(\w+)\}/g, function (_, k) { return values[k]; }); }
  function setStatus(state, label) { statusEl.setAttribute('data-state', state); statusEl.textContent = label; }
  function showProgress(position, head) {
    var behind = Math.max(0, head - position);
    if (behind === 0) setStatus('live', words.live); else setStatus('behind', words.behind.replace('{n}', number.format(behind)));
  }

  // Draws a server-built option into #id (hidden when there is none). Narrow screens give the
  // ranking's names less room.
  function draw(id, chart, extra) {
    var el = document.getElementById(id);
    if (!chart || !window.echarts) { el.hidden = true; if (charts[id]) { charts[id].dispose(); delete charts[id]; } return; }
    el.hidden = false;
    el.style.height = chart.height + 'px';
    var option = chart.option;
    if (option.yAxis && option.yAxis.type === 'category' && el.clientWidth < 720) {
      var room = Math.round(el.clientWidth * 0.38);
      option.grid.left = room; option.grid.right = 130; option.yAxis.axisLabel.width = room - 10;
      option.xAxis.splitNumber = 2;
    }
    if (extra) Object.keys(extra).forEach(function (k) { option[k] = extra[k]; });
    charts[id] = charts[id] || window.echarts.init(el);
    charts[id].setOption(option, true);
    charts[id].resize();
  }

  function renderRankings(data) {
    var r = data.rankings;
    var templatesNote = document.getElementById('templates-note'), stepsNote = document.getElementById('steps-note');
    if (!r) {
      var pending = data.window ? words.rankingsPending : '';
      templatesNote.textContent = pending; stepsNote.textContent = pending;
      draw('chart-templates', null); draw('chart-steps', null);
      rows('templates-table', [], null); rows('steps-table', [], null);
      // The first rankings are computed in the background: look again shortly.
      if (data.window && !pendingTimer) pendingTimer = setTimeout(function () { pendingTimer = null; refresh(); }, 1500);
      return;
    }
    var day = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
    var span = { start: day.format(new Date(r.window.start)), end: day.format(new Date(Date.parse(r.window.end) - 1)), at: time.format(new Date(r.computedAt)) };
    draw('chart-templates', data.charts.topTemplates);
    draw('chart-steps', data.charts.topSteps);
    rows('templates-table', r.topTemplates, function (tr, t) { cell(tr, t.sequence_name); cell(tr, rate.format(t.conversion_rate_pct) + ' % (' + number.format(t.leads_qualified) + '/' + number.format(t.total_sequences_started) + ')'); });
    rows('steps-table', r.topSteps, function (tr, s) { cell(tr, words.step + ' ' + s.step_number + ' · ' + s.sequence_name); cell(tr, rate.format(s.reply_rate_pct) + ' % (' + number.format(s.emails_replied) + '/' + number.format(s.emails_sent) + ')'); });
    templatesNote.textContent = (r.topTemplates.length === 0 ? words.noTemplates + ' ' : '') + fillIn(words.templatesNote, span);
    var steps = r.topSteps.length === 0 ? fillIn(words.noSteps, { min: number.format(r.minSends) }) + ' ' : '';
    if (r.stepsTooFewSends.length > 0) steps += fillIn(words.tooFew, { n: number.format(r.stepsTooFewSends.length), min: number.format(r.minSends) }) + ' ';
    stepsNote.textContent = steps + fillIn(words.stepsNote, span);
  }

  function render(data) {
    Object.keys(data.funnel).forEach(function (k) { text('funnel-' + k, data.funnel[k]); });
    text('active', data.active);
    text('suppressions', data.suppressions);
    text('unmatched', data.unmatchedEvents);
    var now = Date.now();
    rows('due', data.due, function (tr, d) {
      var at = d.nextSendAt ? new Date(d.nextSendAt) : null;
      var td = cell(tr, at ? time.format(at) + (at.getTime() <= now ? ' (' + words.overdue + ')' : '') : words.notPlanned);
      if (at && at.getTime() <= now) td.className = 'overdue';
      cell(tr, d.leadExtId); cell(tr, d.sequenceName); cell(tr, d.nextStep + '/' + d.totalSteps, 'num');
    });
    if (data.due.length === 0) rows('due', [words.noDue], function (tr, message) { var td = cell(tr, message); td.colSpan = 4; });
    rows('runs', data.runs, function (tr, r) {
      cell(tr, time.format(new Date(r.startedAt)));
      cell(tr, r.status + (r.dryRun ? ' (' + words.dryRun + ')' : ''));
      // The run's total and its slowest step; every step's timing one click away.
      var td = cell(tr, '', 'steps');
      var total = r.steps.reduce(function (sum, s) { return sum + s.durationMs; }, 0);
      var slowest = r.steps.reduce(function (a, s) { return !a || s.durationMs > a.durationMs ? s : a; }, null);
      var details = document.createElement('details'), summary = document.createElement('summary'), list = document.createElement('div');
      summary.textContent = number.format(total) + ' ms' + (slowest ? ' · ' + words.slowest + ': ' + slowest.step + ' ' + number.format(slowest.durationMs) + ' ms' : '');
      list.textContent = r.steps.map(function (s) { return s.step + ' ' + number.format(s.durationMs) + ' ms' + (s.status === 'succeeded' ? '' : ' (' + s.status + ')'); }).join(', ');
      details.appendChild(summary); details.appendChild(list); td.appendChild(details);
    });
    rows('latest-suppressions', data.latestSuppressions, function (tr, x) {
      cell(tr, time.format(new Date(x.suppressedAt))); cell(tr, x.email, 'wrap'); cell(tr, x.reason); cell(tr, x.source || '');
    });
    if (data.latestSuppressions.length === 0) rows('latest-suppressions', [words.noneYet], function (tr, message) { cell(tr, message).colSpan = 4; });
    rows('latest-unmatched', data.latestUnmatched, function (tr, x) {
      cell(tr, time.format(new Date(x.receivedAt))); cell(tr, x.source); cell(tr, x.eventType + ' (' + x.status + ')'); cell(tr, x.reason, 'wrap');
    });
    if (data.latestUnmatched.length === 0) rows('latest-unmatched', [words.noneYet], function (tr, message) { cell(tr, message).colSpan = 4; });
    rows('feed', data.events, function (tr, e) {
      tr.setAttribute('data-testid', 'feed-row');
      cell(tr, number.format(e.position), 'num'); cell(tr, e.type); cell(tr, e.stream); cell(tr, time.format(new Date(e.recordedAt)));
    });
    document.getElementById('chart-empty').hidden = data.days.length > 0;
    draw('chart', data.charts.daily, { tooltip: { trigger: 'axis' } });
    renderRankings(data);
    document.body.setAttribute('data-position', String(data.position));
    showProgress(data.position, data.head);
  }

  // One fetch at a time; a change during it asks for one more.
  function refresh() {
    if (fetching) { again = true; return; }
    fetching = fetch('/dashboard/data?lang=' + encodeURIComponent(lang), { credentials: 'same-origin', headers: { accept: 'application/json' } })
      .then(function (res) {
        if (res.status === 401) { window.location.assign('/dashboard/sign-in?lang=' + encodeURIComponent(lang)); return; }
        return res.json().then(render);
      })
      .catch(function () { setStatus('reconnecting', words.reconnecting); })
      .then(function () { fetching = null; if (again) { again = false; refresh(); } });
  }

  window.addEventListener('resize', function () { Object.keys(charts).forEach(function (id) { charts[id].resize(); }); });
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
