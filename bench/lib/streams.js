// Realistic sequence streams, made by the domain itself (decide + evolve), so every event has the
// exact shape the service writes and every stream is one the aggregate allows. Deterministic: the
// same seed gives the same streams. Each stream comes with its final state, which the cases use as
// the expected answer when they check the projected tables.
import { decide } from '../../dist/domain/sequence/decide.js';
import { sequenceStreamId } from '../../dist/domain/sequence/events.js';
import { evolve, initialState } from '../../dist/domain/sequence/state.js';
import { DEFAULT_TEMPLATE, DEFAULT_TEMPLATE_NAME } from '../../dist/domain/templates/default-template.js';
import { emailEventIdOf } from '../../dist/application/pipeline/email-identity.js';

export const DAY = 86_400_000;

/** The default template's steps as a SequenceStarted snapshot (what the pipeline stores). */
export const STEPS = DEFAULT_TEMPLATE.steps_config.map((s) => ({
  step: s.step,
  delayDays: s.delay_days,
  subjectTemplate: s.subject_template,
  bodyTemplate: s.body_template,
}));

/** mulberry32: a small, fast, seedable PRNG. */
export function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const iso = (ms) => new Date(ms).toISOString();

/** Builds one stream by running commands through the aggregate. */
export class StreamBuilder {
  constructor(sequenceId) {
    this.sequenceId = sequenceId;
    this.streamId = sequenceStreamId(sequenceId);
    this.state = initialState;
    this.events = [];
  }

  run(command, metadata) {
    const events = decide(command, this.state);
    for (const e of events) {
      this.state = evolve(this.state, e);
      this.events.push(metadata ? { ...e, metadata } : e);
    }
    return events;
  }

  start({ at, leadExtId, email, firstName, baseScore = null }) {
    return this.run(
      {
        type: 'StartSequence',
        data: {
          sequenceId: this.sequenceId,
          leadExtId: leadExtId ?? `lead_${this.sequenceId}`,
          email: email ?? `lead${this.sequenceId}@example.com`,
          firstName: firstName === undefined ? `Name${this.sequenceId}` : firstName,
          leadFields: { company: `Company ${this.sequenceId % 997}`, last_name: null },
          templateId: 1,
          templateName: DEFAULT_TEMPLATE_NAME,
          steps: STEPS,
          declaredTotalSteps: STEPS.length,
          baseScore,
          now: iso(at),
        },
      },
      { command: 'StartSequence', runId: 'run_bench_seed' },
    );
  }

  /** Reserve + EmailSent of the next step at `at` (the pipeline's two appends). */
  send(at, runId = 'run_bench_seed') {
    const step = this.state.currentStep + 1;
    const emailEventId = emailEventIdOf(this.sequenceId, step);
    this.run({ type: 'ReserveEmailSend', data: { step, emailEventId, runId, takeOverFrom: null, now: iso(at) } }, { command: 'ReserveEmailSend', runId });
    this.run(
      {
        type: 'RecordEmailSent',
        data: { step, emailEventId, providerMessageId: `msg_${this.sequenceId}_${step}`, subject: `Step ${step}`, dryRun: false, now: iso(at) },
      },
      { command: 'RecordEmailSent', runId },
    );
    return step;
  }

  engage(type, at, n, step, extra = {}) {
    return this.run(
      {
        type: 'RecordEngagement',
        data: {
          engagementType: type,
          providerEventId: `webhook:${this.sequenceId}-${step}-${type}-${n}`,
          step,
          occurredAt: iso(at),
          url: type === 'clicked' ? `https://example.com/pricing?s=${step}` : null,
          bounceKind: extra.bounceKind ?? 'hard',
          machineOpen: extra.machineOpen ?? false,
          minScoreToQualify: 50,
          now: iso(at),
        },
      },
      { command: 'RecordEngagement', source: 'webhook' },
    );
  }
}

