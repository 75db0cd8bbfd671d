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

export interface LeadSource {
  /** Cold leads, oldest first, set-based: not suppressed, no open sequence. */
  findColdLeads(query: ColdLeadQuery): Promise<ColdLead[]>;
}
