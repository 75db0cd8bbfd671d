// Mailgun webhooks: HMAC-SHA256 of timestamp + token (NURTURE_MAILGUN_SIGNING_KEY); a token is
// good for one event only.
import { Controller, HttpCode, Inject, Post, Req, UseGuards } from '@nestjs/common';
import type { RawBodyRequest } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import type { Database } from '../database/database.js';
import { DATABASE } from '../nest/nurturing.module.js';
import { MailgunTokenLog } from './mailgun-token-log.js';
import { WebhookAuthError, mapMailgunEvent, verifyMailgunSignature } from './providers/index.js';
import { rawBodyOf } from './raw-body.js';
import { PublicRateLimit } from './rate-limit.js';
import { webhookSecret } from './webhook-config.js';
import { type WebhookAnswer, WebhookReceiver } from './webhook-receiver.service.js';

@ApiTags('webhooks')
@Controller('webhooks/mailgun')
@UseGuards(PublicRateLimit)
export class MailgunWebhookController {
  private readonly tokens: MailgunTokenLog;

  constructor(
    private readonly receiver: WebhookReceiver,
    @Inject(DATABASE) db: Database,
  ) {
    this.tokens = new MailgunTokenLog(db.pool);
  }

  @Post()
  @HttpCode(200)
  @ApiOperation({ summary: 'Mailgun webhook (HMAC-SHA256 signature, one token per event)' })
  async receive(@Req() request: RawBodyRequest<Request>): Promise<WebhookAnswer> {
    const signingKey = webhookSecret('mailgun');
    const rawBody = rawBodyOf(request);
    const { token } = verifyMailgunSignature({ rawBody, signingKey, now: new Date() });
    if ((await this.tokens.use(token, rawBody)) === 'reused') throw new WebhookAuthError('token already used for another event');
    return this.receiver.receive(mapMailgunEvent(rawBody), { source: 'mailgun' });
  }
}
