// `nurture serve --demo`: the demo's leads are made up, so nothing is ever sent for real, and a
// newcomer who configured no key gets one to sign in to the dashboard with.
import { randomBytes } from 'node:crypto';

/** Sets the environment for serving the demo's data; returns the read key it made, if any. */
export function prepareDemoServe(env: NodeJS.ProcessEnv): string | null {
  env.NURTURE_DRY_RUN = 'true';
  if (env.NURTURE_API_KEYS) return null;
  const key = `demo-${randomBytes(12).toString('base64url')}`;
  env.NURTURE_API_KEYS = `${key}:read`;
  return key;
}
