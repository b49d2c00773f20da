import { stemKey } from './bm25.js';

const WINDOW = 120;
const WORD = /[\p{L}\p{N}_]+/gu;

export interface SnippetMaker {
  (content: string): string;
}

/**
 * Returns a function making short excerpts around the first query word found, with matched words
 * in [brackets] (a word containing a query word's stem, so "deploy" marks "deployment"). Built once
 * per search; done here rather than with FTS5 `snippet()`, which SQLite would compute for every match.
 */
export function snippetMaker(terms: readonly string[]): SnippetMaker {
  const stems = [...new Set(terms.map((t) => stemKey(t.toLowerCase())).filter((s) => s.length > 0))];
  const mark = (word: string) => (stems.some((s) => word.toLowerCase().includes(s)) ? `[${word}]` : word);
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
    // Word by word (linear): a pattern with the stems between two open word classes backtracks at every letter.
    if (stems.length > 0) text = text.replace(WORD, mark);
    return `${start > 0 ? '…' : ''}${text}${end < content.length ? '…' : ''}`;
  };
}