/**
 * A realistic stream: started, then 1–3 steps sent, each with delivery, opens, some clicks, the odd
 * reply or bounce; qualification and completion follow from the aggregate's own rules. About 9–10
 * events per stream on average.
 */
export function realisticStream(sequenceId, rnd, startMs) {
  const b = new StreamBuilder(sequenceId);
  b.start({ at: startMs, baseScore: rnd() < 0.3 ? null : Math.floor(rnd() * 45) });
  const steps = 1 + Math.floor(rnd() * 3);
  let at = startMs;
  let n = 0;
  for (let s = 0; s < steps; s++) {
    if (b.state.status !== 'active') break;
    at += (b.state.nextSendAt ? Math.max(0, Date.parse(b.state.nextSendAt) - at) : 0) + 60_000;
    const step = b.send(at);
    if (rnd() < 0.02) {
      b.engage('bounced', at + 30_000, n++, step, { bounceKind: rnd() < 0.5 ? 'hard' : 'soft' });
      continue;
    }
    b.engage('delivered', at + 30_000, n++, step);
    const opens = rnd() < 0.55 ? 1 + Math.floor(rnd() * 3) : 0;
    for (let o = 0; o < opens; o++) b.engage('opened', at + 3_600_000 * (o + 1), n++, step, { machineOpen: rnd() < 0.1 });
    if (opens > 0 && rnd() < 0.25) b.engage('clicked', at + 3_600_000 * (opens + 1), n++, step);
    if (opens > 0 && rnd() < 0.06) b.engage('replied', at + 3_600_000 * (opens + 2), n++, step);
  }
  return b;
}

/** Streams until `events` events are reached; ids from `firstId`. */
export function realisticStreams({ events, streams, firstId = 1, seed = 42, startMs = Date.parse('2026-03-02T08:00:00Z') }) {
  const rnd = random(seed);
  const out = [];
  let total = 0;
  for (let id = firstId; (events === undefined || total < events) && (streams === undefined || out.length < streams); id++) {
    const b = realisticStream(id, rnd, startMs + (id - firstId) * 1000);
    out.push(b);
    total += b.events.length;
  }
  return { streams: out, events: total };
}

/** Expected read-model figures, from the streams' final states and events. */
export function expectedTallies(builders) {
  const byStatus = {};
  let emailsSent = 0;
  let engagementScore = 0;
  const byType = {};
  for (const b of builders) {
    byStatus[b.state.status] = (byStatus[b.state.status] ?? 0) + 1;
    engagementScore += b.state.engagementScore;
    for (const e of b.events) {
      byType[e.type] = (byType[e.type] ?? 0) + 1;
      if (e.type === 'EmailSent') emailsSent += 1;
    }
  }
  return { sequences: builders.length, byStatus, emailsSent, engagementScore, byType };
}

/**
 * The streams' events in time order (by occurredAt, as a live system appends them: a sequence's
 * emails and engagement are spread over days, between other sequences' events), cut into batches of
 * about `batchEvents` events; each batch holds each stream once, with the revision it must be at.
 */
export function interleavedBatches(builders, batchEvents) {
  const all = [];
  for (const b of builders) b.events.forEach((e, i) => all.push({ b, i, at: Date.parse(e.data.occurredAt) }));
  all.sort((x, y) => x.at - y.at || x.b.sequenceId - y.b.sequenceId || x.i - y.i);
  const batches = [];
  for (let k = 0; k < all.length; k += batchEvents) {
    const byStream = new Map();
    for (const { b, i } of all.slice(k, k + batchEvents)) {
      let s = byStream.get(b.streamId);
      if (!s) byStream.set(b.streamId, (s = { streamId: b.streamId, expectedRevision: i === 0 ? 'no_stream' : BigInt(i - 1), events: [] }));
      s.events.push(b.events[i]);
    }
    batches.push([...byStream.values()]);
  }
  return batches;
}
