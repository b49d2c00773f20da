import { CHAR_SEED } from './features.js';
import type { LearnedModel } from './model.js';

/**
 * Where in a long text the learned layer should look. Scoring every piece exactly costs ~0.7 µs per
 * character per piece; this pass instead hashes, at every word start, the character 3–5-grams that begin
 * with the space before the word (the same FNV-1a slots as features.ts for plain text), sums their int8
 * weights per segment and ranks windows of a few segments. Linear, with three lookups per word rather than
 * per character, into a table a quarter the size of the float weights, so a 1 MiB pass stays in cache.
 * The best windows are then scored exactly. An approximation for ranking only: it skips NFKC and
 * whitespace folding, and a word's inner grams.
 */
const SEGMENT = 128;
const WINDOW_SEGMENTS = 3;
const CANDIDATES = 3;
const FNV_PRIME = 0x01000193;
const SPACE = 32;

export function candidateWindows(text: string, model: LearnedModel): [number, number][] {
  const sum = segmentSums(text, model);
  const windowSum = new Float64Array(sum.length);
  for (let s = 0; s < sum.length; s++) for (let k = s; k < Math.min(sum.length, s + WINDOW_SEGMENTS); k++) windowSum[s] += sum[k];
  const out: [number, number][] = [];
  for (const start of topIndices(windowSum, CANDIDATES)) {
    const from = Math.min(text.length, start * SEGMENT);
    out.push([from, Math.min(text.length, from + WINDOW_SEGMENTS * SEGMENT)]);
  }
  return out;
}

/** Indices of the `count` largest values, largest first, the earlier index first among equals. Linear for a small count. */
function topIndices(values: Float64Array, count: number): number[] {
  const chosen: number[] = [];
  for (let c = 0; c < Math.min(count, values.length); c++) {
    let best = -1;
    for (let i = 0; i < values.length; i++) if (!chosen.includes(i) && (best < 0 || values[i] > values[best])) best = i;
    chosen.push(best);
  }
  return chosen;
}

/** Per segment, the summed weights of the word-start grams; segments are equal-sized, so sums compare. */
function segmentSums(text: string, model: LearnedModel): Float64Array {
  const lower = text.toLowerCase();
  const table = model.quantised ?? Int8Array.from(model.weights, (w) => Math.max(-127, Math.min(127, Math.round(w * 64))));
  const mask = table.length - 1;
  const sum = new Float64Array(Math.ceil((lower.length + 2) / SEGMENT));
  const seed = Math.imul(((0x811c9dc5 ^ CHAR_SEED) >>> 0) ^ SPACE, FNV_PRIME);
  const code = (i: number) => (i < lower.length ? lower.charCodeAt(i) : SPACE);
  // Padded like features.ts (" text "): position p here is character p - 1 of the text.
  let previous = SPACE;
  for (let i = 0; i < lower.length; i++) {
    const c = lower.charCodeAt(i);
    // A word starts after any whitespace or control character, which features.ts folds to one space.
    const starts = previous <= SPACE && c > SPACE;
    previous = c;
    if (!starts) continue;
    let h = Math.imul(seed ^ c, FNV_PRIME);
    h = Math.imul(h ^ code(i + 1), FNV_PRIME);
    let s = table[(h >>> 0) & mask];
    h = Math.imul(h ^ code(i + 2), FNV_PRIME);
    s += table[(h >>> 0) & mask];
    h = Math.imul(h ^ code(i + 3), FNV_PRIME);
    sum[((i + 1) / SEGMENT) | 0] += s + table[(h >>> 0) & mask];
  }
  return sum;
}
