// A self-signed certificate for SNS tests: the key is generated here, the certificate made by the
// `openssl` CLI (node:crypto cannot issue X.509), valid from now for `days` days.
import { execFileSync } from 'node:child_process';
import { type KeyObject, X509Certificate, generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TestCertificate {
  pem: string;
  privateKey: KeyObject;
  validFrom: Date;
  validTo: Date;
}

export function selfSignedCertificate(days = 2, commonName = 'sns.amazonaws.com'): TestCertificate {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const dir = mkdtempSync(join(tmpdir(), 'sns-cert-'));
  try {
    writeFileSync(join(dir, 'key.pem'), privateKey.export({ format: 'pem', type: 'pkcs8' }));
    execFileSync('openssl', ['req', '-new', '-x509', '-key', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'), '-days', String(days), '-subj', `/CN=${commonName}`], { stdio: 'pipe' });
    const pem = readFileSync(join(dir, 'cert.pem'), 'utf8');
    const certificate = new X509Certificate(pem);
    return { pem, privateKey, validFrom: new Date(certificate.validFrom), validTo: new Date(certificate.validTo) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
