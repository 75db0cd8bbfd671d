// Preconditions shared by the decisions: which statuses allow a command, and which inputs are sane.
import { InvalidStateError, ValidationError } from '../shared/errors.js';
import type { SequenceState, SequenceStatus } from './state.js';

export function requireStatus(state: SequenceState, allowed: readonly SequenceStatus[], action: string): void {
  if (!allowed.includes(state.status)) {
    const sequence = state.sequenceId === null ? 'sequence' : `sequence ${state.sequenceId}`;
    throw new InvalidStateError(`cannot ${action}: ${sequence} is ${state.status}, expected ${allowed.join(' or ')}`);
  }
}

export function requireText(value: string, field: string): void {
  if (typeof value !== 'string' || value.trim() === '') throw new ValidationError(field, 'must not be empty');
}

export function requireNonNegativeNumber(value: number, field: string): void {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new ValidationError(field, `must be a number >= 0, got ${JSON.stringify(value)}`);
  }
}
