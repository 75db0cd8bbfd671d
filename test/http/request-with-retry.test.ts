import { HttpRequestError, requestWithRetry, retryAfterMs } from '../../src/infrastructure/http/request-with-retry.js';
import { closedPortUrl, gaps, type ScriptedServer, startServer } from './support/scripted-server.js';

const fast = { timeoutMs: 300, maxRetries: 3, baseDelayMs: 20, maxDelayMs: 200 };
const get: RequestInit = { method: 'GET' };

describe('requestWithRetry', () => {
  let server: ScriptedServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('retries 503, 503 and returns the 200 of the third attempt', async () => {
    server = await startServer([{ status: 503 }, { status: 503 }, { status: 200, body: 'ok' }]);
    const result = await requestWithRetry(server.url, get, fast);
    expect(result).toMatchObject({ status: 200, body: 'ok', attempts: 3 });
    expect(server.requests).toHaveLength(3);
  });

  it('gives up after maxRetries + 1 attempts and returns the last 500', async () => {
    server = await startServer((_, i) => ({ status: 500, body: `failure ${i + 1}` }));
    const result = await requestWithRetry(server.url, get, { ...fast, maxRetries: 2 });
    expect(result).toMatchObject({ status: 500, body: 'failure 3', attempts: 3 });
    expect(server.requests).toHaveLength(3);
  });

  it('waits the Retry-After seconds of a 429 before retrying', async () => {
    server = await startServer([{ status: 429, headers: { 'retry-after': '1' } }, { status: 200 }]);
    const result = await requestWithRetry(server.url, get, { ...fast, maxDelayMs: 5_000 });
    expect(result).toMatchObject({ status: 200, attempts: 2 });
    expect(gaps(server.requests)[0]).toBeGreaterThanOrEqual(980);
  });

  it('understands Retry-After as an HTTP date', async () => {
    const inTwoSeconds = () => new Date(Date.now() + 2_000).toUTCString();
    server = await startServer((_, i) => (i === 0 ? { status: 503, headers: { 'retry-after': inTwoSeconds() } } : { status: 204 }));
    const result = await requestWithRetry(server.url, get, { ...fast, maxDelayMs: 5_000 });
    expect(result).toMatchObject({ status: 204, attempts: 2 });
    // The date has whole seconds: "in 2 s" means somewhere in (1 s, 2 s].
    expect(gaps(server.requests)[0]).toBeGreaterThanOrEqual(980);
    expect(gaps(server.requests)[0]).toBeLessThan(2_500);
  });

  it('parses Retry-After only on 429 and 503', () => {
    const at = (status: number, value: string) => retryAfterMs({ status, headers: new Headers({ 'retry-after': value }) });
    expect(at(429, '3')).toBe(3_000);
    expect(at(503, new Date(Date.now() - 60_000).toUTCString())).toBe(0);
    expect(at(500, '3')).toBeNull();
    expect(at(429, 'soon')).toBeNull();
  });

  it('returns a 429 whose Retry-After exceeds maxDelayMs instead of retrying early', async () => {
    server = await startServer([{ status: 429, headers: { 'retry-after': '60' } }, { status: 200 }]);
    const result = await requestWithRetry(server.url, get, fast);
    expect(result).toMatchObject({ status: 429, attempts: 1 });
  });

  it('does not retry a 4xx other than 408 and 429', async () => {
    server = await startServer([{ status: 400, body: { error: 'bad' } }, { status: 200 }]);
    const result = await requestWithRetry(server.url, { method: 'POST', body: '{}' }, fast);
    expect(result).toMatchObject({ status: 400, attempts: 1 });
    expect(server.requests).toHaveLength(1);
  });

  it('retries a 408 Request Timeout like a 5xx', async () => {
    server = await startServer([{ status: 408 }, { status: 200 }]);
    const result = await requestWithRetry(server.url, { method: 'POST', body: '{}' }, fast);
    expect(result).toMatchObject({ status: 200, attempts: 2 });
    expect(server.requests).toHaveLength(2);
  });

  it('times each attempt out at timeoutMs and then throws "timed out" with the attempts', async () => {
    server = await startServer([{ hang: true }]);
    const started = performance.now();
    const error = await requestWithRetry(server.url, get, { ...fast, timeoutMs: 150, maxRetries: 2 }).catch((e: unknown) => e);
    const elapsed = performance.now() - started;
    expect(error).toBeInstanceOf(HttpRequestError);
    expect((error as HttpRequestError).message).toMatch(/timed out after 150 ms/);
    expect((error as HttpRequestError).attempts).toBe(3);
    expect(server.requests).toHaveLength(3);
    expect(elapsed).toBeGreaterThanOrEqual(3 * 150 - 10);
    expect(elapsed).toBeLessThan(3 * 150 + 2 * 200 + 500);
  });

  it('times out a body that never finishes', async () => {
    server = await startServer([{ delayMs: 1_000 }]);
    const error = await requestWithRetry(server.url, get, { ...fast, timeoutMs: 100, maxRetries: 0 }).catch((e: unknown) => e);
    expect((error as HttpRequestError).message).toMatch(/timed out/);
    expect((error as HttpRequestError).attempts).toBe(1);
  });

  it('retries a refused connection, then throws', async () => {
    const url = await closedPortUrl();
    const error = await requestWithRetry(url, get, { ...fast, maxRetries: 2 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpRequestError);
    expect((error as HttpRequestError).attempts).toBe(3);
    expect((error as HttpRequestError).message).toMatch(/ECONNREFUSED/);
    expect((error as HttpRequestError).message).not.toContain(url);
  });

  it('rejects an invalid URL without any attempt', async () => {
    const error = await requestWithRetry('not a url', get, fast).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'HttpRequestError', attempts: 0, message: 'invalid URL' });
  });

  it('backs off exponentially, never beyond maxDelayMs', async () => {
    server = await startServer([{ status: 500 }]);
    await requestWithRetry(server.url, get, { timeoutMs: 300, maxRetries: 7, baseDelayMs: 10, maxDelayMs: 120 });
    const waits = gaps(server.requests);
    expect(waits).toHaveLength(7);
    // Attempt n waits within [d/2, d], d = min(120, 10·2^(n-1)): 5–10, 10–20, 20–40, 40–80, 60–120, …
    expect(waits[0]!).toBeLessThan(60);
    expect(waits[3]!).toBeGreaterThanOrEqual(38);
    const firstHalf = (waits[0]! + waits[1]! + waits[2]!) / 3;
    const secondHalf = (waits[4]! + waits[5]! + waits[6]!) / 3;
    expect(secondHalf).toBeGreaterThan(firstHalf);
    for (const wait of waits) expect(wait).toBeLessThan(120 + 60);
  });

  it('stops retrying when the caller aborts', async () => {
    server = await startServer([{ status: 503 }]);
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error('shutting down')), 100);
    const error = await requestWithRetry(server.url, { method: 'GET', signal: controller.signal }, { ...fast, maxRetries: 50, baseDelayMs: 40 }).catch((e: unknown) => e);
    expect((error as Error).message).toBe('shutting down');
    expect(server.requests.length).toBeLessThan(10);
  });

  it('keeps one TCP connection alive across sequential requests and retries', async () => {
    server = await startServer((_, i) => (i % 2 === 0 ? { status: 503 } : { status: 200, body: 'ok' }));
    for (let i = 0; i < 5; i++) await expect(requestWithRetry(server.url, get, fast)).resolves.toMatchObject({ status: 200, attempts: 2 });
    expect(server.requests).toHaveLength(10);
    expect(server.connections()).toBe(1);
  });
});
