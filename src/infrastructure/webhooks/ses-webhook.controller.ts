// Amazon SES events through SNS: the message's signature is checked against the signing
// certificate (fetched from its SigningCertURL after strict URL checks, then cached), the topic
// must be one of NURTURE_SES_TOPIC_ARNS, and a subscription confirmation is confirmed.
import { BadGatewayException, Logger } from '@nestjs/common';
import { type CertificateSource, mapSesNotification, verifySnsMessage } from './providers/index.js';
import { headersOf, rawBodyOf } from './raw-body.js';
import { listOf, webhookSecret } from './webhook-config.js';
import { webhookController } from './webhook-controller.js';

export const SNS_CERTIFICATES = Symbol('SnsCertificates');

const logger = new Logger('SES');

export const SesWebhookController = webhookController({
  provider: 'ses',
  summary: 'Amazon SES events via SNS (signature v1/v2, topic allow-list, subscription confirmation)',
  inject: [SNS_CERTIFICATES],
  async verify(request, certificates: CertificateSource) {
    const topicArns = listOf(webhookSecret('ses'));
    const verified = await verifySnsMessage({ rawBody: rawBodyOf(request), headers: headersOf(request), topicArns, certificates, now: new Date() });
    switch (verified.kind) {
      case 'subscription-confirmation':
        await confirm(verified.subscribeUrl);
        logger.log(`confirmed the SNS subscription to ${verified.topicArn}`);
        return { answer: { confirmed: true, topic_arn: verified.topicArn } };
      case 'unsubscribe-confirmation':
        logger.warn(`SNS unsubscribed this endpoint from ${verified.topicArn}`);
        return { answer: { confirmed: false, topic_arn: verified.topicArn } };
      case 'notification':
        return { ingest: mapSesNotification(verified.message), delivery: { source: 'ses', snsMessageId: verified.message.MessageId } };
    }
  },
});

async function confirm(subscribeUrl: string): Promise<void> {
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
