import { WebhookAuthError } from '../../../../src/infrastructure/webhooks/providers/webhook-auth-error.js';

/** The reason a verifier gave for refusing a request; fails the test if it accepted it. */
export const authReason = (fn: () => unknown): string => {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(WebhookAuthError);
    return (error as WebhookAuthError).reason;
  }
  throw new Error('expected a WebhookAuthError');
};
