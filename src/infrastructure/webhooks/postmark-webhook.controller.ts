// Postmark webhooks, authenticated by HTTP basic auth (NURTURE_POSTMARK_BASIC_AUTH = user:pass).
import { Controller, HttpCode, Post, Req, UseGuards } from '@nestjs/common';
import type { RawBodyRequest } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { mapPostmarkEvent, verifyPostmarkBasicAuth } from './providers/index.js';
import { headersOf, rawBodyOf } from './raw-body.js';
import { PublicRateLimit } from './rate-limit.js';
import { webhookSecret } from './webhook-config.js';
import { type WebhookAnswer, WebhookReceiver } from './webhook-receiver.service.js';

@ApiTags('webhooks')
@Controller('webhooks/postmark')
@UseGuards(PublicRateLimit)
export class PostmarkWebhookController {
  constructor(private readonly receiver: WebhookReceiver) {}

  @Post()
  @HttpCode(200)
  @ApiOperation({ summary: 'Postmark webhook (basic auth): Delivery, Bounce, Open, Click, SpamComplaint, SubscriptionChange' })
  async receive(@Req() request: RawBodyRequest<Request>): Promise<WebhookAnswer> {
    const credentials = webhookSecret('postmark');
    verifyPostmarkBasicAuth({ headers: headersOf(request), credentials });
    return this.receiver.receive(mapPostmarkEvent(rawBodyOf(request)), { source: 'postmark' });
  }
}
