// RecordEngagement and QualifyIfEligible: facts recorded once, stops, and qualification.
import { InvalidStateError, ValidationError } from '../shared/errors.js';
import type { SequenceCommand } from './commands.js';
import { decide } from './decide.js';
import {
  event,
  type EmailBounced,
  type EmailClicked,
  type EmailDelivered,
  type EmailOpened,
  type EmailReplied,
  type LeadQualified,
  type LeadUnsubscribed,
  type SequenceCompleted,
  type SequenceEvent,
  type SequencePaused,
  type SequenceStopped,
  type SpamComplained,
} from './events.js';
import { day, engage, sent, started } from './fixtures.js';
import { given } from './given-when-then.js';
import { replay } from './state.js';

const base = (id: string, atDay: number, step: number | null = 1) => ({ providerEventId: id, step, occurredAt: day(atDay) });
const delivered = (id: string, atDay: number) => event<EmailDelivered>('EmailDelivered', base(id, atDay));
const opened = (id: string, atDay: number, machineOpen = false) =>
  event<EmailOpened>('EmailOpened', { ...base(id, atDay), machineOpen });
const clicked = (id: string, atDay: number, url: string | null = null, step: number | null = 1) =>
  event<EmailClicked>('EmailClicked', { ...base(id, atDay, step), url });
const replied = (id: string, atDay: number) => event<EmailReplied>('EmailReplied', base(id, atDay));
const bounced = (id: string, atDay: number, bounceKind: 'hard' | 'soft' = 'hard') =>
  event<EmailBounced>('EmailBounced', { ...base(id, atDay), bounceKind });
const unsubscribed = (id: string, atDay: number) => event<LeadUnsubscribed>('LeadUnsubscribed', base(id, atDay));
const complained = (id: string, atDay: number) => event<SpamComplained>('SpamComplained', base(id, atDay));
const stopped = (atDay: number, reason: SequenceStopped['data']['reason']) =>
  event<SequenceStopped>('SequenceStopped', { reason, occurredAt: day(atDay) });
const paused = (atDay: number) => event<SequencePaused>('SequencePaused', { reason: 'inactive', occurredAt: day(atDay) });
const completedAll: SequenceEvent[] = [
  started(),
  sent(1, 0, day(3)),
  sent(2, 3, day(10)),
  sent(3, 10, null),
  event<SequenceCompleted>('SequenceCompleted', { occurredAt: day(10) }),
];
/** A fact that scores, as recorded: with the sequence's scores once it counts. */
const scored = <E extends SequenceEvent>(e: E, engagementScore: number, totalScore: number): E => ({ ...e, data: { ...e.data, engagementScore, totalScore } });
const qualifiedBy = (atDay: number, score: number, engagementScore: number, reason: string) =>
  event<LeadQualified>('LeadQualified', { score, engagementScore, reason, occurredAt: day(atDay) });
const qualifyIfEligible = (minScoreToQualify: number, atDay: number): SequenceCommand => ({
  type: 'QualifyIfEligible',
  data: { minScoreToQualify, now: day(atDay) },
});

