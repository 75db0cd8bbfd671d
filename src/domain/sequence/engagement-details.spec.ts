// The bounds on what a reporter may say beside a fact.
import { MAX_DETAILS_BYTES, MAX_DETAILS_KEYS, boundedDetails, detailsProblem } from './engagement-details.js';

const many = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, i]));

describe('engagement details', () => {
  it('accepts what fits: 32 keys, strings of 1 KiB, 4 KiB in all', () => {
    expect(detailsProblem({ campaign_id: 'abc123', user_agent: 'Mozilla/5.0' })).toBeNull();
    expect(detailsProblem(many(MAX_DETAILS_KEYS))).toBeNull();
    expect(detailsProblem({ a: 'é'.repeat(512) })).toBeNull();
  });

  it('says which bound is passed', () => {
    expect(detailsProblem(many(MAX_DETAILS_KEYS + 1))).toMatch(/33 keys; at most 32/);
    expect(detailsProblem({ a: 'é'.repeat(513) })).toMatch(/value of "a" is over 1024 bytes/);
    expect(detailsProblem({ a: ['x'.repeat(MAX_DETAILS_BYTES)] })).toMatch(/at most 4096 are kept/);
  });

  it('keeps, of what it picks itself, only the keys that fit', () => {
    expect(boundedDetails({ a: 1, b: 'x'.repeat(2000), c: undefined, d: 'ok' })).toEqual({ a: 1, d: 'ok' });
    expect(Object.keys(boundedDetails(many(40)))).toHaveLength(MAX_DETAILS_KEYS);
    const big = Object.fromEntries(Array.from({ length: 8 }, (_, i) => [`k${i}`, 'x'.repeat(1000)]));
    const kept = boundedDetails(big);
    expect(detailsProblem(kept)).toBeNull();
    expect(Object.keys(kept)).toEqual(['k0', 'k1', 'k2', 'k3']);
  });
});
