// Stream revisions over HTTP. Internally a bigint; in JSON a number (revisions of one sequence stay
// far below 2^53). `expected_revision` is accepted as a JSON number or a string of digits.
import { ValidateBy, type ValidationOptions } from 'class-validator';

export function IsRevision(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isRevision',
      validator: {
        validate: (value: unknown) =>
          (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) ||
          (typeof value === 'string' && /^\d{1,15}$/.test(value)),
        defaultMessage: (args) => `${args?.property ?? 'expected_revision'} must be a non-negative integer (a number or a string of digits)`,
      },
    },
    options,
  );
}

/** The validated `expected_revision` as the bigint the command takes. */
export const expectedRevisionOf = (value: number | string | null | undefined): bigint | undefined =>
  value === undefined || value === null ? undefined : BigInt(value);

export const revisionJson = (revision: bigint): number => Number(revision);
