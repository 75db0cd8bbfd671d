// Requests per API key and minute (fixed windows, in memory, per instance), so one leaked or runaway
// key cannot flood the commands and queries: NURTURE_API_RATE_LIMIT, default 600 a minute per key.
export const API_RATE_LIMIT_ENV = 'NURTURE_API_RATE_LIMIT';
export const DEFAULT_API_RATE_LIMIT = 600;
const WINDOW_MS = 60_000;

export function apiRateLimitFrom(env: NodeJS.ProcessEnv): number {
  const n = Number(env[API_RATE_LIMIT_ENV]);
  return Number.isInteger(n) && n > 0 ? n : DEFAULT_API_RATE_LIMIT;
}

export class KeyRateLimit {
  private windowStart = 0;
  private counts = new Map<string, number>();

  /** Counts one request of `key`; null if it is within `limit`, else the seconds until the window ends. */
  take(key: string, limit: number, now = Date.now()): number | null {
    if (now - this.windowStart >= WINDOW_MS) {
      this.windowStart = now;
      this.counts = new Map();
    }
    const count = (this.counts.get(key) ?? 0) + 1;
    this.counts.set(key, count);
    return count <= limit ? null : Math.max(1, Math.ceil((this.windowStart + WINDOW_MS - now) / 1000));
  }
}
