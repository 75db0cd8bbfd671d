// URLs in an SNS message that we fetch: only https on an Amazon SNS regional endpoint
// (`sns.<region>.amazonaws.com`, or `.amazonaws.com.cn` in China), default port, no credentials.
// The signing certificate must be a `.pem` file; the subscribe URL must confirm the subscription
// of the message's own topic.
import { WebhookAuthError } from '../webhook-auth-error.js';

const SNS_HOST = /^sns\.[a-z0-9-]+\.amazonaws\.com(\.cn)?$/;

function snsUrl(value: string, field: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new WebhookAuthError(`${field} is not a URL`);
  }
  if (url.protocol !== 'https:') throw new WebhookAuthError(`${field} is not https`);
  if (!SNS_HOST.test(url.hostname) || url.port !== '' || url.username !== '' || url.password !== '') {
    throw new WebhookAuthError(`${field} is not on an Amazon SNS host`);
  }
  return url;
}

export function assertSigningCertUrl(value: string): void {
  if (!snsUrl(value, 'SigningCertURL').pathname.endsWith('.pem')) throw new WebhookAuthError('SigningCertURL is not a .pem file');
}

export function assertSubscribeUrl(value: string, topicArn: string): void {
  const url = snsUrl(value, 'SubscribeURL');
  if (url.searchParams.get('Action') !== 'ConfirmSubscription' || url.searchParams.get('TopicArn') !== topicArn) {
    throw new WebhookAuthError('SubscribeURL does not confirm this topic');
  }
}
