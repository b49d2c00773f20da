import { conceptFeatures } from './concepts.js';

/**
 * Features of the learned layer: hashed word unigrams and bigrams, character 3–5-grams and intent
 * concepts (concepts.ts: which classes of intent are present, and which pairs) of a normalised text (NFKC, lower case, accents and invisible characters dropped, whitespace collapsed).
 * The normalisation lives here, not in ../normalize.ts, so the shipped weights keep meaning the same
 * thing when the rule layer's folding changes. Pure; linear in the text's length.
 */
export const FEATURE_BITS = 18;
const MASK = (1 << FEATURE_BITS) - 1;
const INVISIBLE = /[\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\ufe00-\ufe0f]/gu;
const MARKS = /[\u0300-\u036f]/gu;
/** One seed for every character n-gram length, so a long-text pass can hash 3-, 4- and 5-grams in one sweep (screen.ts). */
export const CHAR_SEED = 13;
const WORD = /[\p{L}\p{N}_'’]+/gu;
const CONCEPT_SEED = 3;
/**
 * A concept feature counts like this many n-grams: a note has a few concepts against hundreds of n-grams,
 * so at the n-grams' own value (1/√count) they would barely move the score.
 */
const CONCEPT_VALUE = 0.5;

export function normaliseForFeatures(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .normalize('NFD')
    .replace(MARKS, '')
    .normalize('NFC')
    .replace(INVISIBLE, '')
    .replace(/\s+/gu, ' ')
    .trim();
}

/** FNV-1a over UTF-16 code units, seeded per feature kind so a word and a trigram never share a slot by design. */
function hash(s: string, seed: number): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return (h >>> 0) & MASK;
}

/**
 * A sparse, L2-normalised binary vector: slot → value. With names, `words` holds the text's words and
 * `spans[k]` the words feature k covers (first, last), so an explanation can speak in words, not trigrams.
 */
export interface FeatureVector {
  slots: Int32Array;
  values: Float32Array;
  words?: string[];
  spans?: [number, number][];
  /** With names: the concept features, by their index in `slots`. */
  concepts?: { index: number; name: string }[];
}

export function extractFeatures(text: string, withNames = false): FeatureVector {
  const norm = normaliseForFeatures(text);
  const seen = new Map<number, [number, number]>();
  const add = (gram: string, seed: number, first: number, last: number) => {
    const slot = hash(gram, seed);
    if (!seen.has(slot)) seen.set(slot, [first, last]);
  };
  const words: string[] = [];
  const wordAt = new Int32Array(norm.length + 2).fill(-1);
  for (const m of norm.matchAll(WORD)) {
    wordAt.fill(words.length, m.index + 1, m.index + 1 + m[0].length);
    words.push(m[0]);
  }
  for (let i = 0; i < words.length; i++) {
    add(words[i], 1, i, i);
    if (i > 0) add(`${words[i - 1]} ${words[i]}`, 2, i - 1, i);
  }
  const padded = ` ${norm} `;
  for (let n = 3; n <= 5; n++) {
    for (let i = 0; i + n <= padded.length; i++)
      add(padded.slice(i, i + n), CHAR_SEED, nearestWord(wordAt, i, 1), nearestWord(wordAt, i + n - 1, -1));
  }
  const grams = seen.size;
  const concepts: string[] = [];
  for (const name of conceptFeatures(norm)) {
    const slot = hash(name, CONCEPT_SEED);
    if (seen.has(slot)) continue; // a collision with an n-gram or another concept: that slot already counts
    seen.set(slot, [-1, -1]);
    concepts.push(name);
  }
  const slots = Int32Array.from(seen.keys());
  const values = new Float32Array(slots.length).fill(grams ? 1 / Math.sqrt(grams) : 0);
  values.fill(CONCEPT_VALUE, grams);
  if (!withNames) return { slots, values };
  return { slots, values, words, spans: [...seen.values()], concepts: concepts.map((name, k) => ({ index: grams + k, name })) };
}

/** The word at padded position `at`, or the next one in direction `step` (a gram over spaces and punctuation). */
function nearestWord(wordAt: Int32Array, at: number, step: number): number {
  for (let i = at; i >= 0 && i < wordAt.length; i += step) if (wordAt[i] >= 0) return wordAt[i];
  return -1;
}
