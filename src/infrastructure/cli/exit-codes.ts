// Typed errors map once to exit codes, and to a one-line reason on stderr.
import { InvalidParameterError } from '../../application/pipeline/run-parameters.js';
import { ConcurrencyError } from '../../application/ports/event-store.js';
import { InvalidStateError, NotFoundError, ValidationError } from '../../domain/shared/errors.js';

export const EXIT = { ok: 0, failure: 1, invalidInput: 2, notFound: 3, conflict: 4 } as const;

export class CliUsageError extends Error {
  override readonly name = 'CliUsageError';
}

export function exitCodeFor(error: unknown): number {
  if (error instanceof ValidationError || error instanceof CliUsageError || error instanceof InvalidParameterError) return EXIT.invalidInput;
  if (error instanceof NotFoundError) return EXIT.notFound;
  if (error instanceof ConcurrencyError || error instanceof InvalidStateError) return EXIT.conflict;
  return EXIT.failure;
}
