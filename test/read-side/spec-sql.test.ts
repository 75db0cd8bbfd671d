// Every SQL statement of the specification (seed/000_141548f9209dfe3e, "Uso y Consultas" and
// "Troubleshooting") runs UNCHANGED against our schema and returns the rows an analyst expects.
// The read tables are seeded by hand here (the projections fill them in production), with times
// relative to the database's own clock, because the statements compare with CURRENT_DATE and NOW().
import type pg from 'pg';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

// -----------------------------------------------------------------------------------------------------
// The specification's SQL, copied character for character (trailing spaces included).
// -----------------------------------------------------------------------------------------------------

/** "Ver Secuencias Activas" */
const VER_SECUENCIAS_ACTIVAS = `SELECT 
    s.id,
    l.email,
    l.first_name,
    s.current_step,
    s.total_steps,
    s.status,
    s.next_send_at,
    s.completion_rate,
    s.qualified_at
FROM lead_nurturing_sequences s
JOIN leads l ON s.lead_ext_id = l.ext_id
WHERE s.status = 'active'
ORDER BY s.next_send_at ASC;`;

/** "Ver Métricas de Conversión" */
const VER_METRICAS_DE_CONVERSION = `SELECT 
    date,
    total_sequences_started,
    leads_qualified,
    conversion_rate_pct,
    open_rate_pct,
    reply_rate_pct,
    avg_days_to_qualify
FROM mv_nurturing_conversion_metrics
ORDER BY date DESC
LIMIT 30;`;

/** "Ver Engagement por Secuencia" */
const VER_ENGAGEMENT_POR_SECUENCIA = `SELECT 
    s.id,
    l.email,
    es.total_emails_sent,
    es.total_emails_opened,
    es.total_emails_replied,
    es.open_rate,
    es.reply_rate,
    es.engagement_score
FROM lead_nurturing_sequences s
JOIN leads l ON s.lead_ext_id = l.ext_id
LEFT JOIN lead_nurturing_engagement_summary es ON s.id = es.sequence_id
WHERE s.status IN ('active', 'qualified')
ORDER BY es.engagement_score DESC;`;

/** "Crear Template Personalizado" */
const CREAR_TEMPLATE_PERSONALIZADO = `INSERT INTO nurturing_sequence_templates 
(name, description, priority_filter, min_score, max_score, total_steps, steps_config, enabled)
VALUES (
    'vip_nurturing',
    'Secuencia para leads VIP',
    'high',
    0,
    100,
    3,
    '[
        {
            "step": 1,
            "delay_days": 0,
            "subject_template": "{{first_name}}, acceso VIP",
            "body_template": "Contenido personalizado para VIP..."
        },
        {
            "step": 2,
            "delay_days": 2,
            "subject_template": "{{first_name}}, seguimiento VIP",
            "body_template": "..."
        }
    ]'::jsonb,
    true
);`;

/** Troubleshooting: "Leads no se identifican como fríos" */
const LEADS_NO_SE_IDENTIFICAN_COMO_FRIOS = `SELECT ext_id, email, score, priority 
FROM leads 
WHERE email IS NOT NULL 
  AND (score IS NULL OR score < 50)
  AND (priority IS NULL OR priority = 'low')
  AND created_at >= CURRENT_DATE - INTERVAL '90 days';`;

/** Troubleshooting: "Emails no se envían" (next_send_at <= NOW() in active sequences) */
const EMAILS_NO_SE_ENVIAN = `SELECT id, email, current_step, next_send_at, status
FROM lead_nurturing_sequences
WHERE status = 'active' AND next_send_at <= NOW();`;

/** Troubleshooting: "Engagement no se actualiza" (events with status = 'sent') */
const ENGAGEMENT_NO_SE_ACTUALIZA = `SELECT id, email, status, sent_at, opened_at, replied_at
FROM lead_nurturing_events
WHERE status = 'sent' 
  AND sent_at >= CURRENT_DATE - INTERVAL '7 days'
  AND opened_at IS NULL;`;

// -----------------------------------------------------------------------------------------------------
// Fixture: times relative to the database's now
// -----------------------------------------------------------------------------------------------------

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

type Row = Record<string, unknown>;

