// POST /runs (one pipeline run with per-run parameters), GET /runs and GET /runs/:id.
import { EmailSink } from '../support/email-sink.js';
import { type ApiFixture, enroll, insertLead, startApi } from './support/api.js';

const STEPS = [
  'ensure_schema', 'identify_cold_leads', 'get_or_create_sequence_template', 'start_nurturing_sequences',
  'send_scheduled_emails', 'update_engagement', 'auto_pause_inactive_sequences', 'refresh_conversion_metrics', 'notify_summary',
];

describe('runs', () => {
  let f: ApiFixture;
  const sink = new EmailSink();
  beforeAll(async () => {
    await sink.start();
    f = await startApi();
  });
  afterAll(async () => {
    await f.close();
    await sink.stop();
  });

  it('runs the pipeline with per-run parameters over the environment and answers its report', async () => {
    process.env.NURTURE_MAX_LEADS_PER_RUN = '7';
    process.env.NURTURE_EMAIL_FROM = 'env@example.com';
    try {
      await insertLead(f.t, { ext_id: 'lead_cold', created_at: new Date().toISOString() });
      const res = await f.admin.post('/runs', { parameters: { email_webhook_url: sink.url, max_leads_per_run: 2 }, now: new Date(Date.now() + 1000).toISOString() });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ run_id: expect.stringMatching(/^run_/), status: 'succeeded', dry_run: false });
      expect(res.body.parameters).toMatchObject({ max_leads_per_run: 2, email_from: 'env@example.com', email_webhook_url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/…$/) });
      expect(res.body.steps.map((s: { step: string }) => s.step)).toEqual(STEPS);
      expect(res.body.steps[3].counts).toEqual({ sequences_started: 1 });
      expect(sink.received.map((e) => e.body.to)).toEqual(['lead_cold@example.com']);
      expect(await f.api.get(`/runs/${res.body.run_id}`)).toMatchObject({ status: 200, body: res.body });
    } finally {
      delete process.env.NURTURE_MAX_LEADS_PER_RUN;
      delete process.env.NURTURE_EMAIL_FROM;
    }
  });

  it('evaluates time rules as of the given now', async () => {
    const res = await f.admin.post('/runs', { parameters: { dry_run: true }, now: '2030-01-01T00:00:00Z' });
    expect(res.body).toMatchObject({ now: '2030-01-01T00:00:00.000Z', dry_run: true });
  });

  it('lists stored reports, newest first', async () => {
    const all = await f.api.get('/runs');
    expect(all.body.items).toHaveLength(2);
    expect(all.body.items[0].now).toBe('2030-01-01T00:00:00.000Z');
    expect((await f.api.get('/runs?limit=1')).body.items).toHaveLength(1);
    expect(await f.api.get('/runs?limit=0')).toMatchObject({ status: 422, body: { field: 'limit' } });
    expect((await f.api.get('/runs?limit=x')).status).toBe(400);
    expect(await f.api.get('/runs/run_unknown')).toMatchObject({ status: 404, body: { message: 'run "run_unknown" not found' } });
  });

  it('answers 409 while another run holds the lock', async () => {
    await insertLead(f.t, { ext_id: 'lead_slow' });
    await enroll(f.api, 'lead_slow');
    sink.reply = () => ({ status: 200, delayMs: 1500 });
    const first = f.admin.post('/runs', { parameters: { email_webhook_url: sink.url } });
    while (!sink.received.some((e) => e.body.to === 'lead_slow@example.com')) await new Promise((r) => setTimeout(r, 20));
    const second = await f.api.post('/runs', { parameters: { dry_run: true } });
    expect(second.status).toBe(409);
    expect(second.body.message).toMatch(/^another run holds the lock; run run_\w+ did not start$/);
    expect((await first).body.status).toBe('succeeded');
    sink.reply = () => undefined;
  });
});
