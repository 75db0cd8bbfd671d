// stop_on_reply: a reply that does not qualify the lead ends the automated follow-ups (reason
// `replied`). Off by default: the specification's scoring, where a second reply scores +25.
import { event, type EmailReplied, type LeadQualified, type SequenceStopped } from './events.js';
import { day, engage, sent, started } from './fixtures.js';
import { given } from './given-when-then.js';

/** A first reply, as recorded: +15 over the base score. */
const replied = (id: string, atDay: number, baseScore = 0) =>
  event<EmailReplied>('EmailReplied', { providerEventId: id, step: 1, occurredAt: day(atDay), engagementScore: 15, totalScore: baseScore + 15 });
const stoppedReplied = (atDay: number) => event<SequenceStopped>('SequenceStopped', { reason: 'replied', occurredAt: day(atDay) });

describe('stop_on_reply', () => {
  it('given it is off (the default), when the lead replies, then the sequence goes on', () => {
    given([started({ baseScore: 0 }), sent(1, 0, day(3))]).when(engage('replied', 'r1', 1)).then([replied('r1', 1)]);
  });

  it('given the service turns it on, when a reply does not qualify, then the sequence stops (replied)', () => {
    given([started({ baseScore: 0 }), sent(1, 0, day(3))])
      .when(engage('replied', 'r1', 1, { stopOnReply: true }))
      .then([replied('r1', 1), stoppedReplied(1)]);
  });

  it('given the template says false, then the service\'s true does not stop it (the template wins)', () => {
    given([started({ baseScore: 0, stopOnReply: false }), sent(1, 0, day(3))])
      .when(engage('replied', 'r1', 1, { stopOnReply: true }))
      .then([replied('r1', 1)]);
  });

  it('given the template says true, then a reply stops it with the service off', () => {
    given([started({ baseScore: 0, stopOnReply: true }), sent(1, 0, day(3))]).when(engage('replied', 'r1', 1)).then([replied('r1', 1), stoppedReplied(1)]);
  });

  it('given the reply qualifies the lead, then it qualifies (not stopped)', () => {
    const qualified = event<LeadQualified>('LeadQualified', {
      score: 45, engagementScore: 15, reason: 'total score 45 >= 40 with 1 reply, 0 clicks', occurredAt: day(1),
    });
    given([started({ baseScore: 30, stopOnReply: true }), sent(1, 0, day(3))])
      .when(engage('replied', 'r1', 1, { minScoreToQualify: 40 }))
      .then([replied('r1', 1, 30), qualified]);
  });

  it('given a completed sequence, when the lead replies, then the reply is recorded and nothing stops', () => {
    given([started({ baseScore: 0, stopOnReply: true }), sent(1, 0, day(3)), sent(2, 3, day(10)), sent(3, 10, null), event('SequenceCompleted', { occurredAt: day(10) })])
      .when(engage('replied', 'r1', 11))
      .then([replied('r1', 11)]);
  });
});
