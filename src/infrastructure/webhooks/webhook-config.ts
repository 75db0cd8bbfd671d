// Webhook secrets from the environment. A provider whose secret is not set answers 404 on its
// path, so nothing is ever accepted unverified.
import { NotFoundException } from '@nestjs/common';

export const WEBHOOK_SECRETS = {
  engagement: 'NURTURE_WEBHOOK_SECRET',
  sendgrid: 'NURTURE_SENDGRID_PUBLIC_KEY',
  mailgun: 'NURTURE_MAILGUN_SIGNING_KEY',
  postmark: 'NURTURE_POSTMARK_BASIC_AUTH',
  ses: 'NURTURE_SES_TOPIC_ARNS',
  resend: 'NURTURE_RESEND_WEBHOOK_SECRET',
} as const;

export function webhookSecret(provider: keyof typeof WEBHOOK_SECRETS, env: NodeJS.ProcessEnv = process.env): string {
  const value = env[WEBHOOK_SECRETS[provider]]?.trim();
  if (!value) throw new NotFoundException(`Cannot POST /webhooks/${provider}`);
  return value;
}

/** Comma-separated values (several Standard Webhooks secrets while rotating, several SNS topics). */
export const listOf = (value: string): string[] => value.split(',').map((v) => v.trim()).filter(Boolean);