describe('RecordEngagement: recording the fact', () => {
  it('maps each engagement type to its event', () => {
    const g = given([started()]);
    g.when(engage('delivered', 'p1', 1)).then([delivered('p1', 1)]);
    g.when(engage('opened', 'p1', 1)).then([scored(opened('p1', 1), 0, 30)]);
    g.when(engage('opened', 'p1', 1, { machineOpen: true })).then([opened('p1', 1, true)]);
    g.when(engage('clicked', 'p1', 1, { url: 'https://x.test/a' })).then([scored(clicked('p1', 1, 'https://x.test/a'), 8, 38)]);
    g.when(engage('clicked', 'p1', 1)).then([scored(clicked('p1', 1), 8, 38)]);
    g.when(engage('replied', 'p1', 1)).then([scored(replied('p1', 1), 15, 45)]);
  });

  it('keeps the time of the engagement apart from the time it is recorded', () => {
    given([started()])
      .when(engage('opened', 'p1', 1, { now: day(2), step: null }))
      .then([scored(event<EmailOpened>('EmailOpened', { ...base('p1', 1, null), machineOpen: false }), 0, 30)]);
  });

  it('attributes a fact without a step to the last email sent', () => {
    given([started(), sent(1, 0, day(3)), sent(2, 3, day(7))])
      .when(engage('clicked', 'p1', 4, { step: null }))
      .then([scored(clicked('p1', 4, null, 2), 8, 38)]);
  });

  it('is a no-op for a provider event id already seen, whatever its type', () => {
    given([started(), opened('p1', 1)]).when(engage('opened', 'p1', 1)).then([]);
    given([started(), opened('p1', 1)]).when(engage('replied', 'p1', 2)).then([]);
    given([started(), bounced('p9', 1), stopped(1, 'bounced')]).when(engage('bounced', 'p9', 1)).then([]);
  });

  it('needs a started sequence', () => {
    given([]).when(engage('opened', 'p1', 1)).then(InvalidStateError);
  });

  it('rejects bad input, naming the field', () => {
    const fieldOf = (command: SequenceCommand): string | undefined => {
      try {
        decide(command, replay([started()]));
      } catch (error) {
        return error instanceof ValidationError ? error.field : 'not a ValidationError';
      }
      return undefined;
    };
    expect(fieldOf(engage('opened', '', 1))).toBe('providerEventId');
    expect(fieldOf(engage('opened', 'p1', 1, { step: 4 }))).toBe('step');
    expect(fieldOf(engage('opened', 'p1', 1, { step: 0 }))).toBe('step');
    expect(fieldOf(engage('opened', 'p1', 1, { occurredAt: 'soon' }))).toBe('occurredAt');
    expect(fieldOf(engage('opened', 'p1', 1, { minScoreToQualify: Number.NaN }))).toBe('minScoreToQualify');
  });
});

describe('RecordEngagement: stopping', () => {
  it('stops on a hard bounce (the default kind), not on a soft one', () => {
    given([started()]).when(engage('bounced', 'b1', 1)).then([bounced('b1', 1), stopped(1, 'bounced')]);
    given([started()]).when(engage('bounced', 'b1', 1, { bounceKind: 'soft' })).then([bounced('b1', 1, 'soft')]);
  });

  it('stops on an unsubscribe or a spam complaint, also when paused', () => {
    given([started()]).when(engage('unsubscribed', 'u1', 1)).then([unsubscribed('u1', 1), stopped(1, 'unsubscribed')]);
    given([started(), paused(1)]).when(engage('complained', 'c1', 2)).then([complained('c1', 2), stopped(2, 'complained')]);
  });

  it('only records the fact on a sequence already over', () => {
    given(completedAll).when(engage('bounced', 'b1', 11)).then([bounced('b1', 11)]);
    given(completedAll).when(engage('unsubscribed', 'u1', 11)).then([unsubscribed('u1', 11)]);
    given([started(), stopped(1, 'manual')]).when(engage('complained', 'c1', 2)).then([complained('c1', 2)]);
  });
});

