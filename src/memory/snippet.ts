const WINDOW = 120;

/**
 * A short excerpt around the first query word found, with matched words in [brackets].
 * Done here rather than with FTS5 `snippet()`, which SQLite would compute for every match
 * before sorting: the difference between 2 ms and 9 ms per search at 100k memories.
 */
export function makeSnippet(content: string, terms: readonly string[]): string {
  const stems = terms.map(stemOf).filter((s) => s.length > 0);
  const lower = content.toLowerCase();
  const first = stems.reduce((best, s) => {
    const at = lower.indexOf(s);
    return at >= 0 && (best < 0 || at < best) ? at : best;
  }, -1);
  const start = first <= 40 ? 0 : content.lastIndexOf(' ', first - 30) + 1;
  const end = Math.min(content.length, start + WINDOW);
  let text = content.slice(start, end);
  if (stems.length > 0) {
    const pattern = new RegExp(`[\\p{L}\\p{N}_]*(?:${stems.map(escapeRegExp).join('|')})[\\p{L}\\p{N}_]*`, 'giu');
    text = text.replace(pattern, (word) => `[${word}]`);
  }
  return `${start > 0 ? '…' : ''}${text}${end < content.length ? '…' : ''}`;
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
