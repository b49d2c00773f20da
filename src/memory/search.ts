import { cached, type Db } from '../core/db.js';
import { toFtsQuery, likePattern } from './fts-query.js';
import { decodeTags } from './rows.js';
import { visibilityFilter } from './scope-filter.js';
import { snippetMaker, type SnippetMaker } from './snippet.js';
import type { Scope, SearchHit } from './types.js';

interface HitRow {
  rid: number;
  id: string;
  content: string;
  scope: Scope;
  tags: string;
  rank: number;
  updated_at: number;
}

export interface SearchRequest {
  query: string;
  projectKey: string;
  scope?: Scope;
  tags?: readonly string[];
  limit: number;
}

type Filter = { sql: string; params: unknown[] };

/** bm25 ranking (content weighs twice the tags), newest first among equals. Never throws on the query text. */
export function searchMemories(db: Db, req: SearchRequest): SearchHit[] {
  const fts = toFtsQuery(req.query);
  const filter = visibilityFilter(req.projectKey, req.scope, req.tags);
  let rows: HitRow[];
  if (fts.terms.length > 0) rows = matchInStages(db, fts.terms, filter, req.limit);
  else if (fts.substring !== undefined) rows = plainRows(db, "m.content LIKE ? ESCAPE '\\'", [likePattern(fts.substring)], filter, req.limit);
  else rows = plainRows(db, '1', [], filter, req.limit);
  const terms = (req.query.normalize('NFKC').match(/[\p{L}\p{N}_]+/gu) ?? []).slice(0, 16);
  const snippet = snippetMaker(terms);
  return rows.map((row) => toHit(row, snippet));
}

/**
 * All words first. If that finds nothing, words absent from every memory are dropped (they can
 * only make an AND fail) and the rest tried together; only then any word. Keeps the expensive
 * any-word ranking over huge match sets ("how do we handle notes") for when nothing else works.
 */
function matchInStages(db: Db, terms: string[], filter: Filter, limit: number): HitRow[] {
  const all = rankedRows(db, terms.join(' '), filter, limit);
  if (all.length > 0 || terms.length === 1) return all;
  const present = terms.filter((t) => cached(db, 'SELECT 1 FROM memories_fts WHERE memories_fts MATCH ? LIMIT 1').get(t) !== undefined);
  if (present.length === 0) return [];
  if (present.length < terms.length) {
    const narrowed = rankedRows(db, present.join(' '), filter, limit);
    if (narrowed.length > 0 || present.length === 1) return narrowed;
  }
  return rankedRows(db, present.join(' OR '), filter, limit);
}

/**
 * The best matches by bm25, newest first among equals, without a second sort key: the inner query
 * walks the index newest first (FTS5 reads its doclists backwards, no sort), `LIMIT -1` keeps it a
 * separate step, and SQLite's top-N sort keeps equal ranks in arrival order. A two-key ORDER BY
 * measured ~15–30% slower over the thousands of rows a common word matches.
 */
const TOP_BY_RANK = `SELECT rid, rank FROM (
    SELECT rowid AS rid, bm25(memories_fts, 2.0, 1.0) AS rank FROM memories_fts WHERE memories_fts MATCH ? ORDER BY rowid DESC LIMIT -1
  ) ORDER BY rank LIMIT ?`;

/**
 * Fast path: rank inside the FTS index alone (no join per match), then look up the few best rows
 * and apply scope and tag filters. Only when filters drop too many does it rank the filtered set in full.
 */
function rankedRows(db: Db, match: string, filter: Filter, limit: number): HitRow[] {
  const window = Math.max(40, limit * 4);
  const top = cached(db, TOP_BY_RANK).all(match, window) as { rid: number; rank: number }[];
  if (top.length === 0) return [];
  const ranks = new Map(top.map((t) => [t.rid, t.rank]));
  const placeholders = top.map(() => '?').join(',');
  const rows = cached(db, `SELECT m.rid, m.id, m.content, m.scope, m.tags, m.updated_at, 0 AS rank FROM memories m WHERE m.rid IN (${placeholders}) AND ${filter.sql}`)
    .all(...ranks.keys(), ...filter.params) as HitRow[];
  for (const row of rows) row.rank = ranks.get(row.rid) ?? 0;
  if (rows.length < limit && top.length === window) return fullyRankedRows(db, match, filter, limit);
  return sortByRankThenRecency(rows).slice(0, limit);
}

function fullyRankedRows(db: Db, match: string, filter: Filter, limit: number): HitRow[] {
  const sql = `SELECT m.rid, m.id, m.content, m.scope, m.tags, m.updated_at, bm25(memories_fts, 2.0, 1.0) AS rank
    FROM memories_fts JOIN memories m ON m.rid = memories_fts.rowid
    WHERE memories_fts MATCH ? AND ${filter.sql} ORDER BY round(rank, 3) ASC, m.updated_at DESC, m.rid DESC LIMIT ?`;
  return cached(db, sql).all(match, ...filter.params, limit) as HitRow[];
}

function plainRows(db: Db, where: string, params: unknown[], filter: Filter, limit: number): HitRow[] {
  const sql = `SELECT m.rid, m.id, m.content, m.scope, m.tags, m.updated_at, 0 AS rank FROM memories m
    WHERE ${where} AND ${filter.sql} ORDER BY m.updated_at DESC, m.rid DESC LIMIT ?`;
  return cached(db, sql).all(...params, ...filter.params, limit) as HitRow[];
}

/** Scores within a thousandth count as equal; then the most recently updated entry wins. */
function sortByRankThenRecency(rows: HitRow[]): HitRow[] {
  const key = (r: HitRow) => Math.round(r.rank * 1000);
  return rows.sort((a, b) => key(a) - key(b) || b.updated_at - a.updated_at || b.rid - a.rid);
}

function toHit(row: HitRow, snippet: SnippetMaker): SearchHit {
  return {
    id: row.id,
    content: row.content,
    scope: row.scope,
    tags: decodeTags(row.tags),
    score: Math.round(-row.rank * 1000) / 1000,
    snippet: snippet(row.content),
    updatedAt: row.updated_at,
  };
}
