/** Finds the streams that belong to a lead (all its sequences, past and present). */
export interface LeadStreamIndex {
  streamsOfLead(leadExtId: string): Promise<string[]>;
}

export const LEAD_STREAM_INDEX = Symbol('LeadStreamIndex');
