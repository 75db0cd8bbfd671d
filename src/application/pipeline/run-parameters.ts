// The run's parameters: the specification's names and defaults ("Parámetros del DAG"), plus the
// few a service needs beside them. Each is settable as NURTURE_<NAME>, --<name-with-dashes>, in a
// JSON config file, or per run over HTTP; every source goes through `validateRunParameters`.
import { MAX_DESCRIPTION_LENGTH, MAX_EMAIL_LENGTH, MAX_URL_LENGTH, tooLong } from '../../domain/shared/input-limits.js';

export interface RunParameters {
  /** Airflow's connection id in the specification; accepted for compatibility (DATABASE_URL is the connection). */
  postgres_conn_id: string;
  email_webhook_url: string;
  engagement_api_url: string;
  max_leads_per_run: number;
  min_score_to_qualify: number;
  /** A reply that does not qualify the lead stops its sequence (a template's own setting wins). */
  stop_on_reply: boolean;
  enable_auto_pause: boolean;
  pause_after_days: number;
  dry_run: boolean;
  email_from: string;
  slack_webhook_url: string;
  /** Seconds. */
  request_timeout: number;
  max_retry_attempts: number;
  export_metrics_to_s3: boolean;
  s3_bucket: string;
  s3_path: string;
  /** Most emails one run sends (the per-run budget). */
  max_emails_per_run: number;
  /** Concurrent HTTP requests to the email webhook and the engagement API. */
  http_concurrency: number;
  /** Days a parked (unmatched) engagement event is matched again before it expires. */
  unmatched_retry_days: number;
  /** Days of sent emails an engagement API answer is about (the specification's queries: 7). */
  engagement_lookback_days: number;
  /** Runs in which the webhook refuses a step for good (a 4xx other than 408/429) before its sequence stops (`send_failed`). */
  max_send_failures: number;
  /** Emails a (template, step) must have sent in a report's period to be ranked among the top steps. */
  report_min_sends: number;
}

type Kind = 'string' | 'url' | 'optional-url' | 'email' | 'integer' | 'boolean';

interface ParameterSpec {
  kind: Kind;
  default: string | number | boolean;
  min?: number;
  max?: number;
  description: string;
}

export const RUN_PARAMETERS: { [K in keyof RunParameters]: ParameterSpec } = {
  postgres_conn_id: { kind: 'string', default: 'postgres_default', description: 'accepted for compatibility with the Airflow DAG; the database is DATABASE_URL' },
  email_webhook_url: { kind: 'optional-url', default: '', description: 'webhook that sends the emails (required unless dry_run)' },
  engagement_api_url: { kind: 'optional-url', default: '', description: 'API polled for engagement: GET {url}?email=… → {opened, clicked, replied}' },
  max_leads_per_run: { kind: 'integer', default: 100, min: 0, max: 10_000_000, description: 'most cold leads enrolled per run' },
  min_score_to_qualify: { kind: 'integer', default: 50, min: 0, max: 1_000_000, description: 'total score at which an engaged lead qualifies' },
  stop_on_reply: { kind: 'boolean', default: false, description: 'a reply that does not qualify the lead stops its sequence (reason replied); a template\'s stop_on_reply wins' },
  enable_auto_pause: { kind: 'boolean', default: true, description: 'pause sequences without engagement' },
  pause_after_days: { kind: 'integer', default: 30, min: 1, max: 3650, description: 'days without engagement before a sequence pauses' },
  dry_run: { kind: 'boolean', default: false, description: 'render and record what would be sent, POST nothing' },
  email_from: { kind: 'email', default: 'marketing@example.com', description: 'sender address of the emails' },
  slack_webhook_url: { kind: 'optional-url', default: '', description: 'Slack incoming webhook for the run summary' },
  request_timeout: { kind: 'integer', default: 30, min: 1, max: 600, description: 'seconds before an HTTP request is abandoned' },
  max_retry_attempts: { kind: 'integer', default: 3, min: 0, max: 20, description: 'retries of a failed HTTP request (5xx, 429, network)' },
  export_metrics_to_s3: { kind: 'boolean', default: false, description: 'upload each run\'s performance report (and each report\'s files) to s3://{s3_bucket}/{s3_path}/' },
  s3_bucket: { kind: 'string', default: '', description: 'S3 bucket of the export (required when export_metrics_to_s3 is true)' },
  s3_path: { kind: 'string', default: 'lead_nurturing/metrics', description: 'key prefix inside the bucket (slashes at either end are ignored)' },
  max_emails_per_run: { kind: 'integer', default: 10_000, min: 0, max: 10_000_000, description: 'most emails sent in one run' },
  unmatched_retry_days: { kind: 'integer', default: 7, min: 0, max: 90, description: 'days an engagement event that matched no sequence is matched again before it expires' },
  http_concurrency: { kind: 'integer', default: 16, min: 1, max: 512, description: 'concurrent requests to the email webhook / engagement API' },
  engagement_lookback_days: { kind: 'integer', default: 7, min: 1, max: 3650, description: 'an engagement API answer is about the emails sent to the address in these last days that lack the fact' },
  max_send_failures: { kind: 'integer', default: 3, min: 1, max: 100, description: 'runs a step may be refused for good (4xx other than 408/429) before its sequence stops (send_failed)' },
  report_min_sends: { kind: 'integer', default: 20, min: 1, max: 1_000_000, description: 'emails a (template, step) must have sent in a report\'s period to rank among its top steps; fewer are listed apart' },
};

