import type { RunParameters } from './run-parameters.js';

const URL_PARAMETERS = new Set(['email_webhook_url', 'engagement_api_url', 'slack_webhook_url']);

/** Parameters fit for logs and stored reports: URLs keep only their origin (paths and query
 * strings of webhooks carry secrets). */
export function redactParameters(params: RunParameters): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(params).map(([name, value]) => {
      if (!URL_PARAMETERS.has(name) || typeof value !== 'string' || value === '') return [name, value];
      try {
        return [name, `${new URL(value).origin}/…`];
      } catch {
        return [name, '(invalid)'];
      }
    }),
  );
}
