// Replay protection: a signed timestamp must be close to `now`. Windows are given in seconds, one
// for the past (a delivery delayed in transit or retried with its original signature) and one for
// the future (the sender's clock ahead of ours).
import { WebhookAuthError } from './webhook-auth-error.js';

export interface ReplayWindow {
  /** How old a signed timestamp may be. */
  maxAgeSeconds: number;
  /** How far ahead of `now` a signed timestamp may be (clock skew). */
  maxFutureSeconds: number;
}

/** The Standard Webhooks / Svix recommendation: 5 minutes either way. */
export const FIVE_MINUTES: ReplayWindow = { maxAgeSeconds: 300, maxFutureSeconds: 300 };

/** Throws unless `signedAtMs` lies inside the window around `now`; `label` names the timestamp. */
export function assertInsideWindow(signedAtMs: number, now: Date, window: ReplayWindow, label: string): void {
  const skewSeconds = (now.getTime() - signedAtMs) / 1000;
  if (skewSeconds > window.maxAgeSeconds) throw new WebhookAuthError(`${label} is older than ${describe(window.maxAgeSeconds)}`);
  if (-skewSeconds > window.maxFutureSeconds) throw new WebhookAuthError(`${label} is more than ${describe(window.maxFutureSeconds)} in the future`);
}

/** A header holding Unix seconds (digits only), as milliseconds. */
export function unixSecondsHeader(value: string, label: string): number {
  if (!/^\d{1,12}$/.test(value)) throw new WebhookAuthError(`${label} is not a Unix timestamp`);
  return Number(value) * 1000;
}

function describe(seconds: number): string {
  if (seconds % 3600 === 0) return seconds === 3600 ? '1 hour' : `${seconds / 3600} hours`;
  if (seconds % 60 === 0) return seconds === 60 ? '1 minute' : `${seconds / 60} minutes`;
  return `${seconds} seconds`;
}
