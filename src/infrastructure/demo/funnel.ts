// The demo's funnel, read with plain SQL from the tables analysts query.
import type pg from 'pg';

export interface Funnel {
  leads: number;
  /** Cold leads enrolled: sequences started. */
  sequencesStarted: number;
  emails: { sent: number; delivered: number; bounced: number; opened: number; clicked: number; replied: number };
  /** Sequences whose lead opened / clicked / replied at least once. */
  engagedLeads: { opened: number; clicked: number; replied: number };
  status: { qualified: number; active: number; paused: number; completed: number; stopped: number };
  /** 100 * qualified / started, 2 decimals. */
  conversionRatePct: number;
  /** Mean days from start to qualification; null when nobody qualified. */
  avgDaysToQualify: number | null;
}

const FUNNEL_SQL = `
  WITH e AS (
    SELECT count(*) FILTER (WHERE status IN ('sent', 'bounced')) AS sent,
           count(delivered_at) AS delivered, count(bounced_at) AS bounced,
           count(opened_at) AS opened, count(clicked_at) AS clicked, count(replied_at) AS replied
      FROM lead_nurturing_events),
  g AS (
    SELECT count(*) FILTER (WHERE total_opens > 0) AS opened, count(*) FILTER (WHERE total_clicks > 0) AS clicked,
           count(*) FILTER (WHERE total_replies > 0) AS replied
      FROM lead_nurturing_engagement_summary),
  s AS (
    SELECT count(*) AS started,
           count(*) FILTER (WHERE status = 'qualified') AS qualified, count(*) FILTER (WHERE status = 'active') AS active,
           count(*) FILTER (WHERE status = 'paused') AS paused, count(*) FILTER (WHERE status = 'completed') AS completed,
           count(*) FILTER (WHERE status = 'stopped') AS stopped,
           round(avg(extract(epoch FROM qualified_at - started_at) / 86400), 2)::float8 AS avg_days_to_qualify
      FROM lead_nurturing_sequences)
  SELECT (SELECT count(*) FROM leads) AS leads,
         e.sent, e.delivered, e.bounced, e.opened, e.clicked, e.replied,
         g.opened AS leads_opened, g.clicked AS leads_clicked, g.replied AS leads_replied,
         s.started, s.qualified, s.active, s.paused, s.completed, s.stopped, s.avg_days_to_qualify
    FROM e, g, s`;

export async function readFunnel(db: Pick<pg.Pool, 'query'>): Promise<Funnel> {
  const { rows } = await db.query<Record<string, string | number | null>>(FUNNEL_SQL);
  const r = rows[0]!;
  const n = (column: string): number => Number(r[column]);
  const started = n('started');
  return {
    leads: n('leads'),
    sequencesStarted: started,
    emails: { sent: n('sent'), delivered: n('delivered'), bounced: n('bounced'), opened: n('opened'), clicked: n('clicked'), replied: n('replied') },
    engagedLeads: { opened: n('leads_opened'), clicked: n('leads_clicked'), replied: n('leads_replied') },
    status: { qualified: n('qualified'), active: n('active'), paused: n('paused'), completed: n('completed'), stopped: n('stopped') },
    conversionRatePct: started === 0 ? 0 : Math.round((10_000 * n('qualified')) / started) / 100,
    avgDaysToQualify: r.avg_days_to_qualify === null ? null : n('avg_days_to_qualify'),
  };
}
