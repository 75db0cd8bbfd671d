import { ApiEngagementSource } from '../../src/infrastructure/http/api-engagement-source.js';
import { type ScriptedServer, startServer } from './support/scripted-server.js';

const policy = { timeoutMs: 300, maxRetries: 2, baseDelayMs: 20, maxDelayMs: 200 };

describe('ApiEngagementSource', () => {
  let api: ScriptedServer | undefined;
  afterEach(async () => {
    await api?.close();
    api = undefined;
  });
  const source = (path = '/engagement') => new ApiEngagementSource(`${api!.url}${path}`, policy);

  it('GETs ?email= with the address percent-encoded and parses the booleans', async () => {
    api = await startServer([{ body: { opened: true, clicked: false, replied: true } }]);
    await expect(source().engagementOf('a+b@x.test')).resolves.toEqual({ opened: true, clicked: false, replied: true });
    const [request] = api.requests;
    expect(request!.method).toBe('GET');
    expect(request!.url).toBe('/engagement?email=a%2Bb%40x.test');
    expect(new URL(request!.url, api.url).searchParams.get('email')).toBe('a+b@x.test');
    expect(request!.headers.accept).toBe('application/json');
  });

  it("keeps the configured URL's query parameters as they are", async () => {
    api = await startServer([{ body: { opened: false, clicked: true, replied: false } }]);
    await expect(source('/v1/engagement?token=abc&scope=a%20b').engagementOf('ana@x.test')).resolves.toEqual({ opened: false, clicked: true, replied: false });
    expect(api.requests[0]!.url).toBe('/v1/engagement?token=abc&scope=a%20b&email=ana%40x.test');
  });

  it('replaces an email parameter already in the configured URL', async () => {
    api = await startServer([{ body: {} }]);
    await source('/e?email=placeholder&token=abc').engagementOf('ana@x.test');
    expect(api.requests[0]!.url).toBe('/e?token=abc&email=ana%40x.test');
  });

  it('treats missing (or null) fields as false', async () => {
    api = await startServer([{ body: { opened: true, replied: null } }]);
    await expect(source().engagementOf('ana@x.test')).resolves.toEqual({ opened: true, clicked: false, replied: false });
  });

  it('rejects a non-boolean field, naming it', async () => {
    api = await startServer([{ body: { opened: true, clicked: 'yes', replied: false } }]);
    await expect(source().engagementOf('ana@x.test')).rejects.toThrow(/"clicked" must be a boolean, got "yes"/);
  });

  it('rejects an answer that is not JSON, or not a JSON object', async () => {
    api = await startServer([{ body: '<html>maintenance</html>' }, { body: [true, false, false] }]);
    await expect(source().engagementOf('ana@x.test')).rejects.toThrow(/not JSON: <html>maintenance<\/html>/);
    await expect(source().engagementOf('ana@x.test')).rejects.toThrow(/must be a JSON object/);
  });

  it('retries 5xx, and fails on a 4xx naming the status', async () => {
    api = await startServer([{ status: 500 }, { status: 503 }, { body: { opened: true } }, { status: 404, body: 'unknown email' }]);
    await expect(source().engagementOf('ana@x.test')).resolves.toEqual({ opened: true, clicked: false, replied: false });
    expect(api.requests).toHaveLength(3);
    await expect(source().engagementOf('ana@x.test')).rejects.toThrow('HTTP 404: unknown email');
    expect(api.requests).toHaveLength(4);
  });
});
