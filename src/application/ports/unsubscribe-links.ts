/** The RFC 8058 one-click unsubscribe headers of a sequence's emails. */
export interface UnsubscribeLinks {
  headersFor(sequenceId: number): Record<string, string>;
}
