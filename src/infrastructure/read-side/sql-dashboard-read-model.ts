// The dashboard's reads in SQL, each served by an index or a few rows, whatever the read side's
// size: the funnel, suppressions and unmatched events from nurture_gauges (kept by their writers); the daily
// figures from mv_nurturing_conversion_metrics (the 30 days up to its latest, by its unique date
// index, so simulated or demo dates show too); what is due next from the partial index of active
// sequences by next_send_at; runs, the feed and the latest suppressions and unmatched events from
// their indexes (started_at DESC, the log's primary key, suppressed_at, received_at DESC); the log
// head is one step down es_events' primary key.
import type pg from 'pg';
import type { DashboardPulse, DashboardReadModel, DashboardSnapshot } from '../../application/queries/read-side/dashboard-read-model.port.js';
import { NURTURING_READ_MODEL } from '../../projections/nurturing-read-model/nurturing-read-model.projection.js';
import { EMAILS_BY_OUTCOME, type EmailOutcome, SEQUENCES_BY_STATUS, SUPPRESSIONS, UNMATCHED_EVENTS } from '../../projections/nurturing-read-model/gauges.js';

export const DASHBOARD_DAYS = 30;
export const DASHBOARD_RUNS = 10;
export const DASHBOARD_EVENTS = 20;
export const DASHBOARD_DUE = 10;
export const DASHBOARD_LIST_ROWS = 5;

const PROGRESS_SQL = `SELECT coalesce((SELECT global_position FROM nurture_projection_checkpoints WHERE name = $1), 0)::text AS position,
                             coalesce((SELECT max(global_position) FROM es_events), 0)::text AS head,
                             coalesce((SELECT value FROM nurture_gauges WHERE name = $2 AND label = ''), 0)::text AS suppressions,
                             coalesce((SELECT value FROM nurture_gauges WHERE name = $3 AND label = ''), 0)::text AS unmatched`;

export class SqlDashboardReadModel implements DashboardReadModel {
  constructor(private readonly pool: Pick<pg.Pool, 'query'>) {}

  async progress(): Promise<DashboardPulse> {
    const { rows } = await this.pool.query<Record<'position' | 'head' | 'suppressions' | 'unmatched', string>>(PROGRESS_SQL, [NURTURING_READ_MODEL, SUPPRESSIONS, UNMATCHED_EVENTS]);
    const r = rows[0]!;
    return { position: Number(r.position), head: Number(r.head), suppressions: Number(r.suppressions), unmatchedEvents: Number(r.unmatched) };
  }

