// Opaque, signed unsubscribe tokens: the sequence id and a truncated HMAC of it, base64url.
// Nothing else is needed to honour a click, and nothing can be forged or enumerated. New tokens
// are signed with the first key; a token signed with any of the keys verifies (key rotation:
// links already sent keep working while their old key is listed).
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { UnsubscribeLinks } from '../../application/ports/unsubscribe-links.js';

const MAC_BYTES = 16;

export class UnsubscribeTokens implements UnsubscribeLinks {
  constructor(
    private readonly keys: readonly Buffer[],
    private readonly publicUrl: string,
  ) {
    if (keys.length === 0) throw new Error('an unsubscribe signing key is needed');
  }

  tokenFor(sequenceId: number): string {
    const id = Buffer.alloc(8);
    id.writeBigUInt64BE(BigInt(sequenceId));
    return Buffer.concat([id, this.mac(this.keys[0]!, id)]).toString('base64url');
  }

  /** The sequence id a genuine token names, or null. */
  verify(token: string): number | null {
    if (!/^[A-Za-z0-9_-]{32}$/.test(token)) return null;
    const raw = Buffer.from(token, 'base64url');
    if (raw.length !== 8 + MAC_BYTES) return null;
    const id = raw.subarray(0, 8);
    const mac = raw.subarray(8);
    // Every key is tried (no early exit), so the time taken does not say which one matched.
    let genuine = false;
    for (const key of this.keys) genuine = timingSafeEqual(mac, this.mac(key, id)) || genuine;
    if (!genuine) return null;
    const sequenceId = id.readBigUInt64BE();
    return sequenceId > 0n && sequenceId <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(sequenceId) : null;
  }

  urlFor(sequenceId: number): string {
    return `${this.publicUrl.replace(/\/+$/, '')}/unsubscribe/${this.tokenFor(sequenceId)}`;
  }

  headersFor(sequenceId: number): Record<string, string> {
    return { 'List-Unsubscribe': `<${this.urlFor(sequenceId)}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' };
  }

  private mac(key: Buffer, id: Buffer): Buffer {
    return createHmac('sha256', key).update('lead-nurturing/unsubscribe/').update(id).digest().subarray(0, MAC_BYTES);
  }
}
