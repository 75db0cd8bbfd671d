// Provider webhook verifiers (401 on failure: WebhookAuthError) and mappers to EngagementReports
// (400/422 on unreadable bodies: WebhookPayloadError). Pure: no HTTP server, no Nest; the caller
// passes the raw body, the lower-cased headers, the configured secret and `now`.
export { WebhookAuthError } from './webhook-auth-error.js';
export { WebhookPayloadError } from './webhook-payload-error.js';
export type { WebhookHeaders } from './webhook-headers.js';
export type { MappedEvents, SkippedEvent } from './mapped-events.js';
export { FIVE_MINUTES, type ReplayWindow } from './timestamp-window.js';
export { isPrivacyProxyUserAgent } from './machine-open.js';

export { decodeWebhookSecret } from './standard-webhooks/standard-webhook-secret.js';
export { type StandardWebhookInput, type VerifiedWebhook, verifyStandardWebhook } from './standard-webhooks/verify-standard-webhook.js';
export { MAX_EVENTS_PER_REQUEST, SPEC_EVENT_TYPES, type SpecEngagementBody, type SpecEngagementEvent, type SpecEventType, parseSpecEngagementBody } from './standard-webhooks/spec-engagement-payload.js';
export { mapSpecEngagement, mapSpecEngagementWebhook } from './standard-webhooks/map-spec-engagement.js';

export { parseSendGridPublicKey } from './sendgrid/sendgrid-public-key.js';
export { SENDGRID_SIGNATURE_HEADER, SENDGRID_TIMESTAMP_HEADER, type SendGridSignatureInput, verifySendGridSignature } from './sendgrid/verify-sendgrid-signature.js';
export { sendGridMessageId } from './sendgrid/sendgrid-message-id.js';
export { mapSendGridEvents } from './sendgrid/map-sendgrid-events.js';

export { type MailgunSignatureInput, type VerifiedMailgunWebhook, verifyMailgunSignature } from './mailgun/verify-mailgun-signature.js';
export { mapMailgunEvent } from './mailgun/map-mailgun-event.js';

export { type PostmarkAuthInput, verifyPostmarkBasicAuth } from './postmark/verify-postmark-basic-auth.js';
export { postmarkEventId } from './postmark/postmark-event-id.js';
export { mapPostmarkEvent } from './postmark/map-postmark-event.js';

export { CachingCertificateSource, type CertificateFetcher, type CertificateSource } from './ses/certificate-source.js';
export { fetchCertificateOverHttps } from './ses/fetch-certificate.js';
export type { SnsConfirmation, SnsMessage, SnsNotification } from './ses/sns-message.js';
export { SNS_WINDOW, type SnsVerificationInput, type VerifiedSnsMessage, verifySnsMessage } from './ses/verify-sns-message.js';
export { mapSesNotification } from './ses/map-ses-event.js';

export { type ResendSignatureInput, verifyResendSignature } from './resend/verify-resend-signature.js';
export { mapResendEvent } from './resend/map-resend-event.js';

export { type InboundReply, inboundReplyOf, parseInboundReply } from './inbound/parse-inbound-reply.js';
export { messageIdsOf, normaliseMessageId } from './inbound/message-ids.js';
