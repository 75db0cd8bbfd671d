/** Brings the projected read tables up to date with the event log before a query reads them,
 * so an answer reflects every command acknowledged before it (read-your-writes). */
export interface ReadModelSync {
  catchUp(): Promise<void>;
}

export const READ_MODEL_SYNC = Symbol('ReadModelSync');
