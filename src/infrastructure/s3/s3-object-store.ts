// An ObjectStore on S3 (or an S3-compatible store) with @aws-sdk/client-s3. Region and credentials
// come from the standard AWS chain (environment, shared config/credentials files, SSO, web
// identity, container and instance metadata); `AWS_ENDPOINT_URL_S3` or `AWS_ENDPOINT_URL` names an
// S3-compatible endpoint, addressed path-style (bucket in the path, not the host name).
// Retries are ours (bounded, exponential backoff with equal jitter), so that a run's
// `max_retry_attempts` and `request_timeout` mean the same for S3 as for the webhooks.
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import type { ObjectStore } from '../../application/ports/object-store.js';

export interface S3ObjectStoreOptions {
  bucket: string;
  /** Retries after the first attempt. */
  maxRetries: number;
  /** Per attempt. */
  timeoutMs: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** Default: the environment (AWS_ENDPOINT_URL_S3, then AWS_ENDPOINT_URL). */
  endpoint?: string;
  /** Default: the AWS chain (AWS_REGION, the shared config file's profile). */
  region?: string;
  /** Default: the AWS chain. Tests pass dummy ones. */
  credentials?: { accessKeyId: string; secretAccessKey: string };
}

/** The S3-compatible endpoint the environment names, if any. */
export const endpointFromEnv = (env: NodeJS.ProcessEnv = process.env): string | undefined =>
  env.AWS_ENDPOINT_URL_S3?.trim() || env.AWS_ENDPOINT_URL?.trim() || undefined;

export class S3ObjectStore implements ObjectStore {
  private readonly client: S3Client;

  constructor(private readonly options: S3ObjectStoreOptions) {
    const endpoint = options.endpoint ?? endpointFromEnv();
    this.client = new S3Client({
      ...(endpoint ? { endpoint, forcePathStyle: true } : {}),
      ...(options.region ? { region: options.region } : {}),
      ...(options.credentials ? { credentials: options.credentials } : {}),
      maxAttempts: 1,
      requestHandler: { requestTimeout: options.timeoutMs, connectionTimeout: options.timeoutMs },
    });
  }

  async put(key: string, body: string, contentType: string): Promise<void> {
    const base = this.options.baseDelayMs ?? 500;
    const cap = this.options.maxDelayMs ?? 30_000;
    const target = `s3://${this.options.bucket}/${key}`;
    for (let attempt = 1; ; attempt++) {
      try {
        await this.client.send(new PutObjectCommand({ Bucket: this.options.bucket, Key: key, Body: body, ContentType: contentType }));
        return;
      } catch (error) {
        if (!retryable(error) || attempt > this.options.maxRetries) {
          throw new Error(`S3 upload to ${target} failed (${attempt} attempt${attempt === 1 ? '' : 's'}): ${describe(error)}`);
        }
        const ceiling = Math.min(cap, base * 2 ** (attempt - 1));
        await new Promise((resolve) => setTimeout(resolve, ceiling / 2 + Math.random() * (ceiling / 2)));
      }
    }
  }

  async close(): Promise<void> {
    this.client.destroy();
  }
}

interface SdkError {
  name?: string;
  code?: string;
  message?: string;
  $metadata?: { httpStatusCode?: number };
  $retryable?: unknown;
}

const NETWORK_ERRORS = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN', 'TimeoutError', 'RequestTimeout']);

// The SDK wraps what is not an `Error` of its realm (a socket error under a test runner's VM
// context) as a new Error whose message alone still names the code.
const networkCodeIn = (message: string | undefined): string | undefined => /\b(E[A-Z_]{3,})\b/.exec(message ?? '')?.[1];

/** 5xx, 408, 429, throttling and network errors are worth another attempt; a configuration
 * error (no region, no credentials) or a refusal (403, 404) is not. */
function retryable(error: unknown): boolean {
  const e = error as SdkError;
  const status = e.$metadata?.httpStatusCode;
  if (status === undefined) return [e.code, e.name, networkCodeIn(e.message)].some((c) => NETWORK_ERRORS.has(c ?? ''));
  return status >= 500 || status === 408 || status === 429 || Boolean(e.$retryable);
}

/** The error's kind and HTTP status; never the request (its signature) nor the credentials. */
function describe(error: unknown): string {
  const e = error as SdkError;
  const status = e.$metadata?.httpStatusCode;
  const code = e.code ?? (e.name && e.name !== 'Error' ? e.name : undefined);
  const message = (e.message ?? String(error)).replace(/^AWS SDK error wrapper for /, '').replace(/\s+/g, ' ').slice(0, 200);
  return [status ? `HTTP ${status}` : null, code, message].filter(Boolean).join(': ');
}