describe('RecordEngagement: qualifying', () => {
  it('qualifies when the total reaches the threshold with a reply or a click', () => {
    // base 30 + reply 15 + click 8 = 53
    given([started(), replied('r1', 1)])
      .when(engage('clicked', 'c1', 2))
      .then([scored(clicked('c1', 2), 23, 53), qualifiedBy(2, 53, 23, 'total score 53 >= 50 with 1 reply, 1 click')]);
  });

  it('does not qualify at 49, does at 50', () => {
    given([started({ baseScore: 26 }), replied('r1', 1)]).when(engage('clicked', 'c1', 2)).then([scored(clicked('c1', 2), 23, 49)]);
    given([started({ baseScore: 27 }), replied('r1', 1)])
      .when(engage('clicked', 'c1', 2))
      .then([scored(clicked('c1', 2), 23, 50), qualifiedBy(2, 50, 23, 'total score 50 >= 50 with 1 reply, 1 click')]);
  });

  it('never qualifies on opens alone, however high the score', () => {
    given([started({ baseScore: 46 }), opened('o1', 1), opened('o2', 1), opened('o3', 1)])
      .when(engage('opened', 'o4', 2))
      .then([scored(opened('o4', 2), 15, 61)]);
  });

  it('qualifies once opens push a clicker over the threshold', () => {
    // base 37 + click 8 = 45; the second open adds 5
    given([started({ baseScore: 37 }), clicked('c1', 1), opened('o1', 1)])
      .when(engage('opened', 'o2', 2))
      .then([scored(opened('o2', 2), 13, 50), qualifiedBy(2, 50, 13, 'total score 50 >= 50 with 0 replies, 1 click')]);
  });

  it('scores no machine open', () => {
    const history = [started({ baseScore: 37 }), clicked('c1', 1), opened('o1', 1)];
    given(history).when(engage('opened', 'o2', 2, { machineOpen: true })).then([opened('o2', 2, true)]);
  });

  it('honours the command threshold', () => {
    given([started(), replied('r1', 1)]).when(engage('clicked', 'c1', 2, { minScoreToQualify: 60 })).then([scored(clicked('c1', 2), 23, 53)]);
  });

  it('qualifies late engagement on a completed or paused sequence', () => {
    given([...completedAll, replied('r1', 11)])
      .when(engage('clicked', 'c1', 12))
      .then([scored(clicked('c1', 12), 23, 53), qualifiedBy(12, 53, 23, 'total score 53 >= 50 with 1 reply, 1 click')]);
    given([started(), paused(1), replied('r1', 2)])
      .when(engage('replied', 'r2', 3))
      .then([scored(replied('r2', 3), 25, 55), qualifiedBy(3, 55, 25, 'total score 55 >= 50 with 2 replies, 0 clicks')]);
  });

  it('does not qualify a stopped or already qualified lead', () => {
    given([started(), stopped(1, 'manual'), replied('r1', 2)]).when(engage('clicked', 'c1', 3)).then([scored(clicked('c1', 3), 23, 53)]);
    const q = qualifiedBy(2, 53, 23, 'r');
    given([started(), replied('r1', 1), clicked('c1', 2), q]).when(engage('clicked', 'c2', 3)).then([scored(clicked('c2', 3), 27, 57)]);
  });

  it('sends nothing after qualification', () => {
    const q = qualifiedBy(2, 53, 23, 'r');
    const after = replay([started(), replied('r1', 1), clicked('c1', 2), q]);
    expect(after).toMatchObject({ status: 'qualified', nextSendAt: null, qualifiedAt: day(2) });
  });
});

describe('QualifyIfEligible', () => {
  // base 30 + click 8 + reply 15 = 53, recorded while the threshold was 60
  const engaged = [started(), clicked('c1', 1), replied('r1', 1)];

  it('qualifies a lead that meets the (new) threshold', () => {
    given(engaged).when(qualifyIfEligible(60, 2)).then([]);
    given(engaged).when(qualifyIfEligible(50, 2)).then([qualifiedBy(2, 53, 23, 'total score 53 >= 50 with 1 reply, 1 click')]);
  });

  it('does nothing for a sequence that cannot qualify', () => {
    given([]).when(qualifyIfEligible(0, 2)).then([]);
    given([...engaged, stopped(1, 'manual')]).when(qualifyIfEligible(50, 2)).then([]);
    given([started({ baseScore: 90 })]).when(qualifyIfEligible(50, 2)).then([]);
  });
});

