// The string SNS signs (https://docs.aws.amazon.com/sns/latest/dg/sns-verify-signature-of-message.html):
// each field name and value on its own line, in byte order of the names, a final newline.
//   Notification: Message, MessageId, Subject (only when present), Timestamp, TopicArn, Type
//   SubscriptionConfirmation / UnsubscribeConfirmation: Message, MessageId, SubscribeURL,
//     Timestamp, Token, TopicArn, Type
import type { SnsMessage } from './sns-message.js';

export function snsStringToSign(message: SnsMessage): string {
  const pairs: [string, string][] =
    message.Type === 'Notification'
      ? [
          ['Message', message.Message],
          ['MessageId', message.MessageId],
          ...(message.Subject !== undefined ? ([['Subject', message.Subject]] as [string, string][]) : []),
          ['Timestamp', message.Timestamp],
          ['TopicArn', message.TopicArn],
          ['Type', message.Type],
        ]
      : [
          ['Message', message.Message],
          ['MessageId', message.MessageId],
          ['SubscribeURL', message.SubscribeURL],
          ['Timestamp', message.Timestamp],
          ['Token', message.Token],
          ['TopicArn', message.TopicArn],
          ['Type', message.Type],
        ];
  return pairs.map(([name, value]) => `${name}\n${value}\n`).join('');
}
