// Typed errors, mapped once to HTTP statuses and CLI exit codes in infrastructure.

/** Input that breaks a rule; `field` names the offending field. */
export class ValidationError extends Error {
  override readonly name = 'ValidationError';
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(`${field}: ${message}`);
  }
}

/** A command that the aggregate's current state does not allow. */
export class InvalidStateError extends Error {
  override readonly name = 'InvalidStateError';
}

/** The thing a command addresses does not exist. */
export class NotFoundError extends Error {
  override readonly name = 'NotFoundError';
}
