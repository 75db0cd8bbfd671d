// /docs/openapi.json documents every command and query: path, body, answers, and the API key.
import { type ApiFixture, startApi } from './support/api.js';

const OPERATIONS: [string, string, number][] = [
  ['post', '/sequences', 201],
  ['post', '/sequences/{id}/pause', 200],
  ['post', '/sequences/{id}/resume', 200],
  ['post', '/sequences/{id}/stop', 200],
  ['post', '/sequences/{id}/engagement', 200],
  ['post', '/runs', 200],
  ['get', '/sequences', 200],
  ['get', '/sequences/{id}', 200],
  ['get', '/conversion-metrics', 200],
  ['get', '/templates', 200],
  ['post', '/templates', 201],
  ['put', '/templates/{id}', 200],
  ['get', '/runs', 200],
  ['get', '/runs/{id}', 200],
  ['get', '/leads/{extId}/history', 200],
];

describe('OpenAPI document', () => {
  let f: ApiFixture;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  let doc: any;
  beforeAll(async () => {
    f = await startApi();
    doc = (await f.api.get('/docs/openapi.json', { key: null })).body;
  });
  afterAll(() => f.close());

  it.each(OPERATIONS)('documents %s %s with its answer, the error answers and the bearer key', (method, path, ok) => {
    const operation = doc.paths[path]?.[method];
    expect(operation).toBeDefined();
    expect(operation.security).toEqual([{ bearer: [] }]);
    expect(operation.responses[String(ok)].content['application/json'].schema).toBeDefined();
    expect(operation.responses['401'].content['application/json'].schema.$ref).toBe('#/components/schemas/ErrorResponseDto');
    if (method !== 'get') expect(operation.requestBody.content['application/json'].schema.$ref).toMatch(/RequestDto$/);
  });

  it('describes request fields with their types and the snake_case names of the specification', () => {
    const s = doc.components.schemas;
    expect(s.EnrollLeadRequestDto.required).toEqual(['lead_ext_id']);
    expect(Object.keys(s.EnrollLeadRequestDto.properties)).toEqual(['lead_ext_id', 'template_id', 'template_name', 'now']);
    expect(s.RecordEngagementRequestDto.properties.event_type.enum).toEqual(['delivered', 'opened', 'clicked', 'replied', 'bounced', 'unsubscribed', 'complained']);
    expect(s.SequenceCommandResponseDto.properties.revision.type).toBe('number');
    expect(s.TemplateRequestDto.properties.steps_config.items.$ref).toBe('#/components/schemas/TemplateStepDto');
    expect(doc.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
  });
});
