/**
 * Turns any user string into safe FTS5 MATCH expressions. Every word becomes a quoted string,
 * so `NEAR`, `AND`, `-`, `:`, `*`, quotes and parentheses are plain text. Strings with no words
 * at all (emoji, punctuation) fall back to a substring search.
 */
export interface FtsQuery {
  /** The words, each already quoted for MATCH. */
  terms: string[];
  /** No indexable words: search with LIKE instead. */
  substring?: string;
}

const MAX_TERMS = 16;

export function toFtsQuery(input: string): FtsQuery {
  const text = input.normalize('NFKC');
  const words = [...new Set((text.match(/[\p{L}\p{N}_]+/gu) ?? []).map((w) => w.toLowerCase()))].slice(0, MAX_TERMS);
  if (words.length === 0) {
    const trimmed = text.trim();
    return trimmed === '' ? { terms: [] } : { terms: [], substring: trimmed.slice(0, 200) };
  }
  return { terms: words.map((w) => `"${w}"`) };
}

/** Escapes `%`, `_` and `\` for a LIKE pattern with ESCAPE '\'. */
export function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
