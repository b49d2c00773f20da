import { CHAR_SEED } from './features.js';
import type { LearnedModel } from './model.js';

/**
 * Where in a long text the learned layer should look. Scoring every piece exactly costs ~0.7 µs per
 * character per piece; this pass instead hashes the character 3–5-grams of the lower-cased text once,
 * straight from the character codes (the same FNV-1a slots as features.ts for plain text), sums their
 * weights per segment and ranks windows of a few segments. Linear; the best windows are then scored
 * exactly. An approximation for ranking only: it skips NFKC and whitespace folding and counts repeats.
 */
const SEGMENT = 128;
const WINDOW_SEGMENTS = 3;
const CANDIDATES = 3;

export function candidateWindows(text: string, model: LearnedModel): [number, number][] {
  // Character codes in a typed array: charCodeAt on a concatenated (rope) string is several times slower.
  const lower = text.toLowerCase();
  const padded = new Uint16Array(lower.length + 2);
  padded[0] = 32;
  padded[padded.length - 1] = 32;
  for (let i = 0; i < lower.length; i++) padded[i + 1] = lower.charCodeAt(i);
  const segments = Math.ceil(padded.length / SEGMENT);
  const sum = new Float64Array(segments);
  const count = new Float64Array(segments);
  const mask = model.weights.length - 1;
  for (let i = 0; i + 3 <= padded.length; i++) {
    const seg = (i / SEGMENT) | 0;
    let h = (0x811c9dc5 ^ CHAR_SEED) >>> 0;
    for (let n = 1; n <= 5 && i + n <= padded.length; n++) {
      h = Math.imul(h ^ padded[i + n - 1], 0x01000193);
      if (n < 3) continue;
      sum[seg] += model.weights[(h >>> 0) & mask];
      count[seg] += 1;
    }
  }
  const windows: { start: number; z: number }[] = [];
  for (let s = 0; s < segments; s++) {
    let total = 0;
    let grams = 0;
    for (let k = s; k < Math.min(segments, s + WINDOW_SEGMENTS); k++) {
      total += sum[k];
      grams += count[k];
    }
    windows.push({ start: s, z: grams ? total / Math.sqrt(grams) : 0 });
  }
  windows.sort((a, b) => b.z - a.z || a.start - b.start);
  return windows.slice(0, CANDIDATES).map(({ start }) => {
    const from = Math.min(text.length, start * SEGMENT);
    return [from, Math.min(text.length, from + WINDOW_SEGMENTS * SEGMENT)];
  });
}
