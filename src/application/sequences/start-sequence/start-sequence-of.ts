import type { StartSequence } from '../../../domain/sequence/commands.js';
import type { StepSnapshot } from '../../../domain/sequence/events.js';

export interface EnrolledLead {
  extId: string;
  email: string;
  firstName: string | null;
  score: number | null;
  fields: Record<string, string | null>;
}

export interface EnrollingTemplate {
  id: number | null;
  name: string;
  steps: StepSnapshot[];
  declaredTotalSteps: number;
  /** The template's `stop_on_reply`; null/absent = the service's. */
  stopOnReply?: boolean | null;
  /** The template's `default_fallback`, snapshotted into the sequence; absent = none. */
  defaultFallback?: string | null;
}

/** The domain command that enrolls `lead` in `template` as sequence `sequenceId`. */
export const startSequenceOf = (sequenceId: number, lead: EnrolledLead, template: EnrollingTemplate, now: string): StartSequence => ({
  type: 'StartSequence',
  data: {
    sequenceId,
    leadExtId: lead.extId,
    email: lead.email,
    firstName: lead.firstName,
    leadFields: lead.fields,
    templateId: template.id,
    templateName: template.name,
    steps: template.steps,
    declaredTotalSteps: template.declaredTotalSteps,
    defaultFallback: template.defaultFallback ?? null,
    baseScore: lead.score,
    stopOnReply: template.stopOnReply ?? null,
    now,
  },
});
