import { cached, type Db } from '../core/db.js';
import { toFtsQuery, likePattern } from './fts-query.js';
import { decodeTags } from './rows.js';
import { visibilityFilter } from './scope-filter.js';
import { snippetMaker, type SnippetMaker } from './snippet.js';
import { bm25Ranker, stemKey, tokensOf } from './bm25.js';
import { termStatsOf, type TermStats } from './term-stats.js';
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
  /** How many of the newest all-words matches are ranked (see `rankedWindow`). */
  rankWindow?: number;
}

/** Default of `memory.rankWindow`. */
export const DEFAULT_RANK_WINDOW = 100;

type Filter = { sql: string; params: unknown[] };

/** bm25 ranking (content weighs twice the tags), newest first among equals. Never throws on the query text. */
export function searchMemories(db: Db, req: SearchRequest): SearchHit[] {
  const fts = toFtsQuery(req.query);
  const filter = visibilityFilter(req.projectKey, req.scope, req.tags);
  let rows: HitRow[];
  if (fts.terms.length > 0) rows = matchInStages(db, fts.terms, filter, req.limit, req.rankWindow ?? DEFAULT_RANK_WINDOW);
  else if (fts.substring !== undefined) rows = plainRows(db, "m.content LIKE ? ESCAPE '\\'", [likePattern(fts.substring)], filter, req.limit);
  else rows = plainRows(db, '1', [], filter, req.limit);
  const terms = (req.query.normalize('NFKC').match(/[\p{L}\p{N}_]+/gu) ?? []).slice(0, 16);
  const snippet = snippetMaker(terms);
  return rows.map((row) => toHit(row, snippet));
}

/**
 * Words found in no memory can only make an all-words match fail, so they are dropped first (the
 * statistics cache knows); then all remaining words; only if no memory has them all, any word.
 * Keeps the expensive any-word ranking over huge match sets ("how do we handle notes") for when
 * nothing else works.
 */
function matchInStages(db: Db, terms: string[], filter: Filter, limit: number, window: number): HitRow[] {
  const stats = termStatsOf(db);
  const present = terms.filter((t) => stats.documentFrequency(t) > 0);
  if (present.length === 0) return [];
  const all = rankedWindow(db, stats, present, filter, limit, window);
  if (all.length > 0 || present.length === 1) return all;
  return fullyRankedRows(db, present.join(' OR '), filter, limit);
}

/**
 * bm25 over the newest `window` visible memories that contain every word: FTS5 hands them over in
 * rowid order (newest first, no sort), and the kit scores them with cached word statistics. The work
 * is bounded by the window, not by how many of 100,000 memories a common word matches; a query
 * matching fewer memories than the window is ranked over all of them.
 */
function rankedWindow(db: Db, stats: TermStats, terms: string[], filter: Filter, limit: number, window: number): HitRow[] {
  const sql = `SELECT m.rid, m.content, m.tags, m.updated_at FROM memories_fts JOIN memories m ON m.rid = memories_fts.rowid
    WHERE memories_fts MATCH ? AND ${filter.sql} ORDER BY memories_fts.rowid DESC LIMIT ?`;
  const candidates = cached(db, sql).raw().all(terms.join(' '), ...filter.params, Math.max(window, limit)) as CandidateRow[];
  if (candidates.length === 0) return [];
  const rank = bm25Ranker(terms.map((t) => ({ key: termKey(t), idf: stats.idf(t) })), stats.averageTokens, true);
  const ranked = candidates.map(([rid, content, tags, updatedAt]) => ({ rid, updatedAt, rank: rank({ content, tags }) }));
  const best = ranked.sort((a, b) => byRankThenRecency(a.rank, b.rank, a.updatedAt, b.updatedAt, a.rid, b.rid)).slice(0, limit);
  return rowsWithRanks(db, best);
}

type CandidateRow = [rid: number, content: string, tags: string, updatedAt: number];

/** The full rows of the few best candidates, in their ranked order. */
function rowsWithRanks(db: Db, best: { rid: number; rank: number }[]): HitRow[] {
  const placeholders = best.map(() => '?').join(',');
  const rows = cached(db, `SELECT rid, id, content, scope, tags, updated_at, 0 AS rank FROM memories WHERE rid IN (${placeholders})`)
    .all(...best.map((b) => b.rid)) as HitRow[];
  const byRid = new Map(rows.map((r) => [r.rid, r]));
  return best.flatMap((b) => {
    const row = byRid.get(b.rid);
    return row ? [{ ...row, rank: b.rank }] : [];
  });
}

/** The light stem of a quoted query word; a word the tokenizer splits in two ("a_b") matches no single token. */
function termKey(quoted: string): string {
  const tokens = tokensOf(quoted.slice(1, -1));
  return tokens.length === 1 ? stemKey(tokens[0]) : ` ${quoted}`;
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
function byRankThenRecency(rankA: number, rankB: number, updatedA: number, updatedB: number, ridA: number, ridB: number): number {
  return Math.round(rankA * 1000) - Math.round(rankB * 1000) || updatedB - updatedA || ridB - ridA;
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
