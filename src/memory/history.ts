import { cached, type Db } from '../core/db.js';
import { KeiError } from '../core/errors.js';
import { NEXT_RID_SQL, type MemoryRow } from './rows.js';

export type HistoryAction = 'add' | 'replace' | 'remove' | 'undo';
/** A memory as history keeps it: without its rowid and guard mark, which belong to the row, not the entry. */
type Snapshot = Omit<MemoryRow, 'rid' | 'guard_mark'>;

interface HistoryRow {
  hid: number;
  memory_id: string;
  action: HistoryAction;
  before_json: string | null;
  after_json: string | null;
}

export function snapshot(row: MemoryRow): Snapshot {
  const { rid: _rid, guard_mark: _mark, ...rest } = row;
  return rest;
}

export function recordHistory(
  db: Db,
  memoryId: string,
  action: HistoryAction,
  before: Snapshot | null,
  after: Snapshot | null,
  source: string,
  at: number,
): void {
  cached(db, 'INSERT INTO memory_history (memory_id, action, before_json, after_json, source, at) VALUES (?, ?, ?, ?, ?, ?)').run(
    memoryId,
    action,
    before ? JSON.stringify(before) : null,
    after ? JSON.stringify(after) : null,
    source,
    at,
  );
}

/**
 * Reverses the latest change to a memory that has not been undone yet: an add is removed,
 * a replace restores the previous text, a remove brings the entry back with its id.
 * Runs inside the caller's transaction.
 */
export function undoLatest(db: Db, memoryId: string, at: number): { action: HistoryAction; restored: Snapshot | null } {
  const entry = cached(
    db,
    'SELECT hid, memory_id, action, before_json, after_json FROM memory_history WHERE memory_id = ? AND ' +
      "undone = 0 AND action != 'undo' ORDER BY hid DESC LIMIT 1",
  ).get(memoryId) as HistoryRow | undefined;
  if (!entry) throw new KeiError('memory_nothing_to_undo', `nothing to undo for ${memoryId}`, { field: 'id' });
  const before = entry.before_json ? (JSON.parse(entry.before_json) as Snapshot) : null;
  const current = cached(db, 'SELECT * FROM memories WHERE id = ?').get(memoryId) as MemoryRow | undefined;
  if (entry.action === 'add') {
    cached(db, 'DELETE FROM memories WHERE id = ?').run(memoryId);
  } else if (entry.action === 'replace' && before) {
    if (!current) throw new KeiError('memory_not_found', `${memoryId} was removed after the replace; undo the remove first`);
    cached(
      db,
      `UPDATE memories SET rid = ${NEXT_RID_SQL}, content = ?, norm_hash = ?, tags = ?, updated_at = ?, guard_mark = NULL WHERE id = ?`,
    ).run(before.content, before.norm_hash, before.tags, at, memoryId);
  } else if (entry.action === 'remove' && before) {
    insertSnapshot(db, before);
  }
  cached(db, 'UPDATE memory_history SET undone = 1 WHERE hid = ?').run(entry.hid);
  recordHistory(db, memoryId, 'undo', current ? snapshot(current) : null, entry.action === 'add' ? null : before, 'undo', at);
  return { action: entry.action, restored: entry.action === 'add' ? null : before };
}

function insertSnapshot(db: Db, s: Snapshot): void {
  cached(
    db,
    `INSERT INTO memories (id, scope, project_key, content, norm_hash, tags, source, created_at, updated_at, last_used_at, use_count)
    VALUES (@id, @scope, @project_key, @content, @norm_hash, @tags, @source, @created_at, @updated_at, @last_used_at, @use_count)`,
  ).run(s);
}
