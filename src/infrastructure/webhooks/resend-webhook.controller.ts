// Resend webhooks, signed with Svix (NURTURE_RESEND_WEBHOOK_SECRET = whsec_…).
import { Controller, HttpCode, Post, Req, UseGuards } from '@nestjs/common';
import type { RawBodyRequest } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { mapResendEvent, verifyResendSignature } from './providers/index.js';
import { headersOf, rawBodyOf } from './raw-body.js';
import { PublicRateLimit } from './rate-limit.js';
import { listOf, webhookSecret } from './webhook-config.js';
import { type WebhookAnswer, WebhookReceiver } from './webhook-receiver.service.js';

@ApiTags('webhooks')
@Controller('webhooks/resend')
@UseGuards(PublicRateLimit)
export class ResendWebhookController {
  constructor(private readonly receiver: WebhookReceiver) {}

  @Post()
  @HttpCode(200)
  @ApiOperation({ summary: 'Resend webhook (Svix signature)' })
  async receive(@Req() request: RawBodyRequest<Request>): Promise<WebhookAnswer> {
    const secret = listOf(webhookSecret('resend'));
    const rawBody = rawBodyOf(request);
    const delivery = verifyResendSignature({ rawBody, headers: headersOf(request), secret, now: new Date() });
    return this.receiver.receive(mapResendEvent(rawBody, delivery), { source: 'resend', deliveryId: delivery.id });
  }
}
