// An engagement fact as a provider (or the specification's webhook) reports it, before it is
// matched to a sequence. Every webhook adapter maps its native payload to this.
import type { EngagementType } from '../../domain/sequence/commands.js';
import type { BounceKind } from '../../domain/sequence/events.js';

export type EngagementSourceName = 'webhook' | 'sendgrid' | 'mailgun' | 'postmark' | 'ses' | 'resend' | 'inbound' | 'unsubscribe' | 'api';

export interface EngagementReport {
  source: EngagementSourceName;
  /** The provider's unique id for this event; a repeat is acknowledged and ignored. */
  providerEventId: string;
  type: EngagementType;
  /** ISO-8601. */
  occurredAt: string;
  /** Our ids where the provider echoes them back (custom args, metadata, tags). */
  sequenceId?: number | null;
  step?: number | null;
  /** The provider's message id, matched against the ids our sends recorded. */
  providerMessageId?: string | null;
  /** Further message ids the event may refer to, in order of preference (a reply's References). */
  alternateMessageIds?: string[];
  /** The recipient; the last resort for matching. */
  email?: string | null;
  url?: string | null;
  bounceKind?: BounceKind;
  /** Opens by privacy proxies / scanners: recorded, never scored. */
  machineOpen?: boolean;
  /** Extra provider data worth keeping (campaign ids, user agent…); never message bodies. */
  metadata?: Record<string, unknown>;
}
