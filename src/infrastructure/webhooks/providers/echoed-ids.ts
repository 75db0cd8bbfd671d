// Our ids as providers echo them back (custom args, user variables, metadata, tags): SendGrid and
// SES turn every value into a string, others keep numbers. A value that is not a positive integer
// is treated as absent: the report still matches by provider message id or email, and one odd
// value never makes a provider retry a whole batch.
import { type JsonObject, isObject } from './payload-reader.js';

export interface EchoedIds {
  sequenceId: number | null;
  step: number | null;
  leadExtId: string | null;
}

export function positiveInteger(value: unknown): number | null {
  if (Array.isArray(value)) return value.length === 1 ? positiveInteger(value[0]) : null;
  const n = typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : value;
  return typeof n === 'number' && Number.isSafeInteger(n) && n > 0 ? n : null;
}

/** `sequence_id`, `step_number` and `lead_ext_id` read from a flat record of echoed values. */
export function echoedIds(values: unknown): EchoedIds {
  const record: JsonObject = isObject(values) ? values : {};
  const lead = Array.isArray(record.lead_ext_id) ? record.lead_ext_id[0] : record.lead_ext_id;
  return {
    sequenceId: positiveInteger(record.sequence_id),
    step: positiveInteger(record.step_number),
    leadExtId: typeof lead === 'string' && lead !== '' ? lead : typeof lead === 'number' ? String(lead) : null,
  };
}

/** `lead_ext_id`, when echoed, kept in the report's metadata. */
export const leadMetadata = (ids: EchoedIds): JsonObject => (ids.leadExtId === null ? {} : { lead_ext_id: ids.leadExtId });