let now: Date;
/** `hour`:00 UTC on the UTC day `daysAgo` days before the database's today ("D-daysAgo"). */
const utcDay = (daysAgo: number, hour = 0): Date =>
  new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - daysAgo, hour));
const after = (t: Date, ms: number): Date => new Date(t.getTime() + ms);
/** The YYYY-MM-DD of a `date` column (node-pg parses it as local midnight). */
const localDay = (d: Date): string =>
  `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
/** Email ids are uuids; these spell `<sequence><step>` in their last group. */
const emailId = (sequenceId: number, step: number): string =>
  `00000000-0000-4000-8000-${String(sequenceId).padStart(8, '0')}${String(step).padStart(4, '0')}`;

async function insert(pool: pg.Pool, table: string, row: Row): Promise<void> {
  const columns = Object.keys(row);
  await pool.query(
    `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((_, i) => `$${i + 1}`).join(', ')})`,
    Object.values(row),
  );
}

interface Fixture {
  leads: Row[];
  sequences: Map<number, Row>;
  emails: Row[];
  summaries: Row[];
}

/**
 * Ten sequences over four UTC start days (D-10, D-5, D-3, D-1), every status, and emails that were
 * sent, failed, bounced or simulated; plus leads that are and are not cold, each for one reason.
 */
function buildFixture(templateId: number): Fixture {
  const sequences = new Map<number, Row>();
  const emails: Row[] = [];
  const leads: Row[] = [];

  const sequence = (
    id: number, lead: { ext_id: string; email: string; first_name: string; score: number | null; priority: string | null },
    startedAt: Date, status: string, fields: Row,
  ): void => {
    leads.push({ ...lead, last_name: 'Test', company: 'ACME', source: 'web', created_at: after(startedAt, -2 * DAY) });
    sequences.set(id, {
      id, lead_ext_id: lead.ext_id, email: lead.email, first_name: lead.first_name, template_id: templateId,
      sequence_name: 'default_cold_lead_nurturing', current_step: 0, total_steps: 3, status,
      base_score: lead.score, engagement_score: 0, total_score: lead.score ?? 0, started_at: startedAt,
      next_send_at: null, completion_rate: 0, stream_revision: 1, last_event_at: startedAt, ...fields,
    });
  };
  const email = (sequenceId: number, step: number, status: string, sentAt: Date | null, fields: Row = {}): void => {
    const s = sequences.get(sequenceId)!;
    emails.push({
      id: emailId(sequenceId, step), sequence_id: sequenceId, lead_ext_id: s.lead_ext_id, email: s.email,
      step_number: step, subject: `${s.first_name}, step ${step}`, status, sent_at: sentAt,
      provider_message_id: status === 'sent' || status === 'bounced' ? `msg-${sequenceId}-${step}` : null,
      attempts: 1, last_event_at: sentAt ?? s.started_at, ...fields,
    });
  };

  // --- Cohort D-10: 3 started, 1 qualified (after 3.5 days); 5 emails sent, 3 opened, 1 clicked, 1 replied.
  const s104 = utcDay(10, 9);
  sequence(104, { ext_id: 'lead_d', email: 'diego@example.com', first_name: 'Diego', score: 20, priority: 'low' }, s104,
    'qualified', { current_step: 2, completion_rate: 66.67, engagement_score: 33, total_score: 53,
      last_sent_at: after(s104, 2 * DAY), last_engagement_at: after(s104, 3.5 * DAY), qualified_at: after(s104, 3.5 * DAY) });
  email(104, 1, 'sent', s104, { delivered_at: after(s104, MINUTE), opened_at: after(s104, DAY), replied_at: after(s104, DAY), open_count: 1, reply_count: 1 });
  email(104, 2, 'sent', after(s104, 2 * DAY), { opened_at: after(s104, 3 * DAY), clicked_at: after(s104, 3.5 * DAY), open_count: 2, click_count: 1 });

  const s106 = utcDay(10, 10);
  sequence(106, { ext_id: 'lead_f', email: 'fede@example.com', first_name: 'Fede', score: 45, priority: null }, s106,
    'completed', { current_step: 3, completion_rate: 100, last_sent_at: after(s106, 4 * DAY), completed_at: after(s106, 4 * DAY),
      last_engagement_at: after(s106, HOUR) });
  email(106, 1, 'sent', s106, { opened_at: after(s106, HOUR), open_count: 1 });
  email(106, 2, 'sent', after(s106, 2 * DAY)); // D-8: older than the 7-day window
  email(106, 3, 'sent', after(s106, 4 * DAY)); // D-6: inside it, never opened

  const s107 = utcDay(10, 11);
  sequence(107, { ext_id: 'lead_g', email: 'gabi@example.com', first_name: 'Gabi', score: null, priority: null }, s107,
    'stopped', { current_step: 1, completion_rate: 33.33, last_sent_at: s107, stopped_at: after(s107, 5 * MINUTE), stop_reason: 'bounced' });
  email(107, 1, 'bounced', s107, { bounced_at: after(s107, 5 * MINUTE), error: 'hard bounce: mailbox does not exist', metadata: { bounce_type: 'hard' } });

  // --- Cohort D-5: 3 started, 2 qualified (after 1.25 and 2 days); 3 emails sent (a dry run excluded),
  //     1 opened, 1 clicked, 2 replied.
  const s105 = utcDay(5, 9);
  sequence(105, { ext_id: 'lead_e', email: 'elena@example.com', first_name: 'Elena', score: 0, priority: 'low' }, s105,
    'paused', { current_step: 1, completion_rate: 33.33, last_sent_at: s105, next_send_at: after(s105, 2 * DAY),
      paused_at: after(s105, DAY), pause_reason: 'manual' });
  email(105, 1, 'sent', s105, { delivered_at: after(s105, MINUTE) });

  const s108 = utcDay(5, 10);
  sequence(108, { ext_id: 'lead_h', email: 'hugo@example.com', first_name: 'Hugo', score: 30, priority: null }, s108,
    'qualified', { current_step: 1, completion_rate: 33.33, engagement_score: 32, total_score: 62, last_sent_at: s108,
      last_engagement_at: after(s108, 1.25 * DAY), qualified_at: after(s108, 1.25 * DAY) });
  email(108, 1, 'sent', s108, { opened_at: after(s108, DAY), clicked_at: after(s108, 1.25 * DAY), replied_at: after(s108, 1.25 * DAY),
    open_count: 2, click_count: 2, reply_count: 1 });

  const s109 = utcDay(5, 11);
  sequence(109, { ext_id: 'lead_i', email: 'ines@example.com', first_name: 'Inés', score: 30, priority: 'low' }, s109,
    'qualified', { current_step: 2, completion_rate: 66.67, engagement_score: 25, total_score: 55, last_sent_at: after(s109, 1.5 * DAY),
      last_engagement_at: after(s109, 2 * DAY), qualified_at: after(s109, 2 * DAY) });
  email(109, 1, 'sent', s109, { replied_at: after(s109, DAY), reply_count: 2 }); // replied, never seen opening
  email(109, 2, 'dry_run', after(s109, 1.5 * DAY), { attempts: 0 });

  // --- Cohort D-3: 1 started, stopped by hand before any email.
  const s110 = utcDay(3, 9);
  sequence(110, { ext_id: 'lead_j', email: 'juan@example.com', first_name: 'Juan', score: 49, priority: null }, s110,
    'stopped', { stopped_at: after(s110, HOUR), stop_reason: 'manual' });

  // --- Cohort D-1: 3 started (all active), 1 email sent and opened; one send failed.
  const s101 = utcDay(1, 9);
  sequence(101, { ext_id: 'lead_a', email: 'ana@example.com', first_name: 'Ana', score: 20, priority: 'low' }, s101,
    'active', { current_step: 1, completion_rate: 33.33, engagement_score: 5, total_score: 25, last_sent_at: s101,
      next_send_at: after(s101, 3 * DAY), last_engagement_at: after(s101, 2 * HOUR) });
  email(101, 1, 'sent', s101, { delivered_at: after(s101, MINUTE), opened_at: after(s101, HOUR), open_count: 2 });

  const s102 = utcDay(1, 10);
  sequence(102, { ext_id: 'lead_b', email: 'bruno@example.com', first_name: 'Bruno', score: null, priority: null }, s102,
    'active', { next_send_at: after(now, -HOUR) }); // due: the run has not sent it yet

  const s103 = utcDay(1, 11);
  sequence(103, { ext_id: 'lead_c', email: 'carla@example.com', first_name: 'Carla', score: 10, priority: 'low' }, s103,
    'active', { next_send_at: after(now, 2 * HOUR) }); // retried later
  email(103, 1, 'failed', null, { attempts: 3, error: 'HTTP 503 from email webhook', last_event_at: after(s103, 10 * MINUTE) });

  // --- Leads that are not in any sequence: two cold, the others not cold for exactly one reason each.
  const other = (ext_id: string, fields: Row): Row => ({
    ext_id, email: `${ext_id}@example.com`, first_name: ext_id, score: null, priority: null, created_at: after(now, -10 * DAY), ...fields,
  });
  leads.push(
    other('cold_unscored', {}),
    other('cold_score_49_low', { score: 49, priority: 'low', created_at: after(now, -89 * DAY) }),
    other('not_cold_score_50', { score: 50 }),
    other('not_cold_priority_high', { priority: 'high' }),
    other('not_cold_priority_medium', { score: 10, priority: 'medium' }),
    other('not_cold_no_email', { email: null }),
    other('not_cold_created_100_days_ago', { created_at: after(now, -100 * DAY) }),
  );

  const summary = (sequenceId: number, fields: Row): Row => ({
    sequence_id: sequenceId, last_event_at: sequences.get(sequenceId)!.last_event_at, ...fields,
  });
  const summaries = [
    summary(101, { total_emails_sent: 1, total_emails_delivered: 1, total_emails_opened: 1, total_opens: 2, open_rate: 1, engagement_score: 5, last_engagement_at: after(s101, 2 * HOUR) }),
    summary(102, {}), // started, nothing sent yet: all zeros
    // 103: no summary row yet
    summary(104, { total_emails_sent: 2, total_emails_delivered: 1, total_emails_opened: 2, total_emails_clicked: 1, total_emails_replied: 1,
      total_opens: 3, total_clicks: 1, total_replies: 1, open_rate: 1, click_rate: 0.5, reply_rate: 0.5, engagement_score: 33,
      last_engagement_at: after(s104, 3.5 * DAY) }),
    summary(105, { total_emails_sent: 1, total_emails_delivered: 1 }),
    summary(106, { total_emails_sent: 3, total_emails_opened: 1, total_opens: 1, open_rate: 0.3333, last_engagement_at: after(s106, HOUR) }),
    summary(107, { total_emails_sent: 1, total_emails_bounced: 1 }),
    summary(108, { total_emails_sent: 1, total_emails_opened: 1, total_emails_clicked: 1, total_emails_replied: 1, total_opens: 2,
      total_clicks: 2, total_replies: 1, open_rate: 1, click_rate: 1, reply_rate: 1, engagement_score: 32, last_engagement_at: after(s108, 1.25 * DAY) }),
    summary(109, { total_emails_sent: 1, total_emails_replied: 1, total_replies: 2, reply_rate: 1, engagement_score: 25,
      last_engagement_at: after(s109, 2 * DAY) }),
  ];
  return { leads, sequences, emails, summaries };
}

// -----------------------------------------------------------------------------------------------------

describe('the specification\'s SQL runs unchanged against the read side', () => {
  let t: TestDatabase;
  let pool: pg.Pool;
  let fixture: Fixture;
  const seq = (id: number): Row => fixture.sequences.get(id)!;

  beforeAll(async () => {
    t = await createTestDatabase();
    pool = t.db.pool;
    now = (await pool.query<{ now: Date }>('SELECT now() AS now')).rows[0]!.now;

    const { rows } = await pool.query<{ id: number }>(
      `INSERT INTO nurturing_sequence_templates (name, description, total_steps, steps_config)
       VALUES ('default_cold_lead_nurturing', 'Default', 3, '[]') RETURNING id`,
    );
    fixture = buildFixture(rows[0]!.id);
    for (const lead of fixture.leads) await insert(pool, 'leads', lead);
    for (const s of fixture.sequences.values()) await insert(pool, 'lead_nurturing_sequences', s);
    for (const e of fixture.emails) await insert(pool, 'lead_nurturing_events', e);
    for (const s of fixture.summaries) await insert(pool, 'lead_nurturing_engagement_summary', s);
    await pool.query('REFRESH MATERIALIZED VIEW CONCURRENTLY mv_nurturing_conversion_metrics');
  });
  afterAll(() => t.drop());

  it('"Ver Secuencias Activas": the active sequences only, soonest next send first', async () => {
    const { rows } = await pool.query(VER_SECUENCIAS_ACTIVAS);
    const active = (id: number, email: string, firstName: string, currentStep: number, completionRate: number): Row => ({
      id: String(id), email, first_name: firstName, current_step: currentStep, total_steps: 3, status: 'active',
      next_send_at: seq(id).next_send_at, completion_rate: completionRate, qualified_at: null,
    });
    expect(rows).toEqual([
      active(102, 'bruno@example.com', 'Bruno', 0, 0), // due an hour ago
      active(103, 'carla@example.com', 'Carla', 0, 0), // retry in two hours
      active(101, 'ana@example.com', 'Ana', 1, 33.33), // step 2 in three days
    ]);
  });

  it('"Ver Métricas de Conversión": one row per UTC start day, newest first, exact rates', async () => {
    const { rows } = await pool.query(VER_METRICAS_DE_CONVERSION);
    expect(rows.map((r) => ({ ...r, date: localDay(r.date) }))).toEqual([
      // D-1: 3 started, none qualified; 1 email sent, opened, not replied.
      { date: utcDay(1).toISOString().slice(0, 10), total_sequences_started: 3, leads_qualified: 0, conversion_rate_pct: 0,
        open_rate_pct: 100, reply_rate_pct: 0, avg_days_to_qualify: null },
      // D-3: 1 started, nothing sent: rates are 0, not null.
      { date: utcDay(3).toISOString().slice(0, 10), total_sequences_started: 1, leads_qualified: 0, conversion_rate_pct: 0,
        open_rate_pct: 0, reply_rate_pct: 0, avg_days_to_qualify: null },
      // D-5: 2 of 3 qualified after 1.25 and 2 days (avg 1.625 → 1.63); 3 sent (dry run excluded), 1 opened, 2 replied.
      { date: utcDay(5).toISOString().slice(0, 10), total_sequences_started: 3, leads_qualified: 2, conversion_rate_pct: 66.67,
        open_rate_pct: 33.33, reply_rate_pct: 66.67, avg_days_to_qualify: 1.63 },
      // D-10: 1 of 3 qualified after 3.5 days; 5 sent (the bounce excluded), 3 opened, 1 replied.
      { date: utcDay(10).toISOString().slice(0, 10), total_sequences_started: 3, leads_qualified: 1, conversion_rate_pct: 33.33,
        open_rate_pct: 60, reply_rate_pct: 20, avg_days_to_qualify: 3.5 },
    ]);

    // The columns the specification's query leaves out.
    const all = await pool.query('SELECT date, emails_sent, click_rate_pct FROM mv_nurturing_conversion_metrics ORDER BY date DESC');
    expect(all.rows.map((r) => [localDay(r.date), r.emails_sent, r.click_rate_pct])).toEqual([
      [utcDay(1).toISOString().slice(0, 10), 1, 0],
      [utcDay(3).toISOString().slice(0, 10), 0, 0],
      [utcDay(5).toISOString().slice(0, 10), 3, 33.33],
      [utcDay(10).toISOString().slice(0, 10), 5, 20],
    ]);
  });

  it('"Ver Engagement por Secuencia": active and qualified sequences by engagement score, no summary (NULL) first', async () => {
    const { rows } = await pool.query(VER_ENGAGEMENT_POR_SECUENCIA);
    const engagement = (id: number, email: string, sent: number, opened: number, replied: number, openRate: number,
      replyRate: number, score: number): Row => ({
      id: String(id), email, total_emails_sent: sent, total_emails_opened: opened, total_emails_replied: replied,
      open_rate: openRate, reply_rate: replyRate, engagement_score: score,
    });
    const none = (id: number, email: string): Row => ({
      id: String(id), email, total_emails_sent: null, total_emails_opened: null, total_emails_replied: null,
      open_rate: null, reply_rate: null, engagement_score: null,
    });
    expect(rows).toEqual([
      none(103, 'carla@example.com'), // PostgreSQL sorts NULL first in DESC order: a sequence without a summary row
      engagement(104, 'diego@example.com', 2, 2, 1, 1, 0.5, 33),
      engagement(108, 'hugo@example.com', 1, 1, 1, 1, 1, 32),
      engagement(109, 'ines@example.com', 1, 0, 1, 0, 1, 25),
      engagement(101, 'ana@example.com', 1, 1, 0, 1, 0, 5),
      engagement(102, 'bruno@example.com', 0, 0, 0, 0, 0, 0),
    ]);
  });

  it('"Crear Template Personalizado": inserts the VIP template (total_steps 3 with two steps), once', async () => {
    const inserted = await pool.query(CREAR_TEMPLATE_PERSONALIZADO);
    expect(inserted.rowCount).toBe(1);

    const { rows } = await pool.query(
      `SELECT name, description, priority_filter, min_score, max_score, total_steps, enabled,
              jsonb_array_length(steps_config) AS steps, steps_config -> 0 ->> 'subject_template' AS first_subject,
              created_at = updated_at AS untouched
         FROM nurturing_sequence_templates WHERE name = 'vip_nurturing'`,
    );
    expect(rows).toEqual([{
      name: 'vip_nurturing', description: 'Secuencia para leads VIP', priority_filter: 'high', min_score: 0, max_score: 100,
      total_steps: 3, enabled: true, steps: 2, first_subject: '{{first_name}}, acceso VIP', untouched: true,
    }]);

    // The name is unique: the same INSERT again is refused and changes nothing.
    await expect(pool.query(CREAR_TEMPLATE_PERSONALIZADO)).rejects.toMatchObject({
      code: '23505', constraint: 'nurturing_sequence_templates_name_key',
    });
  });

  it('troubleshooting "Leads no se identifican como fríos": exactly the leads meeting its four conditions', async () => {
    const { rows } = await pool.query(LEADS_NO_SE_IDENTIFICAN_COMO_FRIOS);
    const lead = (extId: string): Row => {
      const l = fixture.leads.find((x) => x.ext_id === extId)!;
      return { ext_id: l.ext_id, email: l.email, score: l.score, priority: l.priority };
    };
    // The query lists leads whatever their sequences; the service also skips enrolled and suppressed ones.
    // Not listed: score 50 (not < 50), priority high / medium (not null or 'low'), no email, created 100 days ago.
    expect([...rows].sort((a, b) => a.ext_id.localeCompare(b.ext_id))).toEqual([
      lead('cold_score_49_low'), // the edges: score 49, priority 'low', created 89 days ago
      lead('cold_unscored'), // null score and priority count as cold
      lead('lead_a'), lead('lead_b'), lead('lead_c'), lead('lead_d'), lead('lead_e'),
      lead('lead_f'), lead('lead_g'), lead('lead_h'), lead('lead_i'), lead('lead_j'),
    ]);
  });

  it('troubleshooting "Emails no se envían": the active sequences whose next send is due', async () => {
    const { rows } = await pool.query(EMAILS_NO_SE_ENVIAN);
    // 105 is paused with a past next_send_at: not due; 103 and 101 are due later.
    expect(rows).toEqual([
      { id: '102', email: 'bruno@example.com', current_step: 0, next_send_at: seq(102).next_send_at, status: 'active' },
    ]);
  });

  it('troubleshooting "Engagement no se actualiza": emails sent in the last 7 days and never opened', async () => {
    const { rows } = await pool.query(ENGAGEMENT_NO_SE_ACTUALIZA);
    const email = (sequenceId: number, step: number): Row => {
      const e = fixture.emails.find((x) => x.sequence_id === sequenceId && x.step_number === step)!;
      return { id: e.id, email: e.email, status: 'sent', sent_at: e.sent_at, opened_at: null, replied_at: e.replied_at ?? null };
    };
    // Not listed: opened emails (101, 104, 108), the failed send (103), the bounce (107), the dry run (109
    // step 2), and 106's step 2 sent on D-8.
    expect([...rows].sort((a, b) => a.sent_at.getTime() - b.sent_at.getTime())).toEqual([
      email(106, 3), // D-6, completed sequence, never opened
      email(105, 1), // D-5
      email(109, 1), // D-5, replied without a recorded open
    ]);
  });
});
