// SendGrid's `sg_message_id` is the `X-Message-Id` returned when the email was sent, followed by
// the id of the server that handled it (`14c5d75ce93.dfd.64b469.filter0001.16648.5515E0B88.0`,
// or in newer events `euo2iKxdSayPF4YE4--I7A.recvd-5f54b5d587-pczjm-1-67BADEEA-6.0`). The part
// before `.filter…` / `.recvd-…` is what our sends recorded.
export function sendGridMessageId(sgMessageId: string): string {
  return sgMessageId.replace(/\.(filter|recvd-).*$/, '');
}
