// SendGrid's signed Event Webhook (ECDSA P-256; NURTURE_SENDGRID_PUBLIC_KEY).
import { Controller, HttpCode, Post, Req, UseGuards } from '@nestjs/common';
import type { RawBodyRequest } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { mapSendGridEvents, verifySendGridSignature } from './providers/index.js';
import { headersOf, rawBodyOf } from './raw-body.js';
import { PublicRateLimit } from './rate-limit.js';
import { webhookSecret } from './webhook-config.js';
import { type WebhookAnswer, WebhookReceiver } from './webhook-receiver.service.js';

@ApiTags('webhooks')
@Controller('webhooks/sendgrid')
@UseGuards(PublicRateLimit)
export class SendGridWebhookController {
  constructor(private readonly receiver: WebhookReceiver) {}

  @Post()
  @HttpCode(200)
  @ApiOperation({ summary: 'SendGrid Event Webhook (signed)' })
  async receive(@Req() request: RawBodyRequest<Request>): Promise<WebhookAnswer> {
    const publicKey = webhookSecret('sendgrid');
    const rawBody = rawBodyOf(request);
    verifySendGridSignature({ rawBody, headers: headersOf(request), publicKey, now: new Date() });
    return this.receiver.receive(mapSendGridEvents(rawBody), { source: 'sendgrid' });
  }
}
