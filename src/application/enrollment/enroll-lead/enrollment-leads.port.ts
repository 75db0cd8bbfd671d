/** A row of the user's `leads` table, as enrollment needs it. */
export interface EnrollableLead {
  extId: string;
  email: string | null;
  firstName: string | null;
  score: number | null;
  priority: string | null;
  /** Text fields of the row (first_name, company, …) for `{{placeholders}}`. */
  fields: Record<string, string | null>;
  /** The address is on the suppression list (bounced, unsubscribed, complained). */
  suppressed: boolean;
}

export interface EnrollmentLeads {
  findLead(extId: string): Promise<EnrollableLead | null>;
}

export const ENROLLMENT_LEADS = Symbol('EnrollmentLeads');
