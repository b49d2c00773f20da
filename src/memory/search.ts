import type { Db } from '../core/db.js';
import { toFtsQuery, likePattern } from './fts-query.js';
import { decodeTags } from './rows.js';
import { visibilityFilter } from './scope-filter.js';
import type { Scope, SearchHit } from './types.js';

interface HitRow {
  id: string;
  content: string;
  scope: Scope;
  tags: string;
  rank: number;
  snippet: string;
  updated_at: number;
}

export interface SearchRequest {
  query: string;
  projectKey: string;
  scope?: Scope;
  tags?: readonly string[];
  limit: number;
}

/** bm25 ranking (content weighs twice the tags), newest first among equals. Never throws on the query text. */
export function searchMemories(db: Db, req: SearchRequest): SearchHit[] {
  const fts = toFtsQuery(req.query);
  const filter = visibilityFilter(req.projectKey, req.scope, req.tags);
  let rows: HitRow[] = [];
  if (fts.all) rows = matchRows(db, fts.all, filter, req.limit);
  if (rows.length === 0 && fts.any) rows = matchRows(db, fts.any, filter, req.limit);
  if (fts.substring !== undefined) rows = substringRows(db, fts.substring, filter, req.limit);
  if (!fts.all && fts.substring === undefined) rows = recentRows(db, filter, req.limit);
  return rows.map(toHit);
}

function matchRows(db: Db, match: string, filter: { sql: string; params: unknown[] }, limit: number): HitRow[] {
  const sql = `SELECT m.id, m.content, m.scope, m.tags, m.updated_at,
      bm25(memories_fts, 2.0, 1.0) AS rank,
      snippet(memories_fts, 0, '[', ']', '…', 16) AS snippet
    FROM memories_fts JOIN memories m ON m.rid = memories_fts.rowid
    WHERE memories_fts MATCH ? AND ${filter.sql}
    ORDER BY round(rank, 3) ASC, m.updated_at DESC, m.rid DESC LIMIT ?`;
  return db.prepare(sql).all(match, ...filter.params, limit) as HitRow[];
}

function substringRows(db: Db, text: string, filter: { sql: string; params: unknown[] }, limit: number): HitRow[] {
  const sql = `SELECT m.id, m.content, m.scope, m.tags, m.updated_at, 0 AS rank, substr(m.content, 1, 120) AS snippet
    FROM memories m WHERE m.content LIKE ? ESCAPE '\\' AND ${filter.sql}
    ORDER BY m.updated_at DESC LIMIT ?`;
  return db.prepare(sql).all(likePattern(text), ...filter.params, limit) as HitRow[];
}

function recentRows(db: Db, filter: { sql: string; params: unknown[] }, limit: number): HitRow[] {
  const sql = `SELECT m.id, m.content, m.scope, m.tags, m.updated_at, 0 AS rank, substr(m.content, 1, 120) AS snippet
    FROM memories m WHERE ${filter.sql} ORDER BY m.updated_at DESC LIMIT ?`;
  return db.prepare(sql).all(...filter.params, limit) as HitRow[];
}

function toHit(row: HitRow): SearchHit {
  return {
    id: row.id,
    content: row.content,
    scope: row.scope,
    tags: decodeTags(row.tags),
    score: Math.round(-row.rank * 1000) / 1000,
    snippet: row.snippet,
    updatedAt: row.updated_at,
  };
}
