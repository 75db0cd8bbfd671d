// The demo's email provider: receives the specification's webhook POSTs and "sends" nothing.
// Idempotent by `Idempotency-Key`, as a real provider is: a repeated key gets the first answer
// back and is not a second send (the demo counts such repeats; there should be none).
import type { LocalResponse, LocalServer } from './local-server.js';
import { startLocalServer } from './local-server.js';

export interface ReceivedEmail {
  key: string;
  to: string;
  sequenceId: number;
  leadExtId: string;
  step: number;
  /** Simulated instant of receipt, ms since the epoch. */
  receivedAt: number;
}

export interface SinkStats {
  requests: number;
  /** Distinct idempotency keys accepted: the emails actually sent. */
  accepted: number;
  /** Requests that repeated a key already answered. */
  duplicateKeys: number;
  rejected: number;
}

export interface EmailSink {
  url: string;
  stats(): SinkStats;
  close(): Promise<void>;
}

/** `now` is the simulated clock; `onReceived` sees each email once. */
export async function startEmailSink(now: () => number, onReceived: (email: ReceivedEmail) => void): Promise<EmailSink> {
  const answers = new Map<string, LocalResponse>();
  const stats: SinkStats = { requests: 0, accepted: 0, duplicateKeys: 0, rejected: 0 };
  const server: LocalServer = await startLocalServer(({ method, url, headers, body }) => {
    stats.requests += 1;
    if (method !== 'POST' || url.pathname !== '/emails') return { status: 404, json: { error: 'POST /emails' } };
    const key = headers['idempotency-key'];
    if (typeof key !== 'string' || key === '') return reject(stats, 'the Idempotency-Key header is required');
    const first = answers.get(key);
    if (first) {
      stats.duplicateKeys += 1;
      return first;
    }
    const email = parseEmail(body, key, now());
    const answer: LocalResponse = typeof email === 'string' ? reject(stats, email) : { status: 202, json: { id: `msg_${key.replace(':', '_')}`, status: 'queued' } };
    answers.set(key, answer);
    if (typeof email !== 'string') {
      stats.accepted += 1;
      onReceived(email);
    }
    return answer;
  });
  return {
    url: `${server.origin}/emails`,
    stats: () => ({ ...stats }),
    close: () => server.close(),
  };
}

function reject(stats: SinkStats, error: string): LocalResponse {
  stats.rejected += 1;
  return { status: 400, json: { error } };
}

/** The specification's payload `{from, to, subject, text, metadata: {sequence_id, lead_ext_id, step_number, sequence_name}}`, or what is wrong with it. */
function parseEmail(body: string, key: string, receivedAt: number): ReceivedEmail | string {
  let email: Record<string, unknown>;
  try {
    email = JSON.parse(body) as Record<string, unknown>;
  } catch {
    return 'the body must be JSON';
  }
  for (const field of ['from', 'to', 'subject', 'text']) {
    if (typeof email[field] !== 'string' || email[field] === '') return `${field} must be a non-empty string`;
  }
  const m = (email.metadata ?? {}) as Record<string, unknown>;
  if (!Number.isInteger(m.sequence_id) || !Number.isInteger(m.step_number) || typeof m.lead_ext_id !== 'string' || typeof m.sequence_name !== 'string') {
    return 'metadata must have sequence_id, lead_ext_id, step_number and sequence_name';
  }
  return { key, to: email.to as string, sequenceId: m.sequence_id as number, leadExtId: m.lead_ext_id, step: m.step_number as number, receivedAt };
}
