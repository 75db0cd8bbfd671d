// Where the SNS signing certificate (PEM) comes from. The caching source fetches a certificate the
// first time its URL is seen and keeps it: SNS publishes a new certificate under a new URL, so a
// cached entry never goes stale. Concurrent requests for one URL share one fetch; a failed fetch
// is not cached. Tests (and deployments without outbound access) put certificates in the cache.
import { fetchCertificateOverHttps } from './fetch-certificate.js';

export interface CertificateSource {
  /** The PEM certificate published at `url` (already checked to be an SNS certificate URL). */
  get(url: string): Promise<string>;
}

export type CertificateFetcher = (url: string) => Promise<string>;

export class CachingCertificateSource implements CertificateSource {
  private readonly cache = new Map<string, Promise<string>>();

  constructor(
    private readonly fetcher: CertificateFetcher = fetchCertificateOverHttps,
    private readonly maxEntries = 100,
  ) {}

  /** Puts a certificate in the cache, as if it had been fetched from `url`. */
  set(url: string, pem: string): void {
    this.remember(url, Promise.resolve(pem));
  }

  has(url: string): boolean {
    return this.cache.has(url);
  }

  get(url: string): Promise<string> {
    const cached = this.cache.get(url);
    if (cached) return cached;
    const fetching = this.fetcher(url);
    this.remember(url, fetching);
    fetching.catch(() => {
      if (this.cache.get(url) === fetching) this.cache.delete(url);
    });
    return fetching;
  }

  private remember(url: string, pem: Promise<string>): void {
    this.cache.delete(url);
    if (this.cache.size >= this.maxEntries) this.cache.delete(this.cache.keys().next().value!);
    this.cache.set(url, pem);
  }
}
