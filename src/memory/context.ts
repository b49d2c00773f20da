import type { Db } from '../core/db.js';
import { scanText } from '../guard/index.js';
import { toMemory, type MemoryRow } from './rows.js';
import type { Memory } from './types.js';

/** The memories worth showing a new session first: this project's, then the most used, then the newest. */
export function contextMemories(db: Db, projectKey: string, limit = 300): Memory[] {
  const rows = db.prepare(`SELECT * FROM memories WHERE scope = 'user' OR (scope = 'project' AND project_key = ?)
    ORDER BY (scope = 'project') DESC, use_count DESC, updated_at DESC LIMIT ?`).all(projectKey, limit) as MemoryRow[];
  return rows.map(toMemory);
}

export interface ContextSnapshot {
  text: string;
  included: number;
  blocked: number;
  omitted: number;
}

/**
 * Memories as they are shown to a model at the start of a session. Every entry is scanned again
 * (rules improve; an entry stored under an older guard or a bypass may fail now): a failing entry
 * is shown as `[BLOCKED: <rule>]` and stays on disk for the user to inspect.
 */
export function renderMemoryContext(memories: readonly Memory[], budgetChars: number): ContextSnapshot {
  const lines: string[] = [];
  let used = 0;
  let blocked = 0;
  let included = 0;
  for (const memory of memories) {
    const scan = scanText(memory.content, { surface: 'memory' });
    const shown = scan.verdict === 'block' ? `[BLOCKED: ${scan.findings[0]?.rule ?? 'guard'}]` : memory.content.replace(/\s+/g, ' ');
    const line = `- (${memory.scope}, ${memory.id}) ${shown}`;
    if (used + line.length + 1 > budgetChars) break;
    lines.push(line);
    used += line.length + 1;
    included++;
    if (scan.verdict === 'block') blocked++;
  }
  return { text: lines.join('\n'), included, blocked, omitted: memories.length - included };
}
