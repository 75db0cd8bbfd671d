// Postmark bounce `Type`s (https://postmarkapp.com/developer/api/bounce-api#bounce-types) to what
// they mean for a sequence. Hard: the address will not accept mail. Soft: this message failed, the
// address may work later. Some types are not bounces at all (auto-replies, challenges, relay
// tests, subscribe requests) and are skipped. An address Postmark deactivated (`Inactive: true`)
// will not be mailed again, so its bounce counts as hard whatever the type.
import type { EngagementReport } from '../../../../application/engagement/engagement-report.js';

type Mapped = Pick<EngagementReport, 'type' | 'bounceKind'>;

const HARD = ['HardBounce', 'BadEmailAddress', 'ManuallyDeactivated'];
const SOFT = ['Transient', 'SoftBounce', 'DnsError', 'Unknown', 'Blocked', 'DMARCPolicy', 'SpamNotification', 'VirusNotification', 'Unconfirmed', 'SMTPApiError', 'TemplateRenderingFailed'];

/** null: not a bounce (AutoResponder, AddressChange, Subscribe, ChallengeVerification, OpenRelayTest, InboundError…). */
export function postmarkBounce(type: string, inactive: boolean): Mapped | null {
  if (type === 'SpamComplaint') return { type: 'complained' };
  if (type === 'Unsubscribe') return { type: 'unsubscribed' };
  if (HARD.includes(type)) return { type: 'bounced', bounceKind: 'hard' };
  if (SOFT.includes(type)) return { type: 'bounced', bounceKind: inactive ? 'hard' : 'soft' };
  return null;
}
