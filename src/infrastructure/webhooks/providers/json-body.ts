// The raw body as JSON, or a 400 that says so (never echoing the body).
import { WebhookPayloadError } from './webhook-payload-error.js';

export function parseJsonBody(rawBody: Buffer): unknown {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(rawBody);
  } catch {
    throw new WebhookPayloadError('body', 'is not valid UTF-8', true);
  }
  if (text.trim() === '') throw new WebhookPayloadError('body', 'is empty', true);
  try {
    return JSON.parse(text);
  } catch {
    throw new WebhookPayloadError('body', 'is not valid JSON', true);
  }
}
