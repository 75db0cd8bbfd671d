// The specification's engagement API: GET {engagement_api_url}?email=… → {opened, clicked, replied}.
// The configured URL's own query (e.g. `?token=…`) is kept verbatim; `email` is added, percent-encoded.
import type { EngagementSnapshot, EngagementSource } from '../../application/ports/engagement-source.js';
import { type RetryPolicy, requestWithRetry, snippet } from './request-with-retry.js';

/** Its answer is three booleans: anything near this is not an engagement answer. */
export const ENGAGEMENT_API_MAX_RESPONSE_BYTES = 64 * 1024;

export class ApiEngagementSource implements EngagementSource {
  constructor(
    private readonly url: string,
    private readonly policy: RetryPolicy,
  ) {}

  async engagementOf(email: string): Promise<EngagementSnapshot> {
    const policy = { ...this.policy, maxResponseBytes: ENGAGEMENT_API_MAX_RESPONSE_BYTES };
    const result = await requestWithRetry(engagementUrl(this.url, email), { method: 'GET', headers: { accept: 'application/json' } }, policy);
    if (result.status < 200 || result.status >= 300) throw new Error(`engagement API answered HTTP ${result.status}: ${snippet(result.body)}`);
    let body: unknown;
    try {
      body = JSON.parse(result.body);
    } catch {
      throw new Error(`engagement API response is not JSON: ${snippet(result.body)}`);
    }
    if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new Error('engagement API response must be a JSON object');
    const flag = (name: keyof EngagementSnapshot): boolean => {
      const value = (body as Record<string, unknown>)[name];
      if (value === undefined || value === null) return false;
      if (typeof value !== 'boolean') throw new Error(`engagement API response field "${name}" must be a boolean, got ${JSON.stringify(value)}`);
      return value;
    };
    return { opened: flag('opened'), clicked: flag('clicked'), replied: flag('replied') };
  }
}

/** `{url}?email={email}`: other query parameters untouched, an `email` already there replaced. */
export function engagementUrl(base: string, email: string): string {
  const url = new URL(base);
  const kept = url.search
    .slice(1)
    .split('&')
    .filter((pair) => pair !== '' && paramName(pair) !== 'email');
  kept.push(`email=${encodeURIComponent(email)}`);
  url.search = `?${kept.join('&')}`;
  return url.toString();
}

function paramName(pair: string): string {
  const raw = pair.split('=')[0]!.replace(/\+/g, ' ');
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}
