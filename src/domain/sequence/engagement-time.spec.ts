// The believable instant of a reported fact.
import fc from 'fast-check';
import { MAX_CLOCK_SKEW_MS, engagementTime } from './engagement-time.js';

const NOW = Date.parse('2025-03-01T12:00:00.000Z');
const SENT = Date.parse('2025-02-27T09:00:00.000Z');
const iso = (ms: number) => new Date(ms).toISOString();

describe('engagementTime', () => {
  it('believes a time between the send and the time received plus the skew', () => {
    expect(engagementTime(SENT, NOW, SENT)).toEqual({ occurredAt: iso(SENT) });
    expect(engagementTime(NOW + MAX_CLOCK_SKEW_MS, NOW, SENT)).toEqual({ occurredAt: iso(NOW + MAX_CLOCK_SKEW_MS) });
  });

  it('replaces a later time by the time received, an earlier one by the send time, keeping the claim', () => {
    expect(engagementTime(NOW + MAX_CLOCK_SKEW_MS + 1, NOW, SENT)).toEqual({ occurredAt: iso(NOW), claimedOccurredAt: iso(NOW + MAX_CLOCK_SKEW_MS + 1) });
    expect(engagementTime(SENT - 1, NOW, SENT)).toEqual({ occurredAt: iso(SENT), claimedOccurredAt: iso(SENT - 1) });
    expect(engagementTime(SENT - 1, NOW, null)).toEqual({ occurredAt: iso(SENT - 1) });
  });

  it('always gives an instant in [send, received + skew] when the send precedes the receipt', () => {
    const ms = fc.integer({ min: 0, max: 4_000_000_000_000 });
    fc.assert(
      fc.property(ms, ms, ms, (claimed, a, b) => {
        const [sent, now] = a <= b ? [a, b] : [b, a];
        const t = engagementTime(claimed, now, sent);
        const at = Date.parse(t.occurredAt);
        expect(at).toBeGreaterThanOrEqual(sent);
        expect(at).toBeLessThanOrEqual(now + MAX_CLOCK_SKEW_MS);
        expect(t.claimedOccurredAt === undefined).toBe(at === claimed);
        if (t.claimedOccurredAt !== undefined) expect(t.claimedOccurredAt).toBe(iso(claimed));
      }),
    );
  });
});
