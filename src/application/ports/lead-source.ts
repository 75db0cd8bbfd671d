// The user's `leads` table, read-only: the one port of it, for the pipeline (cold leads) and for
// manual enrollment (one lead).
/** A lead as the pipeline needs it: identity, scoring inputs, and the fields templates use. */
export interface ColdLead {
  extId: string;
  email: string;
  firstName: string | null;
  score: number | null;
  priority: string | null;
  createdAt: string;
  /** Text fields of the lead row (first_name, last_name, company, …) for rendering. */
  fields: Record<string, string | null>;
}

export interface ColdLeadQuery {
  /** Leads created at or after this instant (the 90-day window, from the run's `now`). */
  createdSince: string;
  scoreBelow: number;
  priority: string;
  /** Statuses of a sequence that keep a lead from a new one. */
  openStatuses: readonly string[];
  limit: number;
}

/** A row of the `leads` table, as enrollment needs it. */
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

export interface LeadSource {
  /** Cold leads, oldest first, set-based: not suppressed, no open sequence. */
  findColdLeads(query: ColdLeadQuery): Promise<ColdLead[]>;
  /** One lead by its ext_id, whatever its extra columns; null when there is none. */
  findLead(extId: string): Promise<EnrollableLead | null>;
}

export const LEAD_SOURCE = Symbol('LeadSource');
