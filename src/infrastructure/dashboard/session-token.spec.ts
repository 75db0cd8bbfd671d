import { createHmac } from 'node:crypto';
import { SESSION_HOURS, SessionTokens } from './session-token.js';

const NOW = Date.parse('2026-12-07T09:00:00Z');
const NEW_KEY = Buffer.from('new-key');
const OLD_KEY = Buffer.from('old-key');

/** A token over `claims`, MAC'd with `macKey` as is (issue() MACs with a key derived from the signing key). */
const tokenOver = (claims: object, macKey: Buffer): string => {
  const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
  return `${payload}.${createHmac('sha256', macKey).update(payload).digest('base64url')}`;
};
const derived = (key: Buffer) => createHmac('sha256', key).update('lead-nurturing/dashboard-sessions').digest();

describe('dashboard session tokens', () => {
  const tokens = new SessionTokens([NEW_KEY, OLD_KEY]);

  it('names a random session id, the key fingerprint and scope, and ends after SESSION_HOURS', () => {
    const token = tokens.issue('fp-1', 'read', NOW);
    const session = tokens.verify(token, NOW);
    expect(session).toEqual({ id: expect.stringMatching(/^[\w-]{22}$/), fingerprint: 'fp-1', scope: 'read', expires: NOW / 1000 + SESSION_HOURS * 3600 });
    expect(tokens.verify(tokens.issue('fp-1', 'read', NOW), NOW)!.id).not.toBe(session!.id);
  });

  it('refuses a token once it has expired', () => {
    const token = tokens.issue('fp-1', 'read', NOW);
    const end = NOW + SESSION_HOURS * 3600 * 1000;
    expect(tokens.verify(token, end - 1000)).not.toBeNull();
    expect(tokens.verify(token, end)).toBeNull();
  });

  it('refuses forged and malformed tokens', () => {
    const token = tokens.issue('fp-1', 'read', NOW);
    const [payload, mac] = token.split('.') as [string, string];
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    const altered = Buffer.from(JSON.stringify({ ...claims, s: 'admin' })).toString('base64url');
    expect(tokens.verify(`${altered}.${mac}`, NOW)).toBeNull(); // the scope raised, old MAC
    const extended = Buffer.from(JSON.stringify({ ...claims, e: claims.e + 86_400 })).toString('base64url');
    expect(tokens.verify(`${extended}.${mac}`, NOW)).toBeNull(); // the expiry pushed back
    const flipped = mac.at(-2) === 'A' ? 'B' : 'A';
    expect(tokens.verify(`${payload}.${mac.slice(0, -2)}${flipped}${mac.at(-1)}`, NOW)).toBeNull();
    for (const bad of [undefined, '', payload, `${payload}.`, `.${mac}`, `${token}.extra`, 'forged.token']) expect(tokens.verify(bad, NOW)).toBeNull();
  });

  it('refuses a genuinely signed token whose claims are not a session (no id, a bad id, an unknown scope)', () => {
    const e = NOW / 1000 + 60;
    expect(tokens.verify(tokenOver({ i: 'A'.repeat(22), f: 'fp-1', s: 'read', e }, derived(NEW_KEY)), NOW)).not.toBeNull();
    for (const claims of [{ f: 'fp-1', s: 'read', e }, { i: 'short', f: 'fp-1', s: 'read', e }, { i: 'A'.repeat(22), f: 'fp-1', s: 'root', e }]) {
      expect(tokens.verify(tokenOver(claims, derived(NEW_KEY)), NOW)).toBeNull();
    }
  });

  it('refuses a token signed with another key', () => {
    const stranger = new SessionTokens([Buffer.from('other-key')]);
    expect(tokens.verify(stranger.issue('fp-1', 'read', NOW), NOW)).toBeNull();
    // A MAC made with the link-signing key itself (as another use of the key might make) is not a session's.
    expect(tokens.verify(tokenOver({ i: 'A'.repeat(22), f: 'fp-1', s: 'read', e: NOW / 1000 + 60 }, NEW_KEY), NOW)).toBeNull();
  });

  it('keeps verifying tokens signed with a previous key during a rotation, and signs with the first', () => {
    const before = new SessionTokens([OLD_KEY]);
    const old = before.issue('fp-1', 'read', NOW);
    expect(tokens.verify(old, NOW)).toMatchObject({ fingerprint: 'fp-1' });
    expect(new SessionTokens([NEW_KEY]).verify(old, NOW)).toBeNull(); // the old key dropped
    const fresh = tokens.issue('fp-1', 'read', NOW);
    expect(new SessionTokens([NEW_KEY]).verify(fresh, NOW)).not.toBeNull();
    expect(before.verify(fresh, NOW)).toBeNull();
  });
});
