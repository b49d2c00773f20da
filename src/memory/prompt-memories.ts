import type { Db } from '../core/db.js';
import { mentions, significantWords } from './prompt-words.js';

const CANDIDATES = 50;

/**
 * Memories strongly relevant to a prompt: those sharing at least two of its significant words (see
 * prompt-words.ts: short technical terms such as npm, git, k8s count), the
 * ones sharing most first, newest first among those. Nothing (and no cost to the context) when none
 * does. FTS5 finds the newest candidates that contain some pair of the words and stops there, so a
 * prompt costs a few milliseconds at 100,000 memories instead of ranking every memory with any word.
 */
export function relevantMemories(db: Db, prompt: string, projectKey: string, budget: number): string {
  const words = significantWords(prompt, 8);
  if (words.length < 2) return '';
  const rows = db
    .prepare(
      `SELECT m.id, m.content FROM memories_fts JOIN memories m ON m.rid = memories_fts.rowid
    WHERE ` +
        `memories_fts MATCH ? AND (+m.scope = 'user' OR (+m.scope = 'project' AND +m.project_key = ?)) ORDER ` +
        `BY memories_fts.rowid DESC LIMIT ${CANDIDATES}`,
    )
    .all(anyPairOf(words), projectKey) as { id: string; content: string }[];
  const shared = (r: { content: string }) => {
    const content = r.content.toLowerCase();
    return words.filter((w) => mentions(content, w)).length;
  };
  const strong = rows
    .map((r, newest) => ({ ...r, shared: shared(r), newest }))
    .filter((r) => r.shared >= 2)
    .sort((a, b) => b.shared - a.shared || a.newest - b.newest)
    .slice(0, 5);
  if (strong.length === 0) return '';
  let out = '## Memories related to this prompt (KeiSeiKit)\n';
  for (const r of strong) {
    const line = `- (${r.id}) ${r.content.replace(/\s+/g, ' ')}\n`;
    if (out.length + line.length > budget) break;
    out += line;
  }
  return out.trimEnd();
}

/** An FTS5 expression matching rows that contain both words of at least one pair. */
function anyPairOf(words: readonly string[]): string {
  const pairs: string[] = [];
  for (let i = 0; i < words.length; i++) for (let j = i + 1; j < words.length; j++) pairs.push(`("${words[i]}" "${words[j]}")`);
  return pairs.join(' OR ');
}
