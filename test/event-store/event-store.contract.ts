// The event store contract: one jest suite that every adapter of the `EventStore` port runs against
// a real backend. `setup` runs once per suite; cases keep apart by using their own stream ids.
import type { EventStore } from '../../src/application/ports/event-store.js';
import { concurrencyCases } from './concurrency.cases.js';
import { logCases } from './log.cases.js';
import { streamCases } from './stream.cases.js';

/** A transaction of its own on a session of its own (adapters whose writers can hold one open). */
export interface TransactionSession {
  /** Appends inside this transaction. */
  store: EventStore;
  /** Makes the transaction take its id now, before it appends anything. */
  takeTransactionId(): Promise<void>;
  commit(): Promise<void>;
  /** Rolls back (also after a failed statement) and frees the session. */
  rollback(): Promise<void>;
}

export interface EventStoreSubject {
  store: EventStore;
  /** Required when `ContractOptions.transactions` is set. */
  beginTransaction?(): Promise<TransactionSession>;
  teardown(): Promise<void>;
}

export interface ContractOptions {
  /** Why several sessions cannot write at once on this backend: the concurrency cases are skipped
   * and this reason is printed in their title. */
  concurrencySkipReason?: string;
  /** The subject offers `beginTransaction`: run the held-transaction cases. */
  transactions?: boolean;
}

export type SubjectAccess = () => EventStoreSubject;

export function eventStoreContract(
  name: string,
  setup: () => Promise<EventStoreSubject>,
  options: ContractOptions = {},
): void {
  describe(`${name} satisfies the event store contract`, () => {
    let subject: EventStoreSubject | undefined;
    beforeAll(async () => {
      subject = await setup();
    });
    afterAll(() => subject?.teardown());
    const access: SubjectAccess = () => {
      if (!subject) throw new Error('the contract subject failed to set up');
      return subject;
    };
    streamCases(access);
    logCases(access);
    concurrencyCases(access, options);
  });
}
