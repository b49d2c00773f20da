const WINDOW = 120;

export interface SnippetMaker {
  (content: string): string;
}

/**
 * Returns a function making short excerpts around the first query word found, with matched words
 * in [brackets]. Built once per search (one regular expression for all hits); done here rather than
 * with FTS5 `snippet()`, which SQLite would compute for every match before sorting.
 */
export function snippetMaker(terms: readonly string[]): SnippetMaker {
  const stems = [...new Set(terms.map(stemOf).filter((s) => s.length > 0))];
  const pattern = stems.length > 0 ? new RegExp(`[\\p{L}\\p{N}_]*(?:${stems.map(escapeRegExp).join('|')})[\\p{L}\\p{N}_]*`, 'giu') : undefined;
  return (content: string) => {
    const lower = content.toLowerCase();
    let first = -1;
    for (const s of stems) {
      const at = lower.indexOf(s);
      if (at >= 0 && (first < 0 || at < first)) first = at;
    }
    const start = first <= 40 ? 0 : content.lastIndexOf(' ', first - 30) + 1;
    const end = Math.min(content.length, start + WINDOW);
    let text = content.slice(start, end);
    if (pattern) text = text.replace(pattern, (word) => `[${word}]`);
    return `${start > 0 ? '…' : ''}${text}${end < content.length ? '…' : ''}`;
  };
}

/** A crude stem (the porter tokenizer matches "tests" for "test"): drop common endings. */
function stemOf(term: string): string {
  const lower = term.toLowerCase();
  if (lower.length <= 4) return lower;
  return lower.replace(/(?:ing|ed|es|s)$/u, '');
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
