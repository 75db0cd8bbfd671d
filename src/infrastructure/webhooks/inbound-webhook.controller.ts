// Replies: no provider reports them, so inbound email (JSON {from, to, subject, headers,
// message_id} or a raw MIME header block) is posted here, signed with Standard Webhooks
// (NURTURE_WEBHOOK_SECRET), and matched to our sends by In-Reply-To / References.
import { createHash } from 'node:crypto';
import { Controller, HttpCode, Post, Req, UseGuards } from '@nestjs/common';
import type { RawBodyRequest } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { parseInboundReply, verifyStandardWebhook } from './providers/index.js';
import { headersOf, rawBodyOf } from './raw-body.js';
import { PublicRateLimit } from './rate-limit.js';
import { listOf, webhookSecret } from './webhook-config.js';
import { type WebhookAnswer, WebhookReceiver } from './webhook-receiver.service.js';

@ApiTags('webhooks')
@Controller('webhooks/inbound')
@UseGuards(PublicRateLimit)
export class InboundWebhookController {
  constructor(private readonly receiver: WebhookReceiver) {}

  @Post()
  @HttpCode(200)
  @ApiOperation({ summary: 'Inbound replies, matched by In-Reply-To / References (Standard Webhooks signature)' })
  async receive(@Req() request: RawBodyRequest<Request>): Promise<WebhookAnswer> {
    const secret = listOf(webhookSecret('engagement'));
    const rawBody = rawBodyOf(request);
    const delivery = verifyStandardWebhook({ rawBody, headers: headersOf(request), secret, now: new Date() });
    const reply = parseInboundReply(rawBody, request.headers['content-type']);
    const [first, ...rest] = reply.candidateMessageIds;
    const occurredAt = reply.date && !Number.isNaN(Date.parse(reply.date)) ? new Date(reply.date).toISOString() : delivery.timestamp.toISOString();
    return this.receiver.receive(
      [
        {
          source: 'inbound',
          providerEventId: reply.messageId ?? createHash('sha256').update(rawBody).digest('hex'),
          type: 'replied',
          occurredAt,
          providerMessageId: first ?? null,
          alternateMessageIds: rest,
          email: reply.from,
        },
      ],
      { source: 'inbound', deliveryId: delivery.id },
    );
  }
}
