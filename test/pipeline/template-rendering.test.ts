// Templates render well in real sends: the specification's VIP template for a lead without a first
// name gives the subject "Acceso VIP"; a template's default_fallback is snapshotted by its sequences;
// a template naming an unknown field ({{frist_name}}) is skipped and reported while the others run.
// Real Nest app over real HTTP, real database, real local email webhook.
import { EmailSink, type ReceivedEmail } from '../support/email-sink.js';
import { type ApiFixture, type Json, startApi } from '../http-api/support/api.js';
import { insertLeads } from '../support/leads.js';

// "Crear Template Personalizado", verbatim from the specification.
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

// The most specific template for low-priority leads, but with a typo: runs must skip it.
const TYPO_TEMPLATE = `INSERT INTO nurturing_sequence_templates (name, priority_filter, min_score, max_score, total_steps, steps_config)
VALUES ('typo_low', 'low', 10, 20, 1,
        '[{"step": 1, "delay_days": 0, "subject_template": "{{frist_name}}, una idea", "body_template": "Hola"}]')`;

// Also for low-priority leads (less specific), with a template-wide default.
const AMIGO_TEMPLATE = `INSERT INTO nurturing_sequence_templates (name, priority_filter, min_score, max_score, total_steps, steps_config, default_fallback)
VALUES ('amigo_low', 'low', 0, 49, 2,
        '[{"step": 1, "delay_days": 0, "subject_template": "Una idea para {{first_name}}", "body_template": "Hola {{first_name}}, ¿qué tal?"},
          {"step": 2, "delay_days": 2, "subject_template": "Seguimiento para {{first_name}}", "body_template": "..."}]',
        'amigo')`;

const DAY = 86_400_000;

describe('templates in real sends', () => {
  let f: ApiFixture;
  const sink = new EmailSink();
  // Real runs cannot be run as of a future instant: the test's days end at the time it starts.
  const t0 = Date.now() - 3 * DAY;
  const at = (days: number) => new Date(t0 + days * DAY).toISOString();
  const run = async (days: number): Promise<Json> => {
    const res = await f.admin.post('/runs', { parameters: { email_webhook_url: sink.url }, now: at(days) });
    expect(res.status).toBe(200);
    return res.body;
  };
  const sentTo = (email: string): ReceivedEmail['body'][] => sink.received.filter((r) => r.body.to === email).map((r) => r.body);
  let firstRun: Json;

  beforeAll(async () => {
    await sink.start();
    f = await startApi();
    await f.t.db.pool.query(CREAR_TEMPLATE_PERSONALIZADO);
    await f.t.db.pool.query(TYPO_TEMPLATE);
    await f.t.db.pool.query(AMIGO_TEMPLATE);
    await insertLeads(f.t.db.pool, [
      // VIP (priority high: never cold), enrolled by an integration in the specification's template.
      { ext_id: 'lead_vip', email: 'vip@example.com', first_name: null, score: 60, priority: 'high', created_at: at(-1) },
      // Cold, low priority: the typo template would be chosen first if it were valid.
      { ext_id: 'lead_nameless', email: 'nameless@example.com', first_name: null, score: 15, priority: 'low', created_at: at(-1) },
      { ext_id: 'lead_ana', email: 'ana@example.com', first_name: 'Ana', score: 15, priority: 'low', created_at: at(-1) },
    ]);
    const enrolled = await f.api.post('/sequences', { lead_ext_id: 'lead_vip', template_name: 'vip_nurturing', now: at(0) });
    expect(enrolled.status).toBe(201);
    firstRun = await run(0);
  });

  afterAll(async () => {
    await f.close();
    await sink.stop();
  });

  it('sends the specification\'s VIP template to a lead without a first name with the clean subject "Acceso VIP"', () => {
    expect(sentTo('vip@example.com')).toEqual([expect.objectContaining({ subject: 'Acceso VIP', text: 'Contenido personalizado para VIP...' })]);
  });

  it('skips the template with {{frist_name}} and reports it, naming the field; the run succeeds', () => {
    expect(firstRun.status).toBe('succeeded');
    const step = firstRun.steps.find((s: { step: string }) => s.step === 'get_or_create_sequence_template');
    expect(step.counts).toMatchObject({ invalid_templates: 1 });
    expect(step.errors).toEqual([expect.stringMatching(
      /^template "typo_low" skipped: steps_config\[0\]\.subject_template unknown placeholder \{\{frist_name\}\} \(did you mean \{\{first_name\}\}\?/,
    )]);
  });

  it('still runs the valid templates: the low-priority leads get the next one, with its default for the missing name', async () => {
    const { rows } = await f.t.db.pool.query(`SELECT lead_ext_id, sequence_name FROM lead_nurturing_sequences ORDER BY lead_ext_id`);
    expect(rows).toEqual([
      { lead_ext_id: 'lead_ana', sequence_name: 'amigo_low' },
      { lead_ext_id: 'lead_nameless', sequence_name: 'amigo_low' },
      { lead_ext_id: 'lead_vip', sequence_name: 'vip_nurturing' },
    ]);
    expect(sentTo('nameless@example.com')).toEqual([expect.objectContaining({ subject: 'Una idea para amigo', text: 'Hola amigo, ¿qué tal?' })]);
    expect(sentTo('ana@example.com')).toEqual([expect.objectContaining({ subject: 'Una idea para Ana', text: 'Hola Ana, ¿qué tal?' })]);
  });

  it('renders later steps with the default the sequence started with, not the template\'s edited one', async () => {
    await f.t.db.pool.query(`UPDATE nurturing_sequence_templates SET default_fallback = 'cliente' WHERE name = 'amigo_low'`);
    await run(3);
    expect(sentTo('nameless@example.com').map((e) => e.subject)).toEqual(['Una idea para amigo', 'Seguimiento para amigo']);
    expect(sentTo('vip@example.com').map((e) => e.subject)).toEqual(['Acceso VIP', 'Seguimiento VIP']);
  });
});
