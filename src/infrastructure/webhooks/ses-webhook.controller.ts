// Amazon SES events through SNS: the message's signature is checked against the signing
// certificate (fetched from its SigningCertURL after strict URL checks, then cached), the topic
// must be one of NURTURE_SES_TOPIC_ARNS, and a subscription confirmation is confirmed.
import { BadGatewayException, Controller, HttpCode, Inject, Logger, Post, Req, UseGuards } from '@nestjs/common';
import type { RawBodyRequest } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { type CertificateSource, mapSesNotification, verifySnsMessage } from './providers/index.js';
import { headersOf, rawBodyOf } from './raw-body.js';
import { PublicRateLimit } from './rate-limit.js';
import { listOf, webhookSecret } from './webhook-config.js';
import { type WebhookAnswer, WebhookReceiver } from './webhook-receiver.service.js';

export const SNS_CERTIFICATES = Symbol('SnsCertificates');

@ApiTags('webhooks')
@Controller('webhooks/ses')
@UseGuards(PublicRateLimit)
export class SesWebhookController {
  private readonly logger = new Logger('SES');

  constructor(
    private readonly receiver: WebhookReceiver,
    @Inject(SNS_CERTIFICATES) private readonly certificates: CertificateSource,
  ) {}

  @Post()
  @HttpCode(200)
  @ApiOperation({ summary: 'Amazon SES events via SNS (signature v1/v2, topic allow-list, subscription confirmation)' })
  async receive(@Req() request: RawBodyRequest<Request>): Promise<WebhookAnswer | { confirmed: boolean; topic_arn: string }> {
    const topicArns = listOf(webhookSecret('ses'));
    const verified = await verifySnsMessage({ rawBody: rawBodyOf(request), headers: headersOf(request), topicArns, certificates: this.certificates, now: new Date() });
    switch (verified.kind) {
      case 'subscription-confirmation':
        await this.confirm(verified.subscribeUrl);
        this.logger.log(`confirmed the SNS subscription to ${verified.topicArn}`);
        return { confirmed: true, topic_arn: verified.topicArn };
      case 'unsubscribe-confirmation':
        this.logger.warn(`SNS unsubscribed this endpoint from ${verified.topicArn}`);
        return { confirmed: false, topic_arn: verified.topicArn };
      case 'notification':
        return this.receiver.receive(mapSesNotification(verified.message), { source: 'ses', snsMessageId: verified.message.MessageId });
    }
  }

  private async confirm(subscribeUrl: string): Promise<void> {
    try {
      const response = await fetch(subscribeUrl, { signal: AbortSignal.timeout(10_000) });
      // Only the status matters: the body is never read, and the connection is not left to drain it.
      await response.body?.cancel().catch(() => undefined);
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
    } catch (error) {
      // 502 so that SNS sends the confirmation again later.
      throw new BadGatewayException(`could not confirm the SNS subscription: ${(error as Error).message}`);
    }
  }
}
