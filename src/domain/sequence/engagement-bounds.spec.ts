// A sequence records at most MAX_FACTS_PER_TYPE facts of each engagement type, so a flood of
// distinct provider event ids cannot grow its state (or slow its decisions) without limit.
import fc from 'fast-check';
import { ValidationError } from '../shared/errors.js';
import { MAX_RECORDED_EVENT_ID_LENGTH, MAX_URL_LENGTH } from '../shared/input-limits.js';
import type { EngagementType } from './commands.js';
import { recordEngagement } from './decide-engagement.js';
import { MAX_FACTS_PER_TYPE } from './engagement-bounds.js';
import { event, type EmailBounced, type EmailDelivered, type EmailOpened, type SequenceEvent, type SequenceStopped } from './events.js';
import { day, engage, sent, started } from './fixtures.js';
import { given } from './given-when-then.js';
import { evolve, replay, type SequenceState } from './state.js';

const base = (id: string) => ({ providerEventId: id, step: 1, occurredAt: day(3) });
const opened = (id: string) => event<EmailOpened>('EmailOpened', { ...base(id), machineOpen: false });
const delivered = (id: string) => event<EmailDelivered>('EmailDelivered', base(id));
const softBounce = (id: string) => event<EmailBounced>('EmailBounced', { ...base(id), bounceKind: 'soft' });
const history = (...facts: SequenceEvent[]): SequenceEvent[] => [started(), sent(1, 2, day(5)), ...facts];
const many = <T>(n: number, make: (i: number) => T): T[] => Array.from({ length: n }, (_, i) => make(i));

describe('engagement bounds', () => {
  it('given MAX_FACTS_PER_TYPE opens, when another distinct open arrives, then nothing is recorded', () => {
    given(history(...many(MAX_FACTS_PER_TYPE, (i) => opened(`o${i}`)))).when(engage('opened', 'o-new', 3)).then([]);
  });

  it('given MAX_FACTS_PER_TYPE opens, when a delivery arrives, then it is recorded: each type has its own bound', () => {
    given(history(...many(MAX_FACTS_PER_TYPE, (i) => opened(`o${i}`)))).when(engage('delivered', 'd1', 3)).then([delivered('d1')]);
  });

  it('given MAX_FACTS_PER_TYPE soft bounces, when a hard bounce arrives, then it is still recorded and stops the sequence', () => {
    const stopped = event<SequenceStopped>('SequenceStopped', { reason: 'bounced', occurredAt: day(3) });
    given(history(...many(MAX_FACTS_PER_TYPE, (i) => softBounce(`b${i}`))))
      .when(engage('bounced', 'hard-1', 3, { bounceKind: 'hard' }))
      .then([event<EmailBounced>('EmailBounced', { ...base('hard-1'), bounceKind: 'hard' }), stopped]);
  });

  it('given the bound reached, when the earliest id comes again, then it is still a repeat (nothing is forgotten)', () => {
    given(history(...many(MAX_FACTS_PER_TYPE, (i) => opened(`o${i}`)))).when(engage('opened', 'o0', 3)).then([]);
  });

  it('refuses an id or a url over its bound, naming the field', () => {
    given(history()).when(engage('opened', 'x'.repeat(MAX_RECORDED_EVENT_ID_LENGTH + 1), 3)).then(ValidationError);
    given(history()).when(engage('clicked', 'c1', 3, { url: `https://e.com/${'a'.repeat(MAX_URL_LENGTH)}` })).then(ValidationError);
  });

  it('property: whatever arrives, the seen list never holds more than 7 × MAX_FACTS_PER_TYPE + 1 ids, and replay agrees with live', () => {
    const types: EngagementType[] = ['delivered', 'opened', 'clicked', 'replied', 'bounced', 'unsubscribed', 'complained'];
    fc.assert(
      fc.property(
        // Opens weighted so that most runs pass their bound; ids repeat now and then.
        fc.array(fc.tuple(fc.constantFrom(...types, 'opened', 'opened', 'opened'), fc.integer({ min: 0, max: 5000 }), fc.boolean()), { minLength: 600, maxLength: 1500 }),
        (facts) => {
          let state: SequenceState = replay(history());
          const log: SequenceEvent[] = history();
          for (const [type, n, soft] of facts) {
            const decided = recordEngagement(engage(type, `p${n}`, 3, type === 'bounced' ? { bounceKind: soft ? 'soft' : 'hard' } : {}), state);
            log.push(...decided.events);
            state = decided.events.reduce(evolve, state);
          }
          expect(state.seenProviderEventIds.length).toBeLessThanOrEqual(7 * MAX_FACTS_PER_TYPE + 1);
          for (const count of Object.values(state.factsByType)) expect(count).toBeLessThanOrEqual(MAX_FACTS_PER_TYPE + 1);
          expect(replay(log)).toEqual(state);
        },
      ),
      { numRuns: 15 },
    );
  });
});
