// The specification's engagement API: GET {engagement_api_url}?email=… → {opened, clicked, replied}.
import type { EngagementSnapshot, EngagementSource } from '../../application/ports/engagement-source.js';
import { type RetryPolicy, requestWithRetry, snippet } from './request-with-retry.js';

export class ApiEngagementSource implements EngagementSource {
  constructor(
    private readonly url: string,
    private readonly policy: RetryPolicy,
  ) {}

  async engagementOf(email: string): Promise<EngagementSnapshot> {
    const url = new URL(this.url);
    url.searchParams.set('email', email);
    const result = await requestWithRetry(url.toString(), { method: 'GET', headers: { accept: 'application/json' } }, this.policy);
    if (result.status < 200 || result.status >= 300) throw new Error(`HTTP ${result.status}: ${snippet(result.body)}`);
    let body: unknown;
    try {
      body = JSON.parse(result.body);
    } catch {
      throw new Error(`response is not JSON: ${snippet(result.body)}`);
    }
    if (typeof body !== 'object' || body === null) throw new Error('response must be a JSON object');
    const flag = (name: keyof EngagementSnapshot): boolean => {
      const value = (body as Record<string, unknown>)[name];
      if (value === undefined || value === null) return false;
      if (typeof value !== 'boolean') throw new Error(`response field "${name}" must be a boolean, got ${JSON.stringify(value)}`);
      return value;
    };
    return { opened: flag('opened'), clicked: flag('clicked'), replied: flag('replied') };
  }
}
