// What a failed send means for the step: how many runs in a row it has failed, how many of those
// the provider refused for good, and when it may be tried again (backoff across runs).
import type { SendFailure } from './state.js';

export const SEND_RETRY_BASE_MS = 60 * 60 * 1000; // 1 h after the first failure
export const SEND_RETRY_CAP_MS = 24 * 60 * 60 * 1000; // never more than a day

/** Wait before the step is tried again after its `failures`-th failed run in a row:
 * 1 h, 2 h, 4 h, 8 h, 16 h, then 24 h. */
export const sendRetryDelayMs = (failures: number): number =>
  Math.min(SEND_RETRY_CAP_MS, SEND_RETRY_BASE_MS * 2 ** Math.max(0, Math.min(failures, 32) - 1));

/** The step's failure record after one more failed run. Counts restart with another step (a
 * successful send clears the record). A transient failure neither counts as permanent nor resets
 * the permanent count: an outage between two refusals says nothing about the email itself. */
export function failureAfter(
  previous: SendFailure | null,
  failed: { step: number; error: string; attempts: number; permanent?: boolean; failures?: number; at: string },
): SendFailure {
  const same = previous !== null && previous.step === failed.step ? previous : null;
  const permanent = failed.permanent ?? false;
  return {
    step: failed.step,
    error: failed.error,
    attempts: failed.attempts,
    at: failed.at,
    permanent,
    failures: failed.failures ?? (same?.failures ?? 0) + 1,
    permanentFailures: (same?.permanentFailures ?? 0) + (permanent ? 1 : 0),
  };
}
