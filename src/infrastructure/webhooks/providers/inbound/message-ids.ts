// Message ids as they appear in Message-ID, In-Reply-To and References: `<id@host>` tokens,
// possibly several, separated by spaces, folding or commas, with (comments). Returned without the
// angle brackets. Values written without brackets (some tools do) are split on whitespace/commas.
import { bareMessageId } from '../bare-message-id.js';

export function messageIdsOf(value: string | null | undefined): string[] {
  if (!value) return [];
  const withoutComments = value.replace(/\([^()]*\)/g, ' ');
  const bracketed = [...withoutComments.matchAll(/<([^<>]*)>/g)].map((m) => m[1]!.trim());
  const ids = bracketed.length > 0 ? bracketed : withoutComments.split(/[\s,]+/);
  return ids.map(bareMessageId).filter((id) => id !== '');
}

/** `<abc@host>` → `abc@host`. */
export const normaliseMessageId = bareMessageId;

/** The address of a From header: `"Jane" <jane@x.com>` → `jane@x.com`. */
export function addressOf(value: string | null): string | null {
  if (!value) return null;
  const angled = [...value.matchAll(/<([^<>@\s]+@[^<>\s]+)>/g)].pop();
  const address = angled ? angled[1]! : /[^\s<>"',;]+@[^\s<>"',;]+/.exec(value)?.[0];
  return address ? address.trim() : null;
}
