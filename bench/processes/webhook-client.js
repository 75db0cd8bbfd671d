// The B3 load generator, in its own process (child_process.fork): POSTs the specification's
// engagement webhook in batches, signed with Standard Webhooks (webhook-id, webhook-timestamp,
// webhook-signature = v1,<base64 HMAC-SHA256(secret bytes, "id.timestamp.body")>), `clients`
// requests in flight, each signed when it is sent. 429/5xx are retried like a webhook sender would
// (Retry-After honoured, capped at 2 s) and counted.
import { createHmac } from 'node:crypto';

const TYPES = ['delivered', 'opened', 'opened', 'clicked', 'opened', 'opened', 'clicked', 'opened', 'replied', 'opened'];

/** Item k of the workload: sequence (k mod S) + 1, its (k div S)-th event. */
export function item(k, sequences, baseMs) {
  const sequenceId = (k % sequences) + 1;
  const j = Math.floor(k / sequences);
  const eventType = TYPES[j % TYPES.length];
  return {
    email: `lead${sequenceId}@example.com`,
    event_type: eventType,
    timestamp: new Date(baseMs + j * 60_000).toISOString(),
    sequence_id: sequenceId,
    metadata: { step_number: 1, campaign_id: 'bench', user_agent: 'Mozilla/5.0 (X11; Linux x86_64)', ...(eventType === 'clicked' ? { url: 'https://example.com/pricing' } : {}) },
  };
}

export function expectedCounts(total, sequences) {
  const counts = {};
  for (let k = 0; k < total; k++) {
    const t = TYPES[Math.floor(k / sequences) % TYPES.length];
    counts[t] = (counts[t] ?? 0) + 1;
  }
  return counts;
}

async function run({ url, secret, sequences, total, perRequest, clients, baseMs, idPrefix }) {
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  const requests = Math.ceil(total / perRequest);
  const statuses = {};
  let retries = 0;
  const answers = { recorded: 0, duplicates: 0, unmatched: 0, refused: 0 };
  let next = 0;
  const t0 = process.hrtime.bigint();
  const worker = async () => {
    while (next < requests) {
      const r = next++;
      const items = [];
      for (let k = r * perRequest; k < Math.min(total, (r + 1) * perRequest); k++) items.push(item(k, sequences, baseMs));
      const body = JSON.stringify(items);
      const id = `${idPrefix}_${r}`;
      for (let attempt = 1; ; attempt++) {
        const timestamp = String(Math.floor(Date.now() / 1000));
        const signature = createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest('base64');
        const response = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'webhook-id': id, 'webhook-timestamp': timestamp, 'webhook-signature': `v1,${signature}` },
          body,
        });
        const text = await response.text();
        if ((response.status === 429 || response.status >= 500) && attempt < 20) {
          retries += 1;
          const after = Number(response.headers.get('retry-after'));
          await new Promise((resolve) => setTimeout(resolve, Number.isFinite(after) && after > 0 ? Math.min(after * 1000, 2000) : 50 * attempt));
          continue;
        }
        statuses[response.status] = (statuses[response.status] ?? 0) + 1;
        try {
          const a = JSON.parse(text);
          answers.recorded += a.recorded ?? 0;
          answers.duplicates += a.duplicates ?? 0;
          answers.unmatched += a.unmatched ?? 0;
          answers.refused += a.refused?.length ?? 0;
        } catch {
          // not JSON: counted by status
        }
        break;
      }
    }
  };
  await Promise.all(Array.from({ length: clients }, worker));
  return { statuses, retries, answers, requests, seconds: Number(process.hrtime.bigint() - t0) / 1e9 };
}

process.on('message', async (m) => {
  if (m.type === 'run') {
    try {
      process.send({ type: 'run', ...(await run(m)) });
    } catch (error) {
      process.send({ type: 'error', message: String(error?.stack ?? error) });
    }
  } else if (m.type === 'stop') {
    process.exit(0);
  }
});
process.on('disconnect', () => process.exit(0));
if (process.send) process.send({ type: 'ready' });
