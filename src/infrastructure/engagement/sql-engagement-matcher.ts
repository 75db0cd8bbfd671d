// Matches reports to sequences with at most one set-based query per way of matching.
import type pg from 'pg';
import type { EngagementReport } from '../../application/engagement/engagement-report.js';
import type { EngagementMatch, EngagementMatcher } from '../../application/ports/engagement-matcher.js';

export class SqlEngagementMatcher implements EngagementMatcher {
  constructor(private readonly db: Pick<pg.Pool, 'query'>) {}

  async match(reports: readonly EngagementReport[]): Promise<EngagementMatch[]> {
    const byMessage = await this.byMessageId(reports.filter((r) => !r.sequenceId).flatMap(messageIdsOf));
    const sentOf = (r: EngagementReport) => messageIdsOf(r).map((id) => byMessage.get(id)).find((s) => s !== undefined);
    const byEmail = await this.byEmail(reports.filter((r) => !r.sequenceId && !sentOf(r) && r.email).map((r) => r.email!.trim().toLowerCase()));
    return reports.map((r): EngagementMatch => {
      if (r.sequenceId) return { sequenceId: r.sequenceId, step: r.step ?? null };
      const sent = sentOf(r);
      if (sent) return { sequenceId: sent.sequenceId, step: r.step ?? sent.step };
      const latest = r.email ? byEmail.get(r.email.trim().toLowerCase()) : undefined;
      if (latest !== undefined) return { sequenceId: latest, step: r.step ?? null };
      return { unmatched: describe(r) };
    });
  }

  private async byMessageId(ids: string[]): Promise<Map<string, { sequenceId: number; step: number }>> {
    if (ids.length === 0) return new Map();
    const { rows } = await this.db.query<{ provider_message_id: string; sequence_id: string; step_number: number }>(
      `SELECT provider_message_id, sequence_id, step_number FROM lead_nurturing_events WHERE provider_message_id = ANY($1::text[])`,
      [[...new Set(ids)]],
    );
    return new Map(rows.map((r) => [r.provider_message_id, { sequenceId: Number(r.sequence_id), step: r.step_number }]));
  }

  /** The address's latest sequence. */
  private async byEmail(emails: string[]): Promise<Map<string, number>> {
    if (emails.length === 0) return new Map();
    const { rows } = await this.db.query<{ email: string; id: string }>(
      `SELECT DISTINCT ON (lower(email)) lower(email) AS email, id
         FROM lead_nurturing_sequences WHERE lower(email) = ANY($1::text[])
        ORDER BY lower(email), started_at DESC, id DESC`,
      [[...new Set(emails)]],
    );
    return new Map(rows.map((r) => [r.email, Number(r.id)]));
  }
}

/** The ids a report may refer to, each also without brackets and as its local part: providers
 * give their id bare (`abc`), in angle brackets, or as a Message-ID (`<abc@host>`). */
function messageIdsOf(r: EngagementReport): string[] {
  const ids = [r.providerMessageId, ...(r.alternateMessageIds ?? [])].filter((id): id is string => Boolean(id));
  return [...new Set(ids.flatMap((id) => {
    const bare = id.trim().replace(/^<|>$/g, '');
    return [id, bare, bare.split('@')[0]!];
  }))];
}

function describe(r: EngagementReport): string {
  if (r.providerMessageId) return `no email sent with message id ${r.providerMessageId}${r.email ? ` and no sequence for ${r.email}` : ''}`;
  if (r.email) return `no sequence for email ${r.email}`;
  return 'the event names no sequence, message or email';
}
