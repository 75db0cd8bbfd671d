// Who may redirect a run: per-run overrides of where a run sends (the email webhook, the
// engagement API, Slack) and of its clock can hand every due email, with its personal data, to
// whoever sets them, or send every future step now. So they need an admin key; an overriding URL
// must name a host of the operator's allow-list (NURTURE_ALLOWED_HOSTS); and a real run's `now`
// cannot be in the future. The other parameters (budgets, dry_run, thresholds) stay `write`.
import { ForbiddenException } from '@nestjs/common';
import type { RunParameters } from '../../../application/pipeline/run-parameters.js';
import { ValidationError } from '../../../domain/shared/errors.js';
import { type ApiScope, scopeIncludes } from '../auth/api-keys.js';

export const ALLOWED_HOSTS_ENV = 'NURTURE_ALLOWED_HOSTS';
export const URL_PARAMETERS = ['email_webhook_url', 'engagement_api_url', 'slack_webhook_url'] as const;
/** How far ahead of the server's clock a real run's `now` may be: clients' clocks drift a little. */
export const NOW_SKEW_MS = 60_000;

export interface RunOverrides {
  parameters: Record<string, unknown>;
  /** The canonical instant asked for, if any. */
  now?: string;
}

/** Refuses (403) what the caller's scope does not allow; run before the parameters are merged. */
export function requireOverrideScope(overrides: RunOverrides, scope: ApiScope): void {
  if (scopeIncludes(scope, 'admin')) return;
  const redirected = URL_PARAMETERS.filter((name) => overrides.parameters[name] !== undefined);
  const what = [...redirected.map((name) => `parameters.${name}`), ...(overrides.now === undefined ? [] : ['now'])];
  if (what.length > 0) throw new ForbiddenException(`overriding ${what.join(', ')} needs the "admin" scope (this API key has "${scope}")`);
}

/** Refuses (422, naming the field) an override URL outside the allow-list and a real run in the future. */
export function requireSafeOverrides(overrides: RunOverrides, params: RunParameters, env: NodeJS.ProcessEnv, serverNow = Date.now()): void {
  const allowed = allowedHosts(env);
  for (const name of URL_PARAMETERS) {
    if (overrides.parameters[name] === undefined || params[name] === '') continue;
    const host = hostOf(params[name]);
    if (!allowed.includes(host)) {
      const list = allowed.length === 0 ? `${ALLOWED_HOSTS_ENV} is not set, so no host is` : `allowed hosts: ${allowed.join(', ')}`;
      throw new ValidationError(name, `host ${JSON.stringify(host)} is not allowed for a per-run override (${list})`);
    }
  }
  if (overrides.now !== undefined && !params.dry_run && Date.parse(overrides.now) > serverNow + NOW_SKEW_MS) {
    throw new ValidationError('now', `a real run cannot be run as of a future instant (${overrides.now}); use dry_run: true to preview one`);
  }
}

export function allowedHosts(env: NodeJS.ProcessEnv): string[] {
  return (env[ALLOWED_HOSTS_ENV] ?? '')
    .split(',')
    .map((h) => normalizeHost(h.trim()))
    .filter((h) => h !== '');
}

const hostOf = (url: string): string => normalizeHost(new URL(url).hostname);
const normalizeHost = (host: string): string => host.toLowerCase().replace(/^\[|\]$/g, '').replace(/\.$/, '');
