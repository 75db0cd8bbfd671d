import { REPORT_LINK_DAYS, ReportLinks } from './report-links.js';

const NOW = Date.parse('2026-12-07T09:00:00Z');
const params = (url: string) => new URL(url).searchParams;

describe('signed report links', () => {
  const links = new ReportLinks([Buffer.from('new-key'), Buffer.from('old-key')], 'https://nurture.example.com/');

  it('opens its own page until it expires, and no other', () => {
    const url = links.htmlUrl('weekly-2026-W49', NOW);
    expect(url).toMatch(/^https:\/\/nurture\.example\.com\/reports\/weekly-2026-W49\/html\?expires=\d+&signature=[\w-]{22}$/);
    const { expires, signature } = Object.fromEntries(params(url));
    expect(Number(expires)).toBe(NOW / 1000 + REPORT_LINK_DAYS * 86_400);
    expect(links.verify('weekly-2026-W49', expires, signature, NOW)).toBe(true);
    expect(links.verify('weekly-2026-W49', expires, signature, Number(expires) * 1000)).toBe(false); // expired
    expect(links.verify('monthly-2026-11', expires, signature, NOW)).toBe(false); // another report
    expect(links.verify('weekly-2026-W49', String(Number(expires) + 86_400), signature, NOW)).toBe(false); // extended
    expect(links.verify('weekly-2026-W49', expires, `${signature!.slice(0, 21)}A`, NOW)).toBe(false);
    expect(links.verify('weekly-2026-W49', undefined, signature, NOW)).toBe(false);
    expect(links.verify('weekly-2026-W49', [expires], signature, NOW)).toBe(false);
  });

  it('refuses another spelling of the same bytes (the last character carries four spare bits)', () => {
    const { expires, signature } = Object.fromEntries(params(links.htmlUrl('weekly-2026-W49', NOW)));
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const last = alphabet.indexOf(signature!.at(-1)!);
    const sameBytes = `${signature!.slice(0, 21)}${alphabet[last ^ 1]}`;
    expect(Buffer.from(sameBytes, 'base64url').equals(Buffer.from(signature!, 'base64url'))).toBe(true);
    expect(links.verify('weekly-2026-W49', expires, sameBytes, NOW)).toBe(false);
  });

  it('keeps opening links signed with a previous key (rotation), not with an unknown one', () => {
    const before = new ReportLinks([Buffer.from('old-key')], 'https://nurture.example.com');
    const stranger = new ReportLinks([Buffer.from('other')], 'https://nurture.example.com');
    const old = Object.fromEntries(params(before.htmlUrl('weekly-2026-W49', NOW)));
    const forged = Object.fromEntries(params(stranger.htmlUrl('weekly-2026-W49', NOW)));
    expect(links.verify('weekly-2026-W49', old.expires, old.signature, NOW)).toBe(true);
    expect(links.verify('weekly-2026-W49', forged.expires, forged.signature, NOW)).toBe(false);
  });
});
