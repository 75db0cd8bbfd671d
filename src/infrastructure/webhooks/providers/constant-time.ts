// Secret comparisons that take the same time whatever the input: both sides are hashed to equal
// lengths first, so neither the content nor the length of the expected value leaks.
import { createHash, timingSafeEqual } from 'node:crypto';

export function constantTimeEqual(a: Buffer | string, b: Buffer | string): boolean {
  const digest = (value: Buffer | string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(a), digest(b));
}
