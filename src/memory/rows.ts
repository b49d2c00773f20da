import { crypto } from '../core/lazy-builtin.js';
import { KeiError } from '../core/errors.js';
import { SCOPES, type Memory, type Scope } from './types.js';

export interface MemoryRow {
  rid: number;
  id: string;
  scope: Scope;
  project_key: string;
  content: string;
  norm_hash: string;
  tags: string;
  source: string;
  created_at: number;
  updated_at: number;
  last_used_at: number | null;
  use_count: number;
  /** See `guardMarkOf`; null when the entry was bypassed or written by other means. */
  guard_mark: string | null;
}

/**
 * SQL for the next rowid: an edited memory takes it, so rowid order stays "most recently written
 * first", the order in which search hands candidates to the ranking window.
 */
export const NEXT_RID_SQL = '(SELECT coalesce(max(rid), 0) + 1 FROM memories)';

export function toMemory(row: MemoryRow): Memory {
  return {
    id: row.id,
    scope: row.scope,
    projectKey: row.project_key,
    content: row.content,
    tags: decodeTags(row.tags),
    source: row.source,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    lastUsedAt: row.last_used_at,
    useCount: row.use_count,
  };
}

/** Two entries are the same memory when they differ only in case and white space. */
export function normalizedHash(content: string): string {
  const norm = content.normalize('NFKC').toLowerCase().replace(/\s+/gu, ' ').trim();
  return crypto().createHash('sha1').update(norm).digest('hex');
}

const TAG = /^[\p{L}\p{N}_.:/-]{1,40}$/u;

/** Tags are stored space-separated, lower case, so FTS indexes them and filters can match whole words. */
export function encodeTags(tags: readonly string[] | undefined): string {
  if (!tags) return '';
  const clean = new Set<string>();
  for (const raw of tags) {
    const tag = String(raw).trim().toLowerCase();
    if (!TAG.test(tag))
      throw new KeiError('invalid_tag', `tag "${raw}" is not valid: use 1-40 letters, digits, or _ . : / -`, { field: 'tags' });
    clean.add(tag);
  }
  if (clean.size > 20) throw new KeiError('invalid_tag', `at most 20 tags per memory (got ${clean.size})`, { field: 'tags' });
  return [...clean].join(' ');
}

export function decodeTags(tags: string): string[] {
  return tags === '' ? [] : tags.split(' ');
}

export function checkScope(scope: unknown): Scope {
  if (typeof scope === 'string' && (SCOPES as readonly string[]).includes(scope)) return scope as Scope;
  throw new KeiError('invalid_scope', `scope must be "user", "project" or "team" (got ${JSON.stringify(scope)})`, { field: 'scope' });
}

/** 80-character single-line preview for error messages and listings. */
export function preview(content: string, max = 80): string {
  const flat = content.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
