// Reproducible randomness for the demo: every stream of numbers is named by the parts it is drawn
// for (seed, lead, step...), so what a lead does never depends on the order things happen in.
import { createHash } from 'node:crypto';

export type Random = () => number;

/** Numbers in [0, 1) from sfc32, seeded by SHA-256 of the parts. */
export function seededRandom(...parts: (string | number)[]): Random {
  const h = createHash('sha256').update(parts.join('\u0000')).digest();
  let a = h.readUInt32LE(0);
  let b = h.readUInt32LE(4);
  let c = h.readUInt32LE(8);
  let d = h.readUInt32LE(12);
  return () => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4_294_967_296;
  };
}

export const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

/** One of the keys, with probability proportional to its weight. */
export function weighted<K extends string>(random: Random, weights: readonly (readonly [K, number])[]): K {
  const total = weights.reduce((sum, [, w]) => sum + w, 0);
  let x = random() * total;
  for (const [key, w] of weights) {
    x -= w;
    if (x < 0) return key;
  }
  return weights[weights.length - 1]![0];
}

/** An exponentially distributed wait with the given mean. */
export const exponential = (random: Random, mean: number): number => -Math.log(1 - random()) * mean;
