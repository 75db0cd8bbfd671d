import { InvalidParameterError, defaultRunParameters, envNameOf, flagNameOf, validateRunParameters } from './run-parameters.js';

const fieldOf = (...layers: Record<string, unknown>[]): string => {
  try {
    validateRunParameters(...layers);
  } catch (error) {
    if (error instanceof InvalidParameterError) return error.parameter;
    throw error;
  }
  throw new Error('expected an InvalidParameterError');
};

describe('run parameters', () => {
  it('keeps the specification\'s names and defaults', () => {
    expect(defaultRunParameters()).toMatchObject({
      postgres_conn_id: 'postgres_default',
      engagement_api_url: '',
      max_leads_per_run: 100,
      min_score_to_qualify: 50,
      enable_auto_pause: true,
      pause_after_days: 30,
      dry_run: false,
      slack_webhook_url: '',
      request_timeout: 30,
      max_retry_attempts: 3,
      export_metrics_to_s3: false,
      s3_path: 'lead_nurturing/metrics',
      max_send_failures: 3,
    });
  });

  it('max_send_failures: a positive integer, from env/flag strings too', () => {
    const url = { email_webhook_url: 'http://localhost:1/x' };
    expect(validateRunParameters(url, { max_send_failures: '5' }).max_send_failures).toBe(5);
    expect(fieldOf(url, { max_send_failures: '0' })).toBe('max_send_failures');
    expect(fieldOf(url, { max_send_failures: 'three' })).toBe('max_send_failures');
    expect(envNameOf('max_send_failures')).toBe('NURTURE_MAX_SEND_FAILURES');
    expect(flagNameOf('max_send_failures')).toBe('--max-send-failures');
  });

  it('coerces strings from the environment and flags, later layers winning', () => {
    const p = validateRunParameters({ dry_run: 'true', max_leads_per_run: '5' }, { max_leads_per_run: 7, enable_auto_pause: 'no' });
    expect(p).toMatchObject({ dry_run: true, max_leads_per_run: 7, enable_auto_pause: false });
  });

  it('requires email_webhook_url unless dry_run', () => {
    expect(fieldOf({})).toBe('email_webhook_url');
    expect(validateRunParameters({ dry_run: true }).email_webhook_url).toBe('');
    expect(validateRunParameters({ email_webhook_url: 'https://mail.example.com/send' }).dry_run).toBe(false);
  });

  it('rejects bad values naming the parameter', () => {
    const url = { email_webhook_url: 'http://localhost:1/x' };
    expect(fieldOf(url, { max_leads_per_run: 'many' })).toBe('max_leads_per_run');
    expect(fieldOf(url, { max_leads_per_run: '-1' })).toBe('max_leads_per_run');
    expect(fieldOf(url, { min_score_to_qualify: 1.5 })).toBe('min_score_to_qualify');
    expect(fieldOf(url, { enable_auto_pause: 'maybe' })).toBe('enable_auto_pause');
    expect(fieldOf(url, { pause_after_days: '0' })).toBe('pause_after_days');
    expect(fieldOf({ email_webhook_url: 'ftp://x/y' })).toBe('email_webhook_url');
    expect(fieldOf(url, { slack_webhook_url: 'not a url' })).toBe('slack_webhook_url');
    expect(fieldOf(url, { email_from: 'nobody' })).toBe('email_from');
    expect(fieldOf(url, { request_timeout: '0' })).toBe('request_timeout');
    expect(fieldOf(url, { max_leads_per_runn: 5 })).toBe('max_leads_per_runn');
    expect(validateRunParameters(url, { export_metrics_to_s3: 'true', s3_bucket: ' metrics-bucket ' })).toMatchObject({ export_metrics_to_s3: true, s3_bucket: 'metrics-bucket' });
    expect(fieldOf(url, { export_metrics_to_s3: true })).toBe('s3_bucket');
    expect(fieldOf(url, { export_metrics_to_s3: 'true', s3_bucket: '  ' })).toBe('s3_bucket');
    expect(fieldOf(url, { export_metrics_to_s3: true, s3_bucket: 'Not_A_Bucket' })).toBe('s3_bucket');
  });

  it('names the environment variables and flags after the parameters', () => {
    expect(envNameOf('max_leads_per_run')).toBe('NURTURE_MAX_LEADS_PER_RUN');
    expect(flagNameOf('max_leads_per_run')).toBe('--max-leads-per-run');
  });
});