describe('RecordEngagement: when the fact happened', () => {
  const MINUTE = 1 / (24 * 60);
  const sentTwice = [started(), sent(1, 0, day(3)), sent(2, 3, day(10))];
  const claimed = (e: SequenceEvent, claimedAt: string): SequenceEvent => ({ ...e, data: { ...e.data, claimedOccurredAt: claimedAt } }) as SequenceEvent;

  it('believes a time up to five minutes ahead of the time received (clock skew)', () => {
    given(sentTwice)
      .when(engage('opened', 'o1', 4 + 5 * MINUTE, { now: day(4), step: 2 }))
      .then([scored(event<EmailOpened>('EmailOpened', { ...base('o1', 4 + 5 * MINUTE, 2), machineOpen: false }), 0, 30)]);
  });

  it('records a time further in the future as the time received, keeping the claimed one', () => {
    given(sentTwice)
      .when(engage('opened', 'o1', 400, { now: day(4), step: 2 }))
      .then([scored(claimed(event<EmailOpened>('EmailOpened', { ...base('o1', 4, 2), machineOpen: false }), day(400)), 0, 30)]);
  });

  it('records a time before its email was sent as the send time, keeping the claimed one', () => {
    given(sentTwice)
      .when(engage('clicked', 'c1', 1, { now: day(4), step: 2 }))
      .then([scored(claimed(clicked('c1', 3, null, 2), day(1)), 8, 38)]);
    // A fact naming no step is about the last email sent, so the same bound applies.
    given(sentTwice)
      .when(engage('replied', 'r1', 2, { now: day(4), step: null }))
      .then([scored(claimed(event<EmailReplied>('EmailReplied', base('r1', 3, 2)), day(2)), 15, 45)]);
  });

  it('records a time before the sequence started as its start, for an email not sent', () => {
    given([started()])
      .when(engage('delivered', 'd1', -2, { now: day(1), step: null }))
      .then([claimed(event<EmailDelivered>('EmailDelivered', base('d1', 0, null)), day(-2))]);
  });

  it('lets one future-dated open not keep the sequence from pausing 30 days later', () => {
    const history = [started(), sent(1, 0, day(3))];
    const open = decide(engage('opened', 'o1', 3650, { now: day(1) }), replay(history));
    expect(open).toEqual([scored(claimed(opened('o1', 1), day(3650)), 0, 30)]);
    given([...history, ...open])
      .when({ type: 'PauseIfInactive', data: { pauseAfterDays: 30, now: day(31) } })
      .then([paused(31)]);
  });
});

describe('RecordEngagement: what the reporter said', () => {
  it('keeps the details with the fact', () => {
    const details = { campaign_id: 'abc123', user_agent: 'Mozilla/5.0' };
    given([started()])
      .when(engage('opened', 'o1', 1, { details }))
      .then([scored({ ...opened('o1', 1), data: { ...opened('o1', 1).data, details } }, 0, 30)]);
    given([started()]).when(engage('opened', 'o1', 1, { details: {} })).then([scored(opened('o1', 1), 0, 30)]);
  });

  it('refuses details over their bounds, naming the field', () => {
    const fieldOf = (details: Record<string, unknown>): string | undefined => {
      try {
        decide(engage('opened', 'o1', 1, { details }), replay([started()]));
      } catch (error) {
        return error instanceof ValidationError ? error.field : 'not a ValidationError';
      }
      return undefined;
    };
    expect(fieldOf({ note: 'x'.repeat(1025) })).toBe('details');
    expect(fieldOf(Object.fromEntries(Array.from({ length: 33 }, (_, i) => [`k${i}`, i])))).toBe('details');
    expect(fieldOf({ nested: { a: 'x'.repeat(1000), b: 'x'.repeat(1000), c: 'x'.repeat(1000), d: 'x'.repeat(1000), e: 'x'.repeat(200) } })).toBe('details');
    expect(fieldOf({ note: 'x'.repeat(1024) })).toBeUndefined();
  });
});
