// The auditor's view: a lead goes start → send → engagement → qualified through the API, and
// GET /leads/:extId/history returns every event in order, with timestamps and causation.
import { EmailSink } from '../support/email-sink.js';
import { type ApiFixture, type Json, insertLead, startApi } from './support/api.js';

const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

describe('GET /leads/:extId/history (audit trail)', () => {
  let f: ApiFixture;
  const sink = new EmailSink();
  beforeAll(async () => {
    await sink.start();
    f = await startApi();
    await insertLead(f.t, { ext_id: 'lead_audit', first_name: 'Lucía', score: 30 });
  });
  afterAll(async () => {
    await f.close();
    await sink.stop();
  });

  it('lists start, send, engagement and qualification with their causes', async () => {
    const enrolled = await f.api.post('/sequences', { lead_ext_id: 'lead_audit' }, { headers: { 'x-request-id': 'enroll-1' } });
    expect(enrolled.status).toBe(201);
    const id = enrolled.body.sequence_id;

    const run = await f.admin.post('/runs', { parameters: { email_webhook_url: sink.url } });
    expect(run.body.status).toBe('succeeded');
    expect(sink.received).toHaveLength(1);
    expect(sink.received[0]!.body).toMatchObject({
      to: 'lead_audit@example.com',
      subject: 'Lucía, a quick idea for you',
      metadata: { sequence_id: id, lead_ext_id: 'lead_audit', step_number: 1, sequence_name: 'default_cold_lead_nurturing' },
    });

    // Reported times after the send and within the allowed clock skew are recorded as given.
    const repliedAt = new Date(Date.now() + 60_000).toISOString();
    const clickedAt = new Date(Date.now() + 2 * 60_000).toISOString();
    const reply = await f.api.post(`/sequences/${id}/engagement`, { event_type: 'replied', provider_event_id: 'reply-1', occurred_at: repliedAt, step: 1 });
    const click = await f.api.post(`/sequences/${id}/engagement`, { event_type: 'clicked', provider_event_id: 'click-1', occurred_at: clickedAt, url: 'https://example.com/demo' }, { headers: { 'x-request-id': 'click-req' } });
    expect([reply.body.revision, click.body.revision]).toEqual([3, 5]);
    expect((await f.api.get(`/sequences/${id}`)).body.sequence).toMatchObject({ status: 'qualified', total_score: 53, qualified_at: expect.stringMatching(ISO) });

    const history = await f.api.get('/leads/lead_audit/history');
    expect(history.status).toBe(200);
    const { lead_ext_id, sequence_ids, events } = history.body as Json;
    expect({ lead_ext_id, sequence_ids }).toEqual({ lead_ext_id: 'lead_audit', sequence_ids: [id] });
    expect(events.map((e: Json) => [e.type, e.revision, e.sequence_id])).toEqual([
      ['SequenceStarted', 0, id],
      ['EmailSendReserved', 1, id],
      ['EmailSent', 2, id],
      ['EmailReplied', 3, id],
      ['EmailClicked', 4, id],
      ['LeadQualified', 5, id],
    ]);
    const positions = events.map((e: Json) => e.global_position);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(new Set(positions).size).toBe(6);
    for (const e of events) {
      expect(e.occurred_at).toMatch(ISO);
      expect(e.recorded_at).toMatch(ISO);
      expect(e.schema_version).toBe(1);
    }
    expect(events[3].occurred_at).toBe(repliedAt);
    expect(events[4].data).toMatchObject({ providerEventId: 'click-1', url: 'https://example.com/demo', step: 1 });
    expect(events[5].data).toMatchObject({ score: 53, engagementScore: 23 });

    const http = { source: 'http', apiKey: expect.stringMatching(/^sha256:/) };
    expect(events[0].metadata).toEqual({ ...http, command: 'StartSequence', requestId: 'enroll-1', route: 'POST /sequences' });
    expect(events[1].metadata).toEqual({ command: 'ReserveEmailSend', runId: run.body.run_id });
    expect(events[2].metadata).toEqual({ command: 'RecordEmailSent', runId: run.body.run_id });
    expect(events[3].metadata).toEqual({ ...http, command: 'RecordEngagement', requestId: expect.any(String), route: 'POST /sequences/:id/engagement' });
    expect(events[4].metadata).toMatchObject({ command: 'RecordEngagement', requestId: 'click-req' });
    expect(events[5].metadata).toEqual(events[4].metadata); // qualified by that click
  });

  it('404 for a lead without history', async () => {
    expect(await f.api.get('/leads/nobody/history')).toMatchObject({ status: 404, body: { message: 'lead "nobody" has no history' } });
  });
});
