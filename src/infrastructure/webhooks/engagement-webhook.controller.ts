// The specification's engagement webhook: {email, event_type, timestamp, sequence_id, metadata},
// one or an array, signed with Standard Webhooks (NURTURE_WEBHOOK_SECRET).
import { Controller, HttpCode, Post, Req, UseGuards } from '@nestjs/common';
import type { RawBodyRequest } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { mapSpecEngagementWebhook, verifyStandardWebhook } from './providers/index.js';
import { headersOf, rawBodyOf } from './raw-body.js';
import { PublicRateLimit } from './rate-limit.js';
import { listOf, webhookSecret } from './webhook-config.js';
import { type WebhookAnswer, WebhookReceiver } from './webhook-receiver.service.js';

@ApiTags('webhooks')
@Controller('webhooks/engagement')
@UseGuards(PublicRateLimit)
export class EngagementWebhookController {
  constructor(private readonly receiver: WebhookReceiver) {}

  @Post()
  @HttpCode(200)
  @ApiOperation({ summary: "The specification's engagement webhook (Standard Webhooks signature)" })
  async receive(@Req() request: RawBodyRequest<Request>): Promise<WebhookAnswer> {
    const secret = listOf(webhookSecret('engagement'));
    const rawBody = rawBodyOf(request);
    const delivery = verifyStandardWebhook({ rawBody, headers: headersOf(request), secret, now: new Date() });
    return this.receiver.receive(mapSpecEngagementWebhook(rawBody, delivery), { source: 'webhook', deliveryId: delivery.id });
  }
}
