import type { Db } from '../core/db.js';

const STOP = new Set([
  'this',
  'that',
  'with',
  'from',
  'have',
  'what',
  'when',
  'where',
  'which',
  'there',
  'their',
  'would',
  'could',
  'should',
  'about',
  'into',
  'your',
  'please',
  'make',
  'want',
  'need',
  'does',
  'just',
  'like',
  'then',
  'them',
  'they',
  'will',
  'also',
  'some',
  'more',
  'than',
]);

const CANDIDATES = 50;

/**
 * Memories strongly relevant to a prompt: those sharing at least two of its significant words, the
 * ones sharing most first, newest first among those. Nothing (and no cost to the context) when none
 * does. FTS5 finds the newest candidates that contain some pair of the words and stops there, so a
 * prompt costs a few milliseconds at 100,000 memories instead of ranking every memory with any word.
 */
export function relevantMemories(db: Db, prompt: string, projectKey: string, budget: number): string {
  const words = [...new Set((prompt.toLowerCase().match(/[\p{L}\p{N}_]{4,}/gu) ?? []).filter((w) => !STOP.has(w)))]
    .sort((a, b) => b.length - a.length)
    .slice(0, 8);
  if (words.length < 2) return '';
  const rows = db
    .prepare(
      `SELECT m.id, m.content FROM memories_fts JOIN memories m ON m.rid = memories_fts.rowid
    WHERE ` +
        `memories_fts MATCH ? AND (+m.scope = 'user' OR (+m.scope = 'project' AND +m.project_key = ?)) ORDER ` +
        `BY memories_fts.rowid DESC LIMIT ${CANDIDATES}`,
    )
    .all(anyPairOf(words), projectKey) as { id: string; content: string }[];
  const shared = (r: { content: string }) =>
    words.filter((w) => r.content.toLowerCase().includes(w.slice(0, Math.max(4, w.length - 2)))).length;
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
