// Message ids are compared without their angle brackets: `<abc@host>` → `abc@host`. Providers
// differ (Mailgun's API answers with brackets, its events omit them), so every id a mapper reports
// and every id the inbound matcher proposes goes through here.
export function bareMessageId(id: string): string {
  return id.trim().replace(/^<+|>+$/g, '').trim();
}
