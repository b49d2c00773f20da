import type { Db } from '../core/db.js';
import { KeiError } from '../core/errors.js';
import { likePattern } from './fts-query.js';
import { preview, type MemoryRow } from './rows.js';
import { visibilityFilter } from './scope-filter.js';
import { searchMemories } from './search.js';
import type { Target } from './types.js';

const MAX_CANDIDATES = 20;

/**
 * Finds the one memory a replace or remove means: by id, or by a substring of its content
 * (case-insensitive). No match → the closest entries; several distinct matches → their previews.
 */
export function resolveTarget(db: Db, projectKey: string, target: Target): MemoryRow {
  if ('id' in target) return byId(db, projectKey, target.id);
  const needle = target.oldText;
  if (typeof needle !== 'string' || needle.trim() === '') {
    throw new KeiError('invalid_target', 'old_text must be a non-empty part of the entry to change', { field: 'old_text' });
  }
  const rows = bySubstring(db, projectKey, needle);
  const distinct = new Map(rows.map((r) => [r.content, r]));
  if (distinct.size === 1) return rows[0];
  if (distinct.size === 0) throw noMatch(db, projectKey, needle);
  throw ambiguous(rows);
}

function byId(db: Db, projectKey: string, id: string): MemoryRow {
  const filter = visibilityFilter(projectKey);
  const row = db.prepare(`SELECT m.* FROM memories m WHERE m.id = ? AND ${filter.sql}`).get(id, ...filter.params) as MemoryRow | undefined;
  if (!row) throw new KeiError('memory_not_found', `no memory with id ${id} in this project or the user scope`, { field: 'id' });
  return row;
}

function bySubstring(db: Db, projectKey: string, needle: string): MemoryRow[] {
  const filter = visibilityFilter(projectKey);
  return db
    .prepare(
      `SELECT m.* FROM memories m WHERE lower(m.content) LIKE lower(?) ESCAPE '\\' AND ${filter.sql} ORDER BY m.updated_at DESC LIMIT ?`,
    )
    .all(likePattern(needle), ...filter.params, MAX_CANDIDATES) as MemoryRow[];
}

function noMatch(db: Db, projectKey: string, needle: string): KeiError {
  const closest = searchMemories(db, { query: needle, projectKey, limit: 3 });
  const list = closest.map((h) => `  ${h.id}: ${preview(h.content)}`).join('\n');
  const hint = closest.length > 0 ? `\nClosest entries:\n${list}` : '\nThere are no similar entries.';
  return new KeiError('memory_no_match', `no entry contains "${preview(needle, 60)}".${hint}`, {
    field: 'old_text',
    closest: closest.map((h) => ({ id: h.id, preview: preview(h.content) })),
  });
}

function ambiguous(rows: MemoryRow[]): KeiError {
  const count = rows.length >= MAX_CANDIDATES ? `${MAX_CANDIDATES}+` : String(rows.length);
  const list = rows
    .slice(0, 10)
    .map((r) => `  ${r.id}: ${preview(r.content)}`)
    .join('\n');
  return new KeiError('memory_ambiguous', `${count} entries match; be more specific (or pass an id):\n${list}`, {
    field: 'old_text',
    matches: rows.slice(0, 10).map((r) => ({ id: r.id, preview: preview(r.content) })),
  });
}
