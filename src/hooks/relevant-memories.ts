import type { Db } from '../core/db.js';

const STOP = new Set(['this', 'that', 'with', 'from', 'have', 'what', 'when', 'where', 'which', 'there', 'their', 'would', 'could', 'should', 'about', 'into', 'your', 'please', 'make', 'want', 'need', 'does', 'just', 'like', 'then', 'them', 'they', 'will', 'also', 'some', 'more', 'than']);

/**
 * Memories strongly relevant to a prompt: ranked by FTS over its significant words, kept only
 * when they share at least two of them. Nothing (and no cost to the context) when none does.
 */
export function relevantMemories(db: Db, prompt: string, projectKey: string, budget: number): string {
  const words = [...new Set((prompt.toLowerCase().match(/[\p{L}\p{N}_]{4,}/gu) ?? []).filter((w) => !STOP.has(w)))]
    .sort((a, b) => b.length - a.length).slice(0, 8);
  if (words.length < 2) return '';
  const rows = db.prepare(`SELECT m.id, m.content FROM memories_fts JOIN memories m ON m.rid = memories_fts.rowid
    WHERE memories_fts MATCH ? AND (m.scope = 'user' OR (m.scope = 'project' AND m.project_key = ?)) ORDER BY bm25(memories_fts) LIMIT 5`)
    .all(words.map((w) => `"${w}"`).join(' OR '), projectKey) as { id: string; content: string }[];
  const strong = rows.filter((r) => words.filter((w) => r.content.toLowerCase().includes(w.slice(0, Math.max(4, w.length - 2)))).length >= 2);
  if (strong.length === 0) return '';
  let out = '## Memories related to this prompt (KeiSeiKit)\n';
  for (const r of strong) {
    const line = `- (${r.id}) ${r.content.replace(/\s+/g, ' ')}\n`;
    if (out.length + line.length > budget) break;
    out += line;
  }
  return out.trimEnd();
}
