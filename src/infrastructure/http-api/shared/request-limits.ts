// Bounds of request values only the HTTP layer sees (query filters, cursors, enum-like words,
// instants). Values the service records are bounded in domain/shared/input-limits.ts.

/** An enum-like word (`status`, `event_type`, `bounce_kind`, `reason`). */
export const MAX_WORD_LENGTH = 32;
/** An ISO-8601 instant or a day (`now`, `occurred_at`, `from`, `to`). */
export const MAX_INSTANT_LENGTH = 64;
/** A numeric keyset cursor (`next_cursor` of a sequences page). */
export const MAX_NUMERIC_CURSOR_LENGTH = 32;
