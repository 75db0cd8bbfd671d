// Oversize request values over real HTTP: every string a command or query takes is bounded
// (domain/shared/input-limits.ts, http-api/shared/request-limits.ts). Over its bound a value is
// refused with 422 naming the field, a whole body over 1 MB with 413; malformed values stay 400;
// and nothing is recorded.
import { MAX_DESCRIPTION_LENGTH, MAX_EMAIL_LENGTH, MAX_EXT_ID_LENGTH, MAX_NOTE_LENGTH, MAX_PROVIDER_ID_LENGTH, MAX_SUBJECT_TEMPLATE_LENGTH, MAX_TEMPLATE_NAME_LENGTH, MAX_URL_LENGTH } from '../../src/domain/shared/input-limits.js';
import { MAX_INSTANT_LENGTH, MAX_NUMERIC_CURSOR_LENGTH } from '../../src/infrastructure/http-api/shared/request-limits.js';
import { type ApiFixture, enroll, insertLead, startApi } from './support/api.js';
import { VIP_TEMPLATE } from './support/templates.js';

const text = (length: number, c = 'x') => c.repeat(length);
const longEmail = `${text(MAX_EMAIL_LENGTH)}@example.com`;

describe('input bounds over HTTP', () => {
  let f: ApiFixture;
  let sequenceId = 0;
  let before = '';
  /** Everything a request could record: events, suppressions, templates, runs. */
  const recorded = async (): Promise<string> => {
    const { rows } = await f.t.db.pool.query(
      `SELECT (SELECT count(*) FROM es_events) AS events, (SELECT count(*) FROM lead_nurturing_suppressions) AS suppressions,
              (SELECT count(*) FROM nurturing_sequence_templates) AS templates, (SELECT count(*) FROM lead_nurturing_runs) AS runs`,
    );
    return JSON.stringify(rows[0]);
  };

  beforeAll(async () => {
    f = await startApi();
    await insertLead(f.t, { ext_id: 'lead_a' });
    await insertLead(f.t, { ext_id: 'lead_b' });
    sequenceId = await enroll(f.api, 'lead_a');
  });
  afterAll(() => f.close());
  beforeEach(async () => {
    before = await recorded();
  });
  afterEach(async () => {
    expect(await recorded()).toBe(before);
  });

  const engagement = (over: Record<string, unknown>) => ({ event_type: 'clicked', provider_event_id: 'p-1', occurred_at: '2026-01-01T10:00:00Z', ...over });

  describe('commands: an oversize field is 422 naming it', () => {
    it.each([
      ['POST /sequences lead_ext_id', '/sequences', { lead_ext_id: text(MAX_EXT_ID_LENGTH + 1) }, 'lead_ext_id'],
      ['POST /sequences template_name', '/sequences', { lead_ext_id: 'lead_b', template_name: text(MAX_TEMPLATE_NAME_LENGTH + 1) }, 'template_name'],
      ['POST /sequences now', '/sequences', { lead_ext_id: 'lead_b', now: `2026-01-01T00:00:00${text(MAX_INSTANT_LENGTH, '0')}Z` }, 'now'],
      ['engagement provider_event_id', 'engagement', engagement({ provider_event_id: text(MAX_PROVIDER_ID_LENGTH + 1) }), 'provider_event_id'],
      ['engagement url', 'engagement', engagement({ url: `https://x.test/${text(MAX_URL_LENGTH)}` }), 'url'],
      ['engagement event_type', 'engagement', engagement({ event_type: text(1000) }), 'event_type'],
      ['POST /suppressions email', '/suppressions', { email: longEmail }, 'email'],
      ['POST /suppressions note', '/suppressions', { email: 'z@example.com', note: text(MAX_NOTE_LENGTH + 1) }, 'note'],
      ['POST /templates name', '/templates', { ...VIP_TEMPLATE, name: text(MAX_TEMPLATE_NAME_LENGTH + 1) }, 'name'],
      ['POST /templates description', '/templates', { ...VIP_TEMPLATE, name: 'long_description', description: text(MAX_DESCRIPTION_LENGTH + 1) }, 'description'],
      [
        'POST /templates subject_template',
        '/templates',
        { ...VIP_TEMPLATE, name: 'long_subject', steps_config: [{ ...VIP_TEMPLATE.steps_config[0], subject_template: text(MAX_SUBJECT_TEMPLATE_LENGTH + 1) }] },
        'steps_config[0].subject_template',
      ],
      ['POST /runs now', '/runs', { now: text(MAX_INSTANT_LENGTH + 1) }, 'now'],
      ['POST /runs a parameter', '/runs', { parameters: { email_from: longEmail, dry_run: true } }, 'email_from'],
    ])('%s', async (_, path, body, field) => {
      const res = await f.api.post(path === 'engagement' ? `/sequences/${sequenceId}/engagement` : path, body);
      expect({ status: res.status, field: res.body.field }).toEqual({ status: 422, field });
      expect(JSON.stringify(res.body.message)).toMatch(/at most \d+ (characters|steps)/);
    });

    it('DELETE /suppressions/:email with an oversize address', async () => {
      const res = await f.api.request('DELETE', `/suppressions/${encodeURIComponent(longEmail)}`);
      expect({ status: res.status, field: res.body.field }).toEqual({ status: 422, field: 'email' });
    });

    it('a value at its bound is not refused for its size', async () => {
      const res = await f.api.post(`/sequences/${sequenceId}/engagement`, engagement({ provider_event_id: text(MAX_PROVIDER_ID_LENGTH) }));
      expect(res.status).toBe(200);
      before = await recorded(); // this one records, by design
    });
  });

  describe('queries: an oversize parameter is 422 naming it', () => {
    it.each([
      ['GET /sequences cursor', `/sequences?cursor=${text(MAX_NUMERIC_CURSOR_LENGTH + 1, '1')}`, 'cursor'],
      ['GET /sequences lead_ext_id', `/sequences?lead_ext_id=${text(MAX_EXT_ID_LENGTH + 1)}`, 'lead_ext_id'],
      ['GET /sequences template', `/sequences?template=${text(MAX_TEMPLATE_NAME_LENGTH + 1)}`, 'template'],
      ['GET /sequences status', `/sequences?status=${text(1000)}`, 'status'],
      ['GET /conversion-metrics from', `/conversion-metrics?from=${text(MAX_INSTANT_LENGTH + 1)}`, 'from'],
      ['GET /suppressions cursor', `/suppressions?cursor=${text(MAX_EMAIL_LENGTH + 1)}`, 'cursor'],
      ['GET /leads/:extId/history', `/leads/${text(MAX_EXT_ID_LENGTH + 1)}/history`, 'extId'],
    ])('%s', async (_, path, field) => {
      const res = await f.api.get(path);
      expect({ status: res.status, field: res.body.field }).toEqual({ status: 422, field });
    });
  });

  describe('malformed and whole-body limits', () => {
    it('a wrong type stays 400 naming the field, even beside an oversize one', async () => {
      const res = await f.api.post('/sequences', { lead_ext_id: 5, template_name: text(MAX_TEMPLATE_NAME_LENGTH + 1) });
      expect({ status: res.status, field: res.body.field }).toEqual({ status: 400, field: 'lead_ext_id' });
    });

    it('an unknown field stays 400', async () => {
      const res = await f.api.post('/suppressions', { email: 'y@example.com', color: 'red' });
      expect(res.status).toBe(400);
    });

    it('a body over 1 MB is 413', async () => {
      const res = await f.api.post('/suppressions', undefined, { raw: JSON.stringify({ email: 'w@example.com', note: text(1_100_000) }) });
      expect(res.status).toBe(413);
    });
  });
});
