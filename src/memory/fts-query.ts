/**
 * Turns any user string into a safe FTS5 MATCH expression. Every word becomes a quoted string
 * (so `NEAR`, `AND`, `-`, `:`, `*`, quotes and parentheses are plain text), the last word may be
 * a prefix. Strings with no words at all (emoji, punctuation) fall back to a substring search.
 */
export interface FtsQuery {
  /** All words must match. */
  all?: string;
  /** Any word may match: the fallback when `all` finds nothing. */
  any?: string;
  /** No indexable words: search with LIKE instead. */
  substring?: string;
}

const MAX_TERMS = 16;

export function toFtsQuery(input: string): FtsQuery {
  const text = input.normalize('NFKC');
  const words = (text.match(/[\p{L}\p{N}_]+/gu) ?? []).slice(0, MAX_TERMS);
  if (words.length === 0) {
    const trimmed = text.trim();
    return trimmed === '' ? {} : { substring: trimmed.slice(0, 200) };
  }
  const quoted = words.map((w, i) => (i === words.length - 1 && w.length >= 3 ? `"${w}"*` : `"${w}"`));
  return { all: quoted.join(' '), any: words.length > 1 ? quoted.join(' OR ') : undefined };
}

/** Escapes `%`, `_` and `\` for a LIKE pattern with ESCAPE '\'. */
export function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
