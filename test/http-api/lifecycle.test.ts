// POST /sequences/:id/pause | resume | stop, with optional expected_revision (optimistic concurrency).
import { type ApiFixture, enroll, eventCount, insertLead, startApi } from './support/api.js';

describe('pause, resume, stop', () => {
  let f: ApiFixture;
  let id = 0;
  beforeAll(async () => {
    f = await startApi();
    await insertLead(f.t, { ext_id: 'lead_life' });
    await insertLead(f.t, { ext_id: 'lead_other' });
    id = await enroll(f.api, 'lead_life');
  });
  afterAll(() => f.close());

  it('moves a sequence through its statuses, answering the new revision', async () => {
    const pause = await f.api.post(`/sequences/${id}/pause`); // no body at all
    expect(pause.status).toBe(200);
    expect(pause.body).toEqual({ sequence_id: id, revision: 1 });
    expect((await f.api.get(`/sequences/${id}`)).body.sequence).toMatchObject({ status: 'paused', pause_reason: 'manual', stream_revision: 1 });

    expect((await f.api.post(`/sequences/${id}/resume`, { expected_revision: 1 })).body).toEqual({ sequence_id: id, revision: 2 });
    expect((await f.api.post(`/sequences/${id}/pause`, { expected_revision: '2' })).body.revision).toBe(3);
    expect((await f.api.post(`/sequences/${id}/stop`, {})).body).toEqual({ sequence_id: id, revision: 4 });
    expect((await f.api.get(`/sequences/${id}`)).body.sequence).toMatchObject({ status: 'stopped', stop_reason: 'manual' });

    const types = (await f.api.get('/leads/lead_life/history')).body.events.map((e: { type: string }) => e.type);
    expect(types).toEqual(['SequenceStarted', 'SequencePaused', 'SequenceResumed', 'SequencePaused', 'SequenceStopped']);
  });

  describe('refuses, appending nothing', () => {
    let other = 0;
    let before = 0;
    beforeAll(async () => {
      other = await enroll(f.api, 'lead_other');
      await f.api.post(`/sequences/${other}/pause`);
      await f.api.post(`/sequences/${other}/resume`); // active again, at revision 2
    });
    beforeEach(async () => {
      before = await eventCount(f.t);
    });
    afterEach(async () => {
      expect(await eventCount(f.t)).toBe(before);
    });

    it('409 for a stale expected_revision', async () => {
      const res = await f.api.post(`/sequences/${other}/pause`, { expected_revision: 1 });
      expect(res.status).toBe(409);
      expect(res.body.message).toBe(`stream nurturing_sequence-${other}: expected revision 1, found 2`);
    });

    it.each([
      ['resume', 'an active sequence', 'active'],
      ['stop', 'a stopped sequence', 'stopped'],
      ['pause', 'a stopped sequence', 'stopped'],
    ])('409 to %s %s', async (action, _, status) => {
      const target = status === 'active' ? other : id;
      const res = await f.api.post(`/sequences/${target}/${action}`);
      expect(res.status).toBe(409);
      expect(res.body.message).toMatch(new RegExp(`^cannot ${action}: sequence ${target} is ${status}`));
    });

    it('404 for an unknown sequence', async () => {
      const res = await f.api.post('/sequences/987654/pause');
      expect(res).toMatchObject({ status: 404, body: { message: 'sequence 987654 not found' } });
    });

    it.each([
      ['abc', 'id must be a positive integer, got "abc"'],
      ['0', 'id must be a positive integer, got "0"'],
      ['1.5', 'id must be a positive integer, got "1.5"'],
    ])('400 for the id %s, naming it', async (bad, message) => {
      const res = await f.api.post(`/sequences/${bad}/stop`);
      expect(res).toMatchObject({ status: 400, body: { message, field: 'id' } });
    });

    it.each([[-1], [1.5], ['x'], [true]])('400 for expected_revision %j', async (bad) => {
      const res = await f.api.post(`/sequences/${other}/pause`, { expected_revision: bad });
      expect(res.status).toBe(400);
      expect(res.body.message).toEqual(['expected_revision must be a non-negative integer (a number or a string of digits)']);
    });

    it('400 for an unknown field', async () => {
      const res = await f.api.post(`/sequences/${other}/pause`, { reason: 'inactive' });
      expect(res.status).toBe(400);
      expect(res.body.message).toEqual(['property reason should not exist']);
    });
  });
});
