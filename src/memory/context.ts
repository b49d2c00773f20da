import { cached, type Db } from '../core/db.js';
import { scanText } from '../guard/index.js';
import { guardMarkOf } from './guard-mark.js';
import { toMemory, type MemoryRow } from './rows.js';
import type { Memory } from './types.js';

/** A memory for the context, and the guard mark it carries (see `guardMarkOf`). */
export interface ContextEntry {
  memory: Memory;
  mark: string | null;
}

const MOST_USED_FIRST = 'ORDER BY use_count DESC, updated_at DESC LIMIT ?';

/**
 * The memories worth showing a new session first: this project's, then the team's, then the user's; in each the
 * most used, then the newest. Walks down the `memories_context` index, not a sort of every memory.
 */
export function contextMemories(db: Db, projectKey: string, limit = 300): ContextEntry[] {
  const rows = cached(db, `SELECT * FROM memories WHERE scope = 'project' AND project_key = ? ${MOST_USED_FIRST}`).all(
    projectKey,
    limit,
  ) as MemoryRow[];
  for (const scope of ['team', 'user']) {
    if (rows.length >= limit) break;
    rows.push(
      ...(cached(db, `SELECT * FROM memories WHERE scope = ? AND project_key = '' ${MOST_USED_FIRST}`).all(
        scope,
        limit - rows.length,
      ) as MemoryRow[]),
    );
  }
  return rows.map((row) => ({ memory: toMemory(row), mark: row.guard_mark }));
}

/** The context snapshot of a project, and the marks of entries it found clean, so the next one skips them. */
export function contextSnapshotOf(db: Db, projectKey: string, budgetChars: number): ContextSnapshot {
  const { newlyClean, ...snap } = renderMemoryContext(contextMemories(db, projectKey), budgetChars);
  markScannedClean(db, newlyClean);
  return snap;
}

/** An entry scanned and allowed at this render: the mark it has earned. */
interface CleanEntry {
  id: string;
  content: string;
  mark: string;
}

function markScannedClean(db: Db, entries: readonly CleanEntry[]): void {
  if (entries.length === 0) return;
  try {
    const stmt = cached(db, 'UPDATE memories SET guard_mark = ? WHERE id = ? AND content = ?');
    db.transaction(() => {
      for (const e of entries) stmt.run(e.mark, e.id, e.content);
    })();
  } catch {
    // Only an optimisation: a busy or read-only database means these entries are scanned again next time.
  }
}

export interface ContextSnapshot {
  text: string;
  included: number;
  blocked: number;
  omitted: number;
}

/**
 * Memories as they are shown to a model at the start of a session. An entry is scanned again unless
 * the current guard already passed exactly this content (its mark): rules improve, and an entry stored
 * under an older guard, by a bypass or by other means may fail now. A failing entry is shown as
 * `[BLOCKED: <rule>]` and stays on disk for the user to inspect.
 */
export function renderMemoryContext(entries: readonly ContextEntry[], budgetChars: number): ContextSnapshot & { newlyClean: CleanEntry[] } {
  const lines: string[] = [];
  const newlyClean: CleanEntry[] = [];
  let used = 0;
  let blocked = 0;
  for (const { memory, mark } of entries) {
    const prefix = `- (${memory.scope}, ${memory.id}) `;
    const plain = prefix + memory.content.replace(/\s+/g, ' ');
    // Measured before scanning: the first scan of a process builds the guard's patterns (~40 ms).
    if (used + plain.length + 1 > budgetChars) break;
    const earned = guardMarkOf(memory.content);
    const scan = mark === earned ? undefined : scanText(memory.content, { surface: 'memory' });
    const line = scan?.verdict === 'block' ? `${prefix}[BLOCKED: ${scan.findings[0]?.rule ?? 'guard'}]` : plain;
    if (used + line.length + 1 > budgetChars) break;
    lines.push(line);
    used += line.length + 1;
    if (scan?.verdict === 'block') blocked++;
    else if (scan) newlyClean.push({ id: memory.id, content: memory.content, mark: earned });
  }
  return { text: lines.join('\n'), included: lines.length, blocked, omitted: entries.length - lines.length, newlyClean };
}
