// POST /sequences/:id/engagement: records a provider's fact once, scores it, qualifies or stops.
import { type ApiFixture, enroll, eventCount, insertLead, startApi } from './support/api.js';

// A believable time: after the sequences start, and not beyond the clock skew allowed past the
// time a fact is received (an earlier or later one would be clamped, see engagement-time.ts).
const AT = new Date(Date.now() + 2 * 60_000).toISOString();
const fact = (event_type: string, provider_event_id: unknown, extra: Record<string, unknown> = {}) => ({ event_type, provider_event_id, occurred_at: AT, ...extra });

describe('POST /sequences/:id/engagement', () => {
  let f: ApiFixture;
  beforeAll(async () => {
    f = await startApi();
    for (const ext_id of ['lead_eng', 'lead_unsub', 'lead_bad']) await insertLead(f.t, { ext_id, score: 30 });
  });
  afterAll(() => f.close());

  it('records each fact once and qualifies the lead when a reply or click takes it to 50', async () => {
    const id = await enroll(f.api, 'lead_eng');
    const path = `/sequences/${id}/engagement`;
    expect((await f.api.post(path, fact('opened', 'o1', { machine_open: true }))).body).toEqual({ sequence_id: id, revision: 1, recorded: true });
    expect((await f.api.post(path, fact('opened', 'o1'))).body).toEqual({ sequence_id: id, revision: 1, recorded: false });
    expect((await f.api.post(path, fact('clicked', 'c1', { url: 'https://example.com/pricing', expected_revision: 1 }))).body.revision).toBe(2);
    const reply = await f.api.post(path, fact('replied', 'r1'));
    expect(reply.body).toEqual({ sequence_id: id, revision: 4, recorded: true }); // EmailReplied + LeadQualified
    const { sequence, engagement_summary } = (await f.api.get(`/sequences/${id}`)).body;
    expect(sequence).toMatchObject({ status: 'qualified', base_score: 30, engagement_score: 23, total_score: 53 });
    expect(engagement_summary).toMatchObject({ sequence_id: id, total_clicks: 1, total_replies: 1, engagement_score: 23 });
    const events = (await f.api.get('/leads/lead_eng/history')).body.events;
    expect(events.map((e: { type: string }) => e.type)).toEqual(['SequenceStarted', 'EmailOpened', 'EmailClicked', 'EmailReplied', 'LeadQualified']);
    expect(events[2].data).toMatchObject({ providerEventId: 'c1', url: 'https://example.com/pricing', occurredAt: AT });
  });

  it('stops the sequence on an unsubscribe', async () => {
    const id = await enroll(f.api, 'lead_unsub');
    expect((await f.api.post(`/sequences/${id}/engagement`, fact('unsubscribed', 'u1'))).body.revision).toBe(2);
    expect((await f.api.get(`/sequences/${id}`)).body.sequence).toMatchObject({ status: 'stopped', stop_reason: 'unsubscribed' });
  });

  describe('refuses, appending nothing', () => {
    let id = 0;
    let before = 0;
    beforeAll(async () => {
      id = await enroll(f.api, 'lead_bad');
    });
    beforeEach(async () => {
      before = await eventCount(f.t);
    });
    afterEach(async () => {
      expect(await eventCount(f.t)).toBe(before);
    });

    it.each([
      ['an unknown event type', fact('read', 'x1'), 'event_type', /^event_type: must be one of delivered, opened, clicked, replied, bounced, unsubscribed, complained, got "read"$/],
      ['an occurred_at that is no instant', fact('opened', 'x1', { occurred_at: 'yesterday' }), 'occurred_at', /ISO-8601/],
      ['an impossible date', fact('opened', 'x1', { occurred_at: '2025-13-45T10:00:00Z' }), 'occurred_at', /ISO-8601/],
      ['a step the sequence does not have', fact('opened', 'x1', { step: 9 }), 'step', /^step: must be null or a step of this sequence \(1\.\.3\)$/],
      ['an unknown bounce kind', fact('bounced', 'x1', { bounce_kind: 'medium' }), 'bounce_kind', /must be one of hard, soft/],
      ['an empty provider_event_id', fact('opened', ' '), 'provider_event_id', /must not be empty/],
    ])('422 for %s, naming the field', async (_, body, field, message) => {
      const res = await f.api.post(`/sequences/${id}/engagement`, body);
      expect(res.status).toBe(422);
      expect(res.body.field).toBe(field);
      expect(res.body.message).toMatch(message);
    });

    it.each([
      ['a missing occurred_at', { event_type: 'opened', provider_event_id: 'x1' }, 'occurred_at must be a string'],
      ['a string step', fact('opened', 'x1', { step: '1' }), 'step must be an integer number'],
      ['a numeric provider_event_id', fact('opened', 7), 'provider_event_id must be a string'],
      ['an unknown field', fact('opened', 'x1', { email: 'a@b.c' }), 'property email should not exist'],
    ])('400 for %s, naming the field', async (_, body, message) => {
      const res = await f.api.post(`/sequences/${id}/engagement`, body);
      expect(res.status).toBe(400);
      expect(res.body.message).toContain(message);
    });

    it('404 for an unknown sequence', async () => {
      const res = await f.api.post('/sequences/424242/engagement', fact('opened', 'x1'));
      expect(res).toMatchObject({ status: 404, body: { message: 'sequence 424242 not found' } });
    });

    it('409 for a stale expected_revision', async () => {
      const res = await f.api.post(`/sequences/${id}/engagement`, fact('opened', 'x1', { expected_revision: 5 }));
      expect(res).toMatchObject({ status: 409, body: { message: `stream nurturing_sequence-${id}: expected revision 5, found 0` } });
    });
  });
});
