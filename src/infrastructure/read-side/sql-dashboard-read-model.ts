// The dashboard's reads in SQL. Status counts and unmatched events come from nurture_gauges (a few
// rows); the daily figures from mv_nurturing_conversion_metrics (the 30 days up to its latest, by its
// unique date index, so simulated or demo dates show too); runs and
// the feed from their indexes (started_at DESC, the log's primary key); the log head is one step
// down es_events' primary key. The email counts sum lead_nurturing_engagement_summary (one row per
// sequence): the one aggregate here that grows with the read side.
import type pg from 'pg';
import type { DashboardReadModel, DashboardSnapshot, ProjectionProgress } from '../../application/queries/read-side/dashboard-read-model.port.js';
import { NURTURING_READ_MODEL } from '../../projections/nurturing-read-model/nurturing-read-model.projection.js';
import { SEQUENCES_BY_STATUS, UNMATCHED_EVENTS } from '../../projections/nurturing-read-model/gauges.js';

export const DASHBOARD_DAYS = 30;
export const DASHBOARD_RUNS = 10;
export const DASHBOARD_EVENTS = 20;

const PROGRESS_SQL = `SELECT coalesce((SELECT global_position FROM nurture_projection_checkpoints WHERE name = $1), 0)::text AS position,
                             coalesce((SELECT max(global_position) FROM es_events), 0)::text AS head`;

export class SqlDashboardReadModel implements DashboardReadModel {
  constructor(private readonly pool: Pick<pg.Pool, 'query'>) {}

  async progress(): Promise<ProjectionProgress> {
    const { rows } = await this.pool.query<{ position: string; head: string }>(PROGRESS_SQL, [NURTURING_READ_MODEL]);
    return { position: Number(rows[0]!.position), head: Number(rows[0]!.head) };
  }

  async snapshot(): Promise<DashboardSnapshot> {
    // The position is read first: everything after it is at least as new as it says.
    const progress = await this.progress();
    const [gauges, emails, days, runs, suppressions, events] = await Promise.all([
      this.pool.query<{ name: string; label: string; value: string }>(`SELECT name, label, value::text FROM nurture_gauges WHERE name IN ($1, $2)`, [SEQUENCES_BY_STATUS, UNMATCHED_EVENTS]),
      this.pool.query<Record<'sent' | 'delivered' | 'opened' | 'clicked' | 'replied', string>>(
        `SELECT coalesce(sum(total_emails_sent), 0)::text AS sent, coalesce(sum(total_emails_delivered), 0)::text AS delivered,
                coalesce(sum(total_emails_opened), 0)::text AS opened, coalesce(sum(total_emails_clicked), 0)::text AS clicked,
                coalesce(sum(total_emails_replied), 0)::text AS replied
           FROM lead_nurturing_engagement_summary`,
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
      this.pool.query<{ n: string }>(`SELECT count(*)::text AS n FROM lead_nurturing_suppressions`),
      this.pool.query(
        `SELECT global_position::text AS position, event_type, stream_id, recorded_at FROM es_events ORDER BY global_position DESC LIMIT $1`,
        [DASHBOARD_EVENTS],
      ),
    ]);
    const status = (label: string) => Number(gauges.rows.find((g) => g.name === SEQUENCES_BY_STATUS && g.label === label)?.value ?? 0);
    const started = gauges.rows.filter((g) => g.name === SEQUENCES_BY_STATUS).reduce((sum, g) => sum + Number(g.value), 0);
    const e = emails.rows[0]!;
    return {
      ...progress,
      funnel: {
        started,
        sent: Number(e.sent),
        delivered: Number(e.delivered),
        opened: Number(e.opened),
        clicked: Number(e.clicked),
        replied: Number(e.replied),
        qualified: status('qualified'),
        paused: status('paused'),
        completed: status('completed'),
        stopped: status('stopped'),
      },
      active: status('active'),
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
      suppressions: Number(suppressions.rows[0]!.n),
      unmatchedEvents: Number(gauges.rows.find((g) => g.name === UNMATCHED_EVENTS)?.value ?? 0),
      events: events.rows.map((r) => ({ position: Number(r.position), type: r.event_type, stream: r.stream_id, recordedAt: new Date(r.recorded_at).toISOString() })),
    };
  }
}
