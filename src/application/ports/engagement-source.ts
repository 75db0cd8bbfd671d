/** What the engagement API knows about an address (the specification's response). */
export interface EngagementSnapshot {
  opened: boolean;
  clicked: boolean;
  replied: boolean;
}

export interface EngagementSource {
  /** Throws on failure (after its retries). */
  engagementOf(email: string): Promise<EngagementSnapshot>;
}