  async snapshot(): Promise<DashboardSnapshot> {
    // The position is read first: everything after it is at least as new as it says.
    const progress = await this.progress();
    const [gauges, due, days, runs, events, suppressions, unmatched] = await Promise.all([
      this.pool.query<{ name: string; label: string; value: string }>(
        `SELECT name, label, value::text FROM nurture_gauges WHERE name IN ($1, $2, $3, $4)`,
        [SEQUENCES_BY_STATUS, UNMATCHED_EVENTS, EMAILS_BY_OUTCOME, SUPPRESSIONS],
      ),
      this.pool.query(
        `SELECT id, lead_ext_id, sequence_name, current_step, total_steps, next_send_at
           FROM lead_nurturing_sequences WHERE status = 'active' ORDER BY next_send_at, id LIMIT $1`,
        [DASHBOARD_DUE],
      ),
      this.pool.query(
        `SELECT to_char(date, 'YYYY-MM-DD') AS date, total_sequences_started, leads_qualified, conversion_rate_pct::float8 AS conversion_rate_pct,
                emails_sent, open_rate_pct::float8 AS open_rate_pct, click_rate_pct::float8 AS click_rate_pct, reply_rate_pct::float8 AS reply_rate_pct
           FROM mv_nurturing_conversion_metrics
          WHERE date > (SELECT max(date) FROM mv_nurturing_conversion_metrics) - $1::int
          ORDER BY date`,
        [DASHBOARD_DAYS],
      ),
      this.pool.query(
        `SELECT run_id, started_at, finished_at, status, dry_run, steps FROM lead_nurturing_runs ORDER BY started_at DESC LIMIT $1`,
        [DASHBOARD_RUNS],
      ),
      this.pool.query(
        `SELECT global_position::text AS position, event_type, stream_id, recorded_at FROM es_events ORDER BY global_position DESC LIMIT $1`,
        [DASHBOARD_EVENTS],
      ),
      this.pool.query(
        `SELECT email, reason, source, suppressed_at FROM lead_nurturing_suppressions ORDER BY suppressed_at DESC, email DESC LIMIT $1`,
        [DASHBOARD_LIST_ROWS],
      ),
      this.pool.query(
        `SELECT source, event_type, reason, status, received_at FROM lead_nurturing_unmatched_events ORDER BY received_at DESC LIMIT $1`,
        [DASHBOARD_LIST_ROWS],
      ),
    ]);
    const gauge = (name: string, label: string) => Number(gauges.rows.find((g) => g.name === name && g.label === label)?.value ?? 0);
    const status = (label: string) => gauge(SEQUENCES_BY_STATUS, label);
    const emails = (outcome: EmailOutcome) => gauge(EMAILS_BY_OUTCOME, outcome);
    const started = gauges.rows.filter((g) => g.name === SEQUENCES_BY_STATUS).reduce((sum, g) => sum + Number(g.value), 0);
    const lastDay = days.rows.at(-1)?.date as string | undefined;
    return {
      ...progress,
      funnel: {
        started,
        sent: emails('sent'),
        delivered: emails('delivered'),
        opened: emails('opened'),
        clicked: emails('clicked'),
        replied: emails('replied'),
        qualified: status('qualified'),
        paused: status('paused'),
        completed: status('completed'),
        stopped: status('stopped'),
      },
      active: status('active'),
      due: due.rows.map((r) => ({
        sequenceId: Number(r.id),
        leadExtId: r.lead_ext_id,
        sequenceName: r.sequence_name,
        nextStep: r.current_step + 1,
        totalSteps: r.total_steps,
        nextSendAt: r.next_send_at === null ? null : new Date(r.next_send_at).toISOString(),
      })),
      window: lastDay === undefined ? null : windowEndingOn(lastDay),
      days: days.rows.map((d) => ({
        date: d.date,
        started: d.total_sequences_started,
        qualified: d.leads_qualified,
        conversionRatePct: d.conversion_rate_pct,
        emailsSent: d.emails_sent,
        openRatePct: d.open_rate_pct,
        clickRatePct: d.click_rate_pct,
        replyRatePct: d.reply_rate_pct,
      })),
      runs: runs.rows.map((r) => ({
        runId: r.run_id,
        startedAt: new Date(r.started_at).toISOString(),
        finishedAt: new Date(r.finished_at).toISOString(),
        status: r.status,
        dryRun: r.dry_run,
        steps: (Array.isArray(r.steps) ? r.steps : []).map((s: { step: string; status: string; durationMs: number }) => ({ step: s.step, status: s.status, durationMs: s.durationMs })),
      })),
      suppressions: gauge(SUPPRESSIONS, ''),
      latestSuppressions: suppressions.rows.map((r) => ({ email: r.email, reason: r.reason, source: r.source, suppressedAt: new Date(r.suppressed_at).toISOString() })),
      unmatchedEvents: gauge(UNMATCHED_EVENTS, ''),
      latestUnmatched: unmatched.rows.map((r) => ({
        source: r.source, eventType: r.event_type, reason: r.reason, status: r.status, receivedAt: new Date(r.received_at).toISOString(),
      })),
      events: events.rows.map((r) => ({ position: Number(r.position), type: r.event_type, stream: r.stream_id, recordedAt: new Date(r.recorded_at).toISOString() })),
    };
  }
}

/** The DASHBOARD_DAYS UTC days ending with `lastDay` (YYYY-MM-DD), as [start, end). */
function windowEndingOn(lastDay: string): { start: string; end: string } {
  const end = Date.parse(`${lastDay}T00:00:00Z`) + 86_400_000;
  return { start: new Date(end - DASHBOARD_DAYS * 86_400_000).toISOString(), end: new Date(end).toISOString() };
}
