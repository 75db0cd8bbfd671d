// Mailgun webhooks: HMAC-SHA256 of timestamp + token (NURTURE_MAILGUN_SIGNING_KEY); a token is
// good for one event only.
import type { Database } from '../database/database.js';
import { DATABASE } from '../nest/nurturing.module.js';
import { MailgunTokenLog } from './mailgun-token-log.js';
import { WebhookAuthError, mapMailgunEvent, verifyMailgunSignature } from './providers/index.js';
import { rawBodyOf } from './raw-body.js';
import { webhookSecret } from './webhook-config.js';
import { webhookController } from './webhook-controller.js';

export const MailgunWebhookController = webhookController({
  provider: 'mailgun',
  summary: 'Mailgun webhook (HMAC-SHA256 signature, one token per event)',
  inject: [DATABASE],
  async verify(request, db: Database) {
    const rawBody = rawBodyOf(request);
    const { token } = verifyMailgunSignature({ rawBody, signingKey: webhookSecret('mailgun'), now: new Date() });
    if ((await new MailgunTokenLog(db.pool).use(token, rawBody)) === 'reused') throw new WebhookAuthError('token already used for another event');
    return { ingest: mapMailgunEvent(rawBody), delivery: { source: 'mailgun' } };
  },
});
