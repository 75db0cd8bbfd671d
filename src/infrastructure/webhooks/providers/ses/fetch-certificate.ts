// Downloads an SNS signing certificate: https only (the URL is checked again here), no redirects,
// a 5-second timeout, at most 16 KiB, and the answer must be a PEM certificate. A failure is an
// ordinary Error (the caller answers 5xx and SNS retries), not a 401.
import { assertSigningCertUrl } from './sns-urls.js';

const MAX_BYTES = 16 * 1024;

export async function fetchCertificateOverHttps(url: string): Promise<string> {
  assertSigningCertUrl(url);
  const response = await fetch(url, { redirect: 'error', signal: AbortSignal.timeout(5000) });
  if (response.status !== 200) throw new Error(`SNS signing certificate fetch answered HTTP ${response.status}`);
  const pem = await response.text();
  if (pem.length > MAX_BYTES || !pem.includes('-----BEGIN CERTIFICATE-----')) throw new Error('SNS signing certificate fetch did not return a PEM certificate');
  return pem;
}
