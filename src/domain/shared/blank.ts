// Blank text, as `String.prototype.trim` sees it, written as regular-expression classes that
// PostgreSQL's regular expressions read the same way: SQL that trims or tests addresses uses these,
// so it agrees with the domain's `trim()` character for character.

/** What `String.prototype.trim` removes (a bracket-expression body). */
export const BLANK_CHARACTERS = '\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff';
/** Matches text with something other than blanks in it. */
export const NON_BLANK_PATTERN = `[^${BLANK_CHARACTERS}]`;
/** Matches the leading and trailing blanks (replace globally with '' to trim). */
export const EDGE_BLANKS_PATTERN = `^[${BLANK_CHARACTERS}]+|[${BLANK_CHARACTERS}]+$`;
