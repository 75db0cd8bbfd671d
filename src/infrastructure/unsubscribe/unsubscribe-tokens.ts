// Opaque, signed unsubscribe tokens: the sequence id and a truncated HMAC of it, base64url.
// Nothing else is needed to honour a click, and nothing can be forged or enumerated.
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { UnsubscribeLinks } from '../../application/ports/unsubscribe-links.js';

const MAC_BYTES = 16;

export class UnsubscribeTokens implements UnsubscribeLinks {
  constructor(
    private readonly key: Buffer,
    private readonly publicUrl: string,
  ) {}

  tokenFor(sequenceId: number): string {
    const id = Buffer.alloc(8);
    id.writeBigUInt64BE(BigInt(sequenceId));
    return Buffer.concat([id, this.mac(id)]).toString('base64url');
  }

  /** The sequence id a genuine token names, or null. */
  verify(token: string): number | null {
    if (!/^[A-Za-z0-9_-]{32}$/.test(token)) return null;
    const raw = Buffer.from(token, 'base64url');
    if (raw.length !== 8 + MAC_BYTES) return null;
    const id = raw.subarray(0, 8);
    if (!timingSafeEqual(raw.subarray(8), this.mac(id))) return null;
    const sequenceId = id.readBigUInt64BE();
    return sequenceId > 0n && sequenceId <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(sequenceId) : null;
  }

  urlFor(sequenceId: number): string {
    return `${this.publicUrl.replace(/\/+$/, '')}/unsubscribe/${this.tokenFor(sequenceId)}`;
  }

  headersFor(sequenceId: number): Record<string, string> {
    return { 'List-Unsubscribe': `<${this.urlFor(sequenceId)}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' };
  }

  private mac(id: Buffer): Buffer {
    return createHmac('sha256', this.key).update('lead-nurturing/unsubscribe/').update(id).digest().subarray(0, MAC_BYTES);
  }
}
