// The demo's stand-ins, in-process: the email sink is idempotent by Idempotency-Key like a real
// provider, the engagement API follows the specification's contract, and the leads' behaviour
// is a function of the seed alone.
import { startEmailSink, type ReceivedEmail } from '../../src/infrastructure/demo/email-sink.js';
import { startEngagementApi } from '../../src/infrastructure/demo/engagement-api.js';
import { EngagementModel } from '../../src/infrastructure/demo/engagement-model.js';
import { sampleLeads } from '../../src/infrastructure/demo/sample-leads.js';

const START = Date.parse('2026-01-05T00:00:00Z');
const HOUR = 3_600_000;

const email = (to: string, sequenceId: number, step: number) => ({
  from: 'marketing@example.com',
  to,
  subject: 'Hi',
  text: 'Hello',
  metadata: { sequence_id: sequenceId, lead_ext_id: `demo-${sequenceId}`, step_number: step, sequence_name: 'default_cold_lead_nurturing' },
});

const post = (url: string, body: unknown, key?: string) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...(key ? { 'idempotency-key': key } : {}) }, body: JSON.stringify(body) });

describe('demo email sink', () => {
  it('sends once per Idempotency-Key and answers a repeat with the first answer', async () => {
    const received: ReceivedEmail[] = [];
    const sink = await startEmailSink(() => START, (e) => received.push(e));
    try {
      const first = await post(sink.url, email('a@x.example', 7, 1), '7:1');
      const repeat = await post(sink.url, email('a@x.example', 7, 1), '7:1');
      expect(first.status).toBe(202);
      expect(repeat.status).toBe(202);
      expect(await repeat.json()).toEqual(await first.json());
      expect(received).toEqual([{ key: '7:1', to: 'a@x.example', sequenceId: 7, leadExtId: 'demo-7', step: 1, receivedAt: START }]);
      expect(sink.stats()).toEqual({ requests: 2, accepted: 1, duplicateKeys: 1, rejected: 0 });
    } finally {
      await sink.close();
    }
  });

  it('rejects a send without a key or with a payload missing a field', async () => {
    const sink = await startEmailSink(() => START, () => undefined);
    try {
      expect((await post(sink.url, email('a@x.example', 7, 1))).status).toBe(400);
      const { to: _to, ...noTo } = email('a@x.example', 8, 1);
      const bad = await post(sink.url, noTo, '8:1');
      expect(bad.status).toBe(400);
      expect(await bad.json()).toEqual({ error: 'to must be a non-empty string' });
      expect(sink.stats()).toMatchObject({ accepted: 0, rejected: 2 });
    } finally {
      await sink.close();
    }
  });
});

describe('demo engagement model and API', () => {
  const leads = sampleLeads(300, 42, START);

  it('makes the same leads and the same behaviour from the same seed, whatever the order of sends', () => {
    expect(sampleLeads(300, 42, START)).toEqual(leads);
    expect(sampleLeads(300, 43, START)).not.toEqual(leads);
    const a = new EngagementModel(42, leads);
    const b = new EngagementModel(42, leads);
    const forward = leads.map((l) => a.received(l.email, 1, START));
    const backward = [...leads].reverse().map((l) => b.received(l.email, 1, START)).reverse();
    expect(backward).toEqual(forward);
    expect(forward.filter((f) => f!.openedAt !== null).length).toBeGreaterThan(0);
    for (const f of forward) {
      if (f!.clickedAt !== null || f!.repliedAt !== null) expect(f!.openedAt).not.toBeNull();
      if (f!.clickedAt !== null) expect(f!.clickedAt).toBeGreaterThanOrEqual(f!.openedAt!);
    }
  });

  it('answers {opened, clicked, replied} as of the simulated clock', async () => {
    const model = new EngagementModel(42, leads);
    const probe = new EngagementModel(42, leads);
    const lead = leads.find((l) => typeof probe.received(l.email, 1, START)?.clickedAt === 'number')!;
    const fate = model.received(lead.email, 1, START)!;
    let now = START;
    const api = await startEngagementApi((address) => model.snapshot(address, now));
    const ask = async (address: string) => (await fetch(`${api.url}?email=${encodeURIComponent(address)}`)).json();
    try {
      expect(await ask(lead.email)).toEqual({ opened: false, clicked: false, replied: false });
      now = fate.clickedAt!;
      expect(await ask(lead.email)).toMatchObject({ opened: true, clicked: true });
      // The poller counts an answer for each email of its window: only those emails are answered about.
      expect(model.snapshot(lead.email, START + 7 * 24 * HOUR + 1)).toEqual({ opened: false, clicked: false, replied: false });
      expect(model.snapshot(lead.email, START + 7 * 24 * HOUR + 1, 8 * 24 * HOUR)).toMatchObject({ opened: true, clicked: true });
      now = START + 1000 * HOUR;
      expect(await ask('nobody@nowhere.example')).toEqual({ opened: false, clicked: false, replied: false });
      expect((await fetch(api.url)).status).toBe(400);
      expect(api.requests()).toBe(4);
    } finally {
      await api.close();
    }
  });
});
