import type { OutgoingEmail } from '../../src/application/ports/email-sender.js';
import { WebhookEmailSender } from '../../src/infrastructure/http/webhook-email-sender.js';
import { closedPortUrl, type ScriptedServer, startServer } from './support/scripted-server.js';

const policy = { timeoutMs: 300, maxRetries: 2, baseDelayMs: 20, maxDelayMs: 200 };
const BODY = 'Hola Ana,\n\nsecret pricing inside: 42% off.\n\nSaludos';

const email = (extra: Partial<OutgoingEmail> = {}): OutgoingEmail => ({
  from: 'marketing@tu-dominio.com',
  to: 'lead@example.com',
  subject: 'Asunto personalizado',
  text: BODY,
  metadata: { sequence_id: 123, lead_ext_id: 'lead_123', step_number: 1, sequence_name: 'default_cold_lead_nurturing' },
  ...extra,
});

describe('WebhookEmailSender', () => {
  let sink: ScriptedServer | undefined;
  afterEach(async () => {
    await sink?.close();
    sink = undefined;
  });

  it("POSTs exactly the specification's JSON with an Idempotency-Key", async () => {
    sink = await startServer([{ status: 202, body: { id: 'msg-1' } }]);
    const outcome = await new WebhookEmailSender(`${sink.url}/send`, policy).send(email(), '123:1');
    expect(outcome).toEqual({ ok: true, providerMessageId: 'msg-1', attempts: 1 });
    const [request] = sink.requests;
    expect(request).toMatchObject({ method: 'POST', url: '/send' });
    expect(request!.headers['content-type']).toBe('application/json');
    expect(request!.headers['idempotency-key']).toBe('123:1');
    expect(JSON.parse(request!.body)).toEqual({
      from: 'marketing@tu-dominio.com',
      to: 'lead@example.com',
      subject: 'Asunto personalizado',
      text: BODY,
      metadata: { sequence_id: 123, lead_ext_id: 'lead_123', step_number: 1, sequence_name: 'default_cold_lead_nurturing' },
    });
  });

  it('sends only the payload fields, html included when there is one', async () => {
    sink = await startServer([{ status: 200, body: {} }]);
    const withExtras = { ...email({ html: '<p>Hola</p>' }), internalNote: 'not for the provider' } as OutgoingEmail;
    const outcome = await new WebhookEmailSender(sink.url, policy).send(withExtras, '123:2');
    expect(outcome).toEqual({ ok: true, providerMessageId: null, attempts: 1 });
    expect(Object.keys(JSON.parse(sink.requests[0]!.body)).sort()).toEqual(['from', 'html', 'metadata', 'subject', 'text', 'to']);
  });

  it('keeps the same Idempotency-Key across retries', async () => {
    sink = await startServer([{ status: 503 }, { status: 429, headers: { 'retry-after': '0' } }, { status: 200, body: { id: 'msg-3' } }]);
    const outcome = await new WebhookEmailSender(sink.url, policy).send(email(), '123:3');
    expect(outcome).toEqual({ ok: true, providerMessageId: 'msg-3', attempts: 3 });
    expect(sink.requests.map((r) => r.headers['idempotency-key'])).toEqual(['123:3', '123:3', '123:3']);
    expect(new Set(sink.requests.map((r) => r.body)).size).toBe(1);
  });

  it('reports a 4xx with a snippet of the answer, as permanent, without retrying', async () => {
    sink = await startServer([{ status: 422, body: { error: 'invalid recipient' } }]);
    const outcome = await new WebhookEmailSender(sink.url, policy).send(email(), '123:4');
    expect(outcome).toEqual({ ok: false, error: 'HTTP 422: {"error":"invalid recipient"}', attempts: 1, permanent: true });
    expect(sink.requests).toHaveLength(1);
  });

  it.each([400, 401, 403, 404, 410, 413, 422])('a %i is permanent: one request, no retry', async (status) => {
    sink = await startServer([{ status }]);
    const outcome = await new WebhookEmailSender(sink.url, policy).send(email(), '123:4');
    expect(outcome).toMatchObject({ ok: false, attempts: 1, permanent: true });
    expect(sink.requests).toHaveLength(1);
  });

  it.each([408, 429, 500, 503])('a %i that persists is transient, after every retry', async (status) => {
    sink = await startServer([{ status, headers: { 'retry-after': '0' } }]);
    const outcome = await new WebhookEmailSender(sink.url, policy).send(email(), '123:4');
    expect(outcome).toMatchObject({ ok: false, error: expect.stringMatching(new RegExp(`^HTTP ${status}`)), attempts: 3, permanent: false });
    expect(sink.requests).toHaveLength(3);
  });

  it('reports exhausted 5xx with every attempt counted', async () => {
    sink = await startServer([{ status: 502, body: 'bad gateway' }]);
    const outcome = await new WebhookEmailSender(sink.url, policy).send(email(), '123:5');
    expect(outcome).toEqual({ ok: false, error: 'HTTP 502: bad gateway', attempts: 3, permanent: false });
    expect(sink.requests).toHaveLength(3);
  });

  it('never puts the email body in an error, even when the provider echoes it', async () => {
    sink = await startServer((request) => ({ status: 400, body: `rejected: ${request.body}` }));
    const html = '<p>Hola Ana, secret pricing inside</p>';
    const outcome = await new WebhookEmailSender(sink.url, policy).send(email({ html }), '123:6');
    expect(outcome.ok).toBe(false);
    const error = (outcome as { error: string }).error;
    expect(error).toMatch(/^HTTP 400: rejected: /);
    expect(error).not.toContain('secret pricing');
  });

  it('turns timeouts and refused connections into failures with attempts', async () => {
    sink = await startServer([{ hang: true }]);
    const timedOut = await new WebhookEmailSender(sink.url, { ...policy, timeoutMs: 100, maxRetries: 1 }).send(email(), '123:7');
    expect(timedOut).toEqual({ ok: false, error: expect.stringMatching(/timed out/), attempts: 2, permanent: false });
    const refused = await new WebhookEmailSender(await closedPortUrl(), policy).send(email(), '123:7');
    expect(refused).toEqual({ ok: false, error: expect.stringMatching(/ECONNREFUSED/), attempts: 3, permanent: false });
  });
});
