// Links to a report's HTML page that open in a browser without an API key, for the people a Slack
// summary reaches: `/reports/{id}/html?expires={unix seconds}&signature={HMAC}`. The HMAC covers the
// report id and the expiry, with a key derived from the service's link-signing keys (those of the
// unsubscribe links, rotated the same way), so a link opens that one page until it expires and
// cannot be altered to open another.
import { createHmac, timingSafeEqual } from 'node:crypto';

/** How long a shared link opens its page. */
export const REPORT_LINK_DAYS = 30;
const MAC_BYTES = 16;

export class ReportLinks {
  private readonly keys: Buffer[];

  /** `signingKeys`: the key that signs first, then the keys that still verify. */
  constructor(
    signingKeys: readonly Buffer[],
    private readonly publicUrl: string,
  ) {
    this.keys = signingKeys.map((key) => createHmac('sha256', key).update('lead-nurturing/report-links').digest());
  }

  htmlUrl(id: string, now = Date.now()): string {
    const expires = Math.floor(now / 1000) + REPORT_LINK_DAYS * 86_400;
    const signature = this.mac(this.keys[0]!, id, expires).toString('base64url');
    return `${this.publicUrl.replace(/\/+$/, '')}/reports/${encodeURIComponent(id)}/html?expires=${expires}&signature=${signature}`;
  }

  /** Whether `signature` is genuine for report `id` and `expires` has not passed. */
  verify(id: string, expires: unknown, signature: unknown, now = Date.now()): boolean {
    if (typeof expires !== 'string' || !/^\d{1,12}$/.test(expires) || typeof signature !== 'string' || !/^[A-Za-z0-9_-]{22}$/.test(signature)) return false;
    if (Number(expires) * 1000 <= now) return false;
    const given = Buffer.from(signature, 'base64url');
    // Base64url leaves spare bits in the last character: only the canonical spelling is genuine.
    if (given.toString('base64url') !== signature) return false;
    let genuine = false;
    for (const key of this.keys) if (timingSafeEqual(given, this.mac(key, id, Number(expires)))) genuine = true;
    return genuine;
  }

  private mac(key: Buffer, id: string, expires: number): Buffer {
    return createHmac('sha256', key).update(`${id}\n${expires}`).digest().subarray(0, MAC_BYTES);
  }
}