export const PARAMETER_NAMES = Object.keys(RUN_PARAMETERS) as (keyof RunParameters)[];

export class InvalidParameterError extends Error {
  override readonly name = 'InvalidParameterError';
  constructor(
    readonly parameter: string,
    message: string,
  ) {
    super(`invalid parameter ${parameter}: ${message}`);
  }
}

export const defaultRunParameters = (): RunParameters =>
  Object.fromEntries(PARAMETER_NAMES.map((n) => [n, RUN_PARAMETERS[n].default])) as unknown as RunParameters;

/** Merges raw values (strings from env/flags, JSON values from files/HTTP) over the defaults,
 * checking each; throws `InvalidParameterError` naming the first bad parameter. */
export function validateRunParameters(...layers: Record<string, unknown>[]): RunParameters {
  const params = parseRunParameters(...layers);
  if (!params.dry_run && !params.email_webhook_url) {
    throw new InvalidParameterError('email_webhook_url', 'is required unless dry_run is true');
  }
  return params;
}

/** The same, checking each value but not what a run needs together (an email webhook unless
 * dry_run): for the settings that apply outside runs too (the qualification threshold,
 * `stop_on_reply`), which a service without an email webhook still has. */
export function parseRunParameters(...layers: Record<string, unknown>[]): RunParameters {
  const result = defaultRunParameters() as unknown as Record<string, unknown>;
  for (const layer of layers) {
    for (const [name, raw] of Object.entries(layer)) {
      if (raw === undefined) continue;
      const spec = (RUN_PARAMETERS as Record<string, ParameterSpec>)[name];
      if (!spec) throw new InvalidParameterError(name, `unknown parameter (known: ${PARAMETER_NAMES.join(', ')})`);
      result[name] = coerce(name, spec, raw);
    }
  }
  const params = result as unknown as RunParameters;
  params.s3_bucket = params.s3_bucket.trim();
  if (params.export_metrics_to_s3 && params.s3_bucket === '') {
    throw new InvalidParameterError('s3_bucket', 'is required when export_metrics_to_s3 is true');
  }
  if (params.s3_bucket !== '' && !S3_BUCKET_NAME.test(params.s3_bucket)) {
    throw new InvalidParameterError('s3_bucket', `must be an S3 bucket name (3-63 lower-case letters, digits, dots and hyphens), got ${JSON.stringify(params.s3_bucket)}`);
  }
  return params;
}

const S3_BUCKET_NAME = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

/** The longest text a parameter of each kind takes (checked before anything else, so an error
 * never echoes more than this). */
const MAX_TEXT_LENGTH: Record<Kind, number> = { url: MAX_URL_LENGTH, 'optional-url': MAX_URL_LENGTH, email: MAX_EMAIL_LENGTH, string: MAX_DESCRIPTION_LENGTH, integer: 32, boolean: 32 };

function coerce(name: string, spec: ParameterSpec, raw: unknown): string | number | boolean {
  if (typeof raw === 'string' && raw.length > MAX_TEXT_LENGTH[spec.kind]) throw new InvalidParameterError(name, tooLong(MAX_TEXT_LENGTH[spec.kind]));
  switch (spec.kind) {
    case 'integer': {
      const n = typeof raw === 'number' ? raw : typeof raw === 'string' && /^-?\d+$/.test(raw.trim()) ? Number(raw.trim()) : NaN;
      if (!Number.isSafeInteger(n)) throw new InvalidParameterError(name, `must be an integer, got ${JSON.stringify(raw)}`);
      if (spec.min !== undefined && n < spec.min) throw new InvalidParameterError(name, `must be at least ${spec.min}, got ${n}`);
      if (spec.max !== undefined && n > spec.max) throw new InvalidParameterError(name, `must be at most ${spec.max}, got ${n}`);
      return n;
    }
    case 'boolean': {
      if (typeof raw === 'boolean') return raw;
      const s = typeof raw === 'string' ? raw.trim().toLowerCase() : '';
      if (['true', '1', 'yes'].includes(s)) return true;
      if (['false', '0', 'no'].includes(s)) return false;
      throw new InvalidParameterError(name, `must be true or false, got ${JSON.stringify(raw)}`);
    }
    case 'optional-url':
    case 'url': {
      if (typeof raw !== 'string') throw new InvalidParameterError(name, `must be a URL string, got ${JSON.stringify(raw)}`);
      const s = raw.trim();
      if (s === '' && spec.kind === 'optional-url') return '';
      let url: URL;
      try {
        url = new URL(s);
      } catch {
        throw new InvalidParameterError(name, `must be an http(s) URL, got ${JSON.stringify(raw)}`);
      }
      if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new InvalidParameterError(name, `must be an http(s) URL, got ${JSON.stringify(raw)}`);
      return s;
    }
    case 'email': {
      if (typeof raw !== 'string' || !/^[^\s@<>]+@[^\s@<>]+$/.test(raw.trim())) {
        throw new InvalidParameterError(name, `must be an email address, got ${JSON.stringify(raw)}`);
      }
      return raw.trim();
    }
    case 'string':
      if (typeof raw !== 'string') throw new InvalidParameterError(name, `must be a string, got ${JSON.stringify(raw)}`);
      return raw;
  }
}

/** `max_leads_per_run` → `NURTURE_MAX_LEADS_PER_RUN`. */
export const envNameOf = (name: string): string => `NURTURE_${name.toUpperCase()}`;
/** `max_leads_per_run` → `--max-leads-per-run`. */
export const flagNameOf = (name: string): string => `--${name.replace(/_/g, '-')}`;
