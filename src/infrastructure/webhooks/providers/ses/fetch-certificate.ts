// Downloads an SNS signing certificate: https only (the URL is checked again here), no redirects,
// a 5-second timeout, at most 16 KiB read (a longer body is cut off and refused), and the answer
// must be a PEM certificate. A failure is an ordinary Error (the caller answers 5xx and SNS
// retries), not a 401.
import { readCappedText } from '../../../http/read-capped-body.js';
import { assertSigningCertUrl } from './sns-urls.js';

export const MAX_CERTIFICATE_BYTES = 16 * 1024;

export async function fetchCertificateOverHttps(url: string): Promise<string> {
  assertSigningCertUrl(url);
  return fetchCertificate(url);
}

/** The download itself, without the URL checks (tests serve a certificate over plain HTTP). */
export async function fetchCertificate(url: string): Promise<string> {
  const response = await fetch(url, { redirect: 'error', signal: AbortSignal.timeout(5000) });
  if (response.status !== 200) {
    await response.body?.cancel().catch(() => undefined);
    throw new Error(`SNS signing certificate fetch answered HTTP ${response.status}`);
  }
  const pem = await readCappedText(response, MAX_CERTIFICATE_BYTES, 'SNS signing certificate');
  if (!pem.includes('-----BEGIN CERTIFICATE-----')) throw new Error('SNS signing certificate fetch did not return a PEM certificate');
  return pem;
}
