// Remote bodies the service reads are capped: an endless (or oversize) answer fails its attempt
// with an error that names the cap and not the URL, and the connection is closed rather than read
// on. Real local HTTP servers, no mocks.
import { ApiEngagementSource, ENGAGEMENT_API_MAX_RESPONSE_BYTES } from '../../src/infrastructure/http/api-engagement-source.js';
import { readCappedText } from '../../src/infrastructure/http/read-capped-body.js';
import { DEFAULT_MAX_RESPONSE_BYTES, HttpRequestError, requestWithRetry } from '../../src/infrastructure/http/request-with-retry.js';
import { fetchCertificate, MAX_CERTIFICATE_BYTES } from '../../src/infrastructure/webhooks/providers/ses/fetch-certificate.js';
import { type EndlessBodyServer, startEndlessBodyServer } from './support/endless-body-server.js';
import { startServer } from './support/scripted-server.js';

const policy = { timeoutMs: 10_000, maxRetries: 1, baseDelayMs: 10, maxDelayMs: 20 };

describe('response body caps', () => {
  let server: EndlessBodyServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('requestWithRetry: an endless body fails each attempt at the 1 MiB default, closing the connection', async () => {
    server = await startEndlessBodyServer();
    const url = `${server.url}/send?token=secret-token`;
    const error = await requestWithRetry(url, { method: 'POST', body: '{}' }, policy).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpRequestError);
    expect((error as Error).message).toBe(`response body is over ${DEFAULT_MAX_RESPONSE_BYTES} bytes (2 attempts)`);
    expect((error as Error).message).not.toMatch(/127\.0\.0\.1|secret-token/);
    expect(server.responses).toHaveLength(2);
    await Promise.all(server.responses.map((r) => r.closed));
    // Stopped near the cap (plus what the sockets buffered), not after the 10 s timeout.
    for (const r of server.responses) expect(r.bytes).toBeLessThan(DEFAULT_MAX_RESPONSE_BYTES + 8 * 1024 * 1024);
  });

  it('requestWithRetry: a Content-Length over the cap fails before any of the body is read', async () => {
    server = await startEndlessBodyServer({ declaredBytes: 10 * 1024 * 1024 * 1024 });
    await expect(requestWithRetry(server.url, { method: 'GET' }, { ...policy, maxRetries: 0, maxResponseBytes: 1000 })).rejects.toThrow('response body is over 1000 bytes (1 attempt)');
  });

  it('requestWithRetry: a body within the cap is read whole', async () => {
    const ok = await startServer([{ status: 200, body: 'x'.repeat(1000) }]);
    try {
      const result = await requestWithRetry(ok.url, { method: 'GET' }, { ...policy, maxResponseBytes: 1000 });
      expect(result.body).toHaveLength(1000);
    } finally {
      await ok.close();
    }
  });

  it('the engagement API: an answer over 64 KiB fails the lookup', async () => {
    server = await startEndlessBodyServer();
    const source = new ApiEngagementSource(`${server.url}/engagement?key=k`, { ...policy, maxRetries: 0 });
    await expect(source.engagementOf('ana@example.com')).rejects.toThrow(`response body is over ${ENGAGEMENT_API_MAX_RESPONSE_BYTES} bytes (1 attempt)`);
    await server.responses[0]!.closed;
  });

  it('the SNS signing certificate: an endless answer fails at 16 KiB and its connection is closed', async () => {
    server = await startEndlessBodyServer({ contentType: 'application/x-pem-file' });
    await expect(fetchCertificate(`${server.url}/cert.pem`)).rejects.toThrow(`SNS signing certificate is over ${MAX_CERTIFICATE_BYTES} bytes`);
    await server.responses[0]!.closed;
  });

  it('readCappedText: a declared Content-Length over the cap fails at once', async () => {
    server = await startEndlessBodyServer({ declaredBytes: 1_000_000 });
    const response = await fetch(server.url);
    await expect(readCappedText(response, 1000, 'the answer')).rejects.toThrow('the answer is over 1000 bytes');
    await server.responses[0]!.closed;
  });
});
