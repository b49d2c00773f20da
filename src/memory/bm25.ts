/**
 * bm25 as FTS5 computes it (k1 1.2, b 0.75; content counts twice, tags once; length = all tokens of
 * the row), for the few candidate rows a search fetched anyway. Words are compared by a light stem,
 * so "deploys" counts for "deployed"; a word FTS5 matched by its porter stem that the light stem
 * misses still counts once in the content.
 */
const K1 = 1.2;
const B = 0.75;
const CONTENT_WEIGHT = 2;
const TAGS_WEIGHT = 1;

export interface QueryTerm {
  /** The word's light stem (see `stemKey`). */
  key: string;
  idf: number;
}

export interface RankInput {
  content: string;
  tags: string;
  /** Which query words FTS5 matched in this row; all of them when absent. */
  matched?: readonly boolean[];
}

export type Ranker = (row: RankInput) => number;

/** A function giving each row its rank, lower is better, like FTS5's bm25() (the negated score). */
export function bm25Ranker(terms: readonly QueryTerm[], averageTokens: number): Ranker {
  const keys = terms.map((t) => t.key);
  return (row) => {
    const freq = new Array<number>(terms.length).fill(0);
    const length = countMatches(row.content, keys, CONTENT_WEIGHT, freq) + countMatches(row.tags, keys, TAGS_WEIGHT, freq);
    const norm = K1 * (1 - B + (B * length) / averageTokens);
    let score = 0;
    for (let i = 0; i < terms.length; i++) {
      const f = freq[i] === 0 && (row.matched?.[i] ?? true) ? CONTENT_WEIGHT : freq[i];
      score += (terms[i].idf * (f * (K1 + 1))) / (f + norm);
    }
    return -score;
  };
}

/** Adds `weight` to `freq[i]` for each token whose stem is key i; returns the column's token count. */
function countMatches(text: string, keys: readonly string[], weight: number, freq: number[]): number {
  if (text === '') return 0;
  const tokens = tokensOf(text);
  for (const token of tokens) {
    for (let i = 0; i < keys.length; i++) {
      if (token.startsWith(keys[i]) && stemKey(token) === keys[i]) freq[i] += weight;
    }
  }
  return tokens.length;
}

const ASCII = /^[\x00-\x7f]*$/;
const TOKEN = /[\p{L}\p{N}\p{Co}]+/gu;
const MARKS = /\p{M}/gu;

/** Text folded the way FTS5's unicode61 tokenizer with remove_diacritics folds it: lower case, no accents. */
export function foldText(text: string): string {
  return ASCII.test(text) ? text.toLowerCase() : text.normalize('NFKD').replace(MARKS, '').toLowerCase();
}

/** Tokens as unicode61 cuts them: runs of letters and digits (a loop instead of a regular expression for ASCII). */
export function tokensOf(text: string): string[] {
  const folded = foldText(text);
  if (!ASCII.test(folded)) return folded.match(TOKEN) ?? [];
  const tokens: string[] = [];
  let start = -1;
  for (let i = 0; i <= folded.length; i++) {
    const c = i < folded.length ? folded.charCodeAt(i) : 0;
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      tokens.push(folded.slice(start, i));
      start = -1;
    }
  }
  return tokens;
}

/**
 * A light stem: one of -ing/-ed/-es/-s, then a final -e or -y, each only if three letters remain.
 * Applied to query words and row tokens alike, so only consistency matters, not linguistics.
 */
export function stemKey(word: string): string {
  let w = word;
  const suffix = /(?:ing|ed|es|s)$/u.exec(w);
  if (suffix && w.length - suffix[0].length >= 3) w = w.slice(0, w.length - suffix[0].length);
  if (w.length >= 4 && (w.endsWith('e') || w.endsWith('y'))) w = w.slice(0, -1);
  return w;
}
