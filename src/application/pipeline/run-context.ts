import type { ColdLead } from '../ports/lead-source.js';
import type { PreviewEmail } from './dry-run/dry-run-preview.js';
import type { UsableTemplates } from '../templates/usable-templates.js';
import type { RunParameters } from './run-parameters.js';

/** What one run knows and passes from step to step. */
export interface RunContext {
  runId: string;
  now: string;
  params: RunParameters;
  coldLeads: ColdLead[];
  /** Loaded by the get_or_create_sequence_template step. */
  templates: UsableTemplates | null;
  /** Emails left in this run's budget (`max_emails_per_run`). */
  sendBudget: number;
  /** A dry run's rendered emails (null in a real run). */
  previewEmails?: PreviewEmail[] | null;
}
