// The longest values the service accepts from outside (HTTP commands, webhooks, analysts' rows)
// and records. One list, so a value has the same bound whichever door it comes through; limits
// that only the HTTP layer knows (cursors, query filters) are in
// infrastructure/http-api/shared/request-limits.ts. Lengths are in UTF-16 code units (`length`).

/** A provider's (or caller's) own id for an engagement fact, a delivery id, a message id. */
export const MAX_PROVIDER_ID_LENGTH = 256;
/** An id the aggregate records for a fact: a provider's own, or one derived from several of its
 * fields (Postmark: type, message id, recipient, time), so longer than one id. */
export const MAX_RECORDED_EVENT_ID_LENGTH = 1024;
/** An email address: 320 is the common bound (64 local part + @ + 255 domain). */
export const MAX_EMAIL_LENGTH = 320;
/** A URL (a clicked link): what browsers and CDNs reliably carry. */
export const MAX_URL_LENGTH = 2048;
/** `leads.ext_id`. */
export const MAX_EXT_ID_LENGTH = 256;
/** A template's name, and its priority filter. */
export const MAX_TEMPLATE_NAME_LENGTH = 200;
/** Free text a person writes: a template's description. */
export const MAX_DESCRIPTION_LENGTH = 1000;
/** A step's subject template: one header line (RFC 5322 §2.1.1). */
export const MAX_SUBJECT_TEMPLATE_LENGTH = 998;
/** A step's body template. */
export const MAX_BODY_TEMPLATE_LENGTH = 100_000;
/** Steps in one template. */
export const MAX_TEMPLATE_STEPS = 100;
/** A suppression's note. */
export const MAX_NOTE_LENGTH = 500;

/** The message for a value over its bound (the same words everywhere). */
export const tooLong = (max: number): string => `must be at most ${max} characters`;
