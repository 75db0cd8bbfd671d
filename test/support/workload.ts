// A random but reproducible workload of sequence commands, driven through the real command
// path (load → decide → append), for projection and replay tests.
import fc from 'fast-check';
import type { EventStore } from '../../src/application/ports/event-store.js';
import { executeSequenceCommand } from '../../src/application/sequences/execute-sequence-command.js';
import type { EngagementType, SequenceCommand } from '../../src/domain/sequence/commands.js';
import type { StepSnapshot } from '../../src/domain/sequence/events.js';
import { InvalidStateError, ValidationError } from '../../src/domain/shared/errors.js';

export const STEPS: StepSnapshot[] = [
  { step: 1, delayDays: 0, subjectTemplate: 'Hola {{first_name}}', bodyTemplate: 'Uno' },
  { step: 2, delayDays: 2, subjectTemplate: 'Seguimiento', bodyTemplate: 'Dos' },
  { step: 3, delayDays: 5, subjectTemplate: 'Último', bodyTemplate: 'Tres' },
];

export type Operation =
  | { kind: 'send'; lead: number }
  | { kind: 'fail'; lead: number }
  | {
      kind: 'engage';
      lead: number;
      type: EngagementType;
      eventNo: number;
      machine: boolean;
      /** The reported time, this many hours from now: far ahead or before the send, it is clamped. */
      claimHours?: number;
      /** What the reporter said beside the fact (service keys among them are never merged). */
      details?: Record<string, unknown>;
    }
  | { kind: 'pause' | 'resume' | 'stop' | 'autoPause'; lead: number }
  | { kind: 'advance'; hours: number }
  | { kind: 'project' };

const ENGAGEMENTS: EngagementType[] = ['delivered', 'opened', 'opened', 'opened', 'clicked', 'replied', 'bounced', 'unsubscribed', 'complained'];

export const operationArb = (leads: number): fc.Arbitrary<Operation> => {
  const lead = fc.integer({ min: 0, max: leads - 1 });
  return fc.oneof(
    { weight: 5, arbitrary: fc.record({ kind: fc.constant('send' as const), lead }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('fail' as const), lead }) },
    {
      weight: 6,
      arbitrary: fc.record({
        kind: fc.constant('engage' as const),
        lead,
        type: fc.constantFrom(...ENGAGEMENTS),
        eventNo: fc.integer({ min: 0, max: 6 }), // small range: repeated provider ids happen
        machine: fc.boolean(),
        claimHours: fc.oneof({ weight: 3, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.integer({ min: -24 * 10, max: 24 * 10 }) }),
        details: fc.option(
          fc.dictionary(fc.constantFrom('campaign_id', 'user_agent', 'n', 'clicked_urls', 'bounce_kind', 'claimed_opened_at'), fc.oneof(fc.string({ maxLength: 8 }), fc.integer())),
          { nil: undefined },
        ),
      }),
    },
    { weight: 2, arbitrary: fc.record({ kind: fc.constantFrom('pause' as const, 'resume' as const, 'stop' as const, 'autoPause' as const), lead }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('advance' as const), hours: fc.integer({ min: 1, max: 24 * 20 }) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('project' as const) }) },
  );
};

export interface WorkloadDriver {
  store: EventStore;
  /** Called for `project` operations (live projection in the middle of the workload). */
  project(): Promise<void>;
  /** Called before the operation at each index (other writers acting in the middle of the workload). */
  before?(index: number): Promise<void>;
}

/** Starts one sequence per lead (ids firstId…), then plays the operations. Returns the sequence ids. */
export async function playWorkload(driver: WorkloadDriver, leads: number, ops: Operation[], firstId = 1): Promise<number[]> {
  let now = Date.parse('2026-01-05T08:00:00.000Z');
  const iso = () => new Date(now).toISOString();
  const ids = Array.from({ length: leads }, (_, i) => firstId + i);
  const sendCounter = new Map<number, number>();
  for (const [i, sequenceId] of ids.entries()) {
    await run(driver.store, sequenceId, {
      type: 'StartSequence',
      data: {
        sequenceId,
        leadExtId: `lead_${i}`,
        email: `lead${i}@example.com`,
        firstName: `Lead ${i}`,
        leadFields: { company: `Company ${i}` },
        templateId: 1,
        templateName: 'default_cold_lead_nurturing',
        steps: STEPS,
        declaredTotalSteps: 3,
        baseScore: i % 3 === 0 ? null : 25 + 2 * i,
        now: iso(),
      },
    });
  }
  for (const [index, op] of ops.entries()) {
    await driver.before?.(index);
    if (op.kind === 'advance') {
      now += op.hours * 3_600_000;
      continue;
    }
    if (op.kind === 'project') {
      await driver.project();
      continue;
    }
    const sequenceId = ids[op.lead]!;
    const step = (sendCounter.get(sequenceId) ?? 0) + 1;
    const command = commandFor(op, sequenceId, step, iso());
    const decided = await run(driver.store, sequenceId, command);
    if (op.kind === 'send' && decided) sendCounter.set(sequenceId, step);
  }
  return ids;
}

function commandFor(op: Exclude<Operation, { kind: 'advance' | 'project' }>, sequenceId: number, step: number, now: string): SequenceCommand {
  switch (op.kind) {
    case 'send':
      return { type: 'RecordEmailSent', data: { step, emailEventId: emailId(sequenceId, step), providerMessageId: `msg-${sequenceId}-${step}`, subject: `Subject ${step}`, dryRun: false, now } };
    case 'fail':
      return { type: 'RecordEmailSendFailed', data: { step, emailEventId: emailId(sequenceId, step), error: 'HTTP 503', attempts: 3, now } };
    case 'engage':
      return {
        type: 'RecordEngagement',
        data: {
          engagementType: op.type,
          providerEventId: `${sequenceId}-${op.type}-${op.eventNo}`,
          step: step > 1 ? step - 1 : null,
          occurredAt: new Date(Date.parse(now) + (op.claimHours ?? 0) * 3_600_000).toISOString(),
          ...(op.details === undefined ? {} : { details: op.details }),
          url: op.type === 'clicked' ? `https://example.com/${op.eventNo}` : null,
          bounceKind: op.eventNo % 2 ? 'soft' : 'hard',
          machineOpen: op.type === 'opened' && op.machine,
          minScoreToQualify: 50,
          now,
        },
      };
    case 'pause':
      return { type: 'PauseSequence', data: { reason: 'manual', now } };
    case 'resume':
      return { type: 'ResumeSequence', data: { now } };
    case 'stop':
      return { type: 'StopSequence', data: { reason: 'manual', now } };
    case 'autoPause':
      return { type: 'PauseIfInactive', data: { pauseAfterDays: 30, now } };
  }
}

/** A deterministic uuid per (sequence, step), like the pipeline's reservation id. */
export function emailId(sequenceId: number, step: number): string {
  const hex = (sequenceId * 100 + step).toString(16).padStart(12, '0');
  return `00000000-0000-4000-8000-${hex}`;
}

/** Runs a command; a command the state does not allow is skipped (returns false). */
async function run(store: EventStore, sequenceId: number, command: SequenceCommand): Promise<boolean> {
  try {
    const result = await executeSequenceCommand(store, sequenceId, command);
    return result.events.length > 0;
  } catch (error) {
    if (error instanceof InvalidStateError || error instanceof ValidationError) return false;
    throw error;
  }
}
