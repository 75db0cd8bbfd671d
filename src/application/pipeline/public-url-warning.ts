// Unsubscribe links point at the service's public URL: when it is not configured, or names this
// machine, a recipient's click reaches nothing, so a run that really sends says so.
import type { RunParameters } from './run-parameters.js';

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '::1', '[::1]', '0.0.0.0', '[::]']);

function isLocalHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  return LOCAL_HOSTS.has(host) || host.endsWith('.localhost') || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/** The warning for a public URL (`undefined`: NURTURE_PUBLIC_URL unset) recipients cannot reach, or null. */
export function publicUrlProblem(publicUrl: string | undefined): string | null {
  if (!publicUrl) return 'NURTURE_PUBLIC_URL is not set: unsubscribe links in the emails point at localhost and reach nothing';
  let hostname: string;
  try {
    hostname = new URL(publicUrl).hostname;
  } catch {
    return `NURTURE_PUBLIC_URL is not a URL: unsubscribe links in the emails reach nothing`;
  }
  return isLocalHost(hostname)
    ? `NURTURE_PUBLIC_URL points at ${hostname}: unsubscribe links in the emails reach nothing outside this machine`
    : null;
}

/** The warnings of a run: only a run that really sends emails (not a dry run) has recipients. */
export function runWarnings(params: Pick<RunParameters, 'dry_run' | 'email_webhook_url'>, publicUrl: string | undefined): string[] {
  if (params.dry_run || !params.email_webhook_url) return [];
  const problem = publicUrlProblem(publicUrl);
  return problem ? [problem] : [];
}
