// Opens that no person made. Providers that flag them (SendGrid `sg_machine_open`) are believed;
// for the others we recognise Apple Mail Privacy Protection, whose proxy prefetches every image of
// every message with the bare user agent `Mozilla/5.0` and nothing after it, which no real mail
// client sends. Gmail's image proxy ("GoogleImageProxy") is NOT a machine open: it fetches when
// the recipient opens the message.
export function isPrivacyProxyUserAgent(userAgent: unknown): boolean {
  return typeof userAgent === 'string' && userAgent.trim() === 'Mozilla/5.0';
}
