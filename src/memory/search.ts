import { cached, type Db } from '../core/db.js';
import { toFtsQuery, likePattern } from './fts-query.js';
import { decodeTags } from './rows.js';
import { visibilityFilter } from './scope-filter.js';
import { snippetMaker, type SnippetMaker } from './snippet.js';
import { bm25Ranker, stemKey, tokensOf } from './bm25.js';
import { termStatsOf, type TermStats } from './term-stats.js';
import type { Scope, SearchHit } from './types.js';
import { SETTINGS } from '../core/settings.js';

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
  /** How many of the newest matches are ranked (see `newestMatches`). */
  rankWindow?: number;
}

/** Default of `memory.rankWindow`. */
export const DEFAULT_RANK_WINDOW = SETTINGS.memory.rankWindow.default;

type Filter = { sql: string; params: unknown[] };

/** bm25 ranking (content weighs twice the tags), newest first among equals. Never throws on the query text. */
export function searchMemories(db: Db, req: SearchRequest): SearchHit[] {
  const fts = toFtsQuery(req.query);
  const filter = visibilityFilter(req.projectKey, req.scope, req.tags);
  let rows: HitRow[];
  if (fts.terms.length > 0) rows = matchInStages(db, fts.terms, filter, req.limit, req.rankWindow ?? DEFAULT_RANK_WINDOW);
  else if (fts.substring !== undefined)
    rows = plainRows(db, "m.content LIKE ? ESCAPE '\\'", [likePattern(fts.substring)], filter, req.limit);
  else rows = plainRows(db, '1', [], filter, req.limit);
  const terms = (req.query.normalize('NFKC').match(/[\p{L}\p{N}_]+/gu) ?? []).slice(0, 16);
  const snippet = snippetMaker(terms);
  return rows.map((row) => toHit(row, snippet));
}

/**
 * Words found in no memory can only make an all-words match fail, so they are dropped first (the
 * statistics cache knows); then all remaining words; only if no memory has them all, any word.
 */
function matchInStages(db: Db, terms: string[], filter: Filter, limit: number, window: number): HitRow[] {
  const stats = termStatsOf(db);
  const present = terms.filter((t) => stats.documentFrequency(t) > 0);
  if (present.length === 0) return [];
  const count = Math.max(window, limit);
  const all = newestMatches(db, present.join(' '), filter, count);
  if (all.length > 0 || present.length === 1) return rankCandidates(db, stats, present, all, limit);
  return rankCandidates(db, stats, present, anyWordCandidates(db, present, filter, count), limit);
}

/**
 * The newest `count` visible memories matching an FTS5 expression: FTS5 hands them over in rowid
 * order (newest first, no sort) and stops there, so the work is bounded by `count`, not by how many
 * of 100,000 memories a common word matches. Ranking them is the kit's (`rankCandidates`).
 */
function newestMatches(db: Db, match: string, filter: Filter, count: number): Candidate[] {
  const sql = `SELECT m.rid, m.content, m.tags, m.updated_at FROM memories_fts JOIN memories m ON m.rid = memories_fts.rowid
    WHERE memories_fts MATCH ? AND ${filter.sql} ORDER BY memories_fts.rowid DESC LIMIT ?`;
  const rows = cached(db, sql)
    .raw()
    .all(match, ...filter.params, count) as [number, string, string, number][];
  return rows.map(([rid, content, tags, updatedAt]) => ({ rid, content, tags, updatedAt, rank: 0 }));
}

/**
 * For the any-word stage: each word's newest matches, the window shared between the words, so a
 * rare word's memories are candidates even when a common word has thousands newer. Each candidate
 * knows which words matched it.
 */
function anyWordCandidates(db: Db, terms: string[], filter: Filter, window: number): Candidate[] {
  const each = Math.max(10, Math.ceil(window / terms.length));
  const byRid = new Map<number, Candidate>();
  terms.forEach((term, i) => {
    for (const c of newestMatches(db, term, filter, each)) {
      const seen = byRid.get(c.rid) ?? { ...c, matched: terms.map(() => false) };
      (seen.matched as boolean[])[i] = true;
      byRid.set(c.rid, seen);
    }
  });
  return [...byRid.values()];
}

interface Candidate {
  rid: number;
  content: string;
  tags: string;
  updatedAt: number;
  rank: number;
  matched?: boolean[];
}

/** bm25 with the cached word statistics, the best `limit` as full rows, newest first among equals. */
function rankCandidates(db: Db, stats: TermStats, terms: string[], candidates: Candidate[], limit: number): HitRow[] {
  if (candidates.length === 0) return [];
  const rank = bm25Ranker(
    terms.map((t) => ({ key: termKey(t), idf: stats.idf(t) })),
    stats.averageTokens,
  );
  for (const c of candidates) c.rank = rank(c);
  return rowsWithRanks(db, candidates.sort(byRankThenRecency).slice(0, limit));
}

/** The few best candidates as hits: their id and scope (the rest was read with the candidate), in ranked order. */
function rowsWithRanks(db: Db, best: Candidate[]): HitRow[] {
  const placeholders = best.map(() => '?').join(',');
  const rows = cached(db, `SELECT rid, id, scope FROM memories WHERE rid IN (${placeholders})`).all(...best.map((b) => b.rid)) as {
    rid: number;
    id: string;
    scope: Scope;
  }[];
  const byRid = new Map(rows.map((r) => [r.rid, r]));
  return best.flatMap((b) => {
    const row = byRid.get(b.rid);
    return row
      ? [{ rid: b.rid, id: row.id, scope: row.scope, content: b.content, tags: b.tags, updated_at: b.updatedAt, rank: b.rank }]
      : [];
  });
}

/** The light stem of a quoted query word; a word the tokenizer splits in two ("a_b") matches no single token. */
function termKey(quoted: string): string {
  const tokens = tokensOf(quoted.slice(1, -1));
  return tokens.length === 1 ? stemKey(tokens[0]) : ` ${quoted}`;
}

function plainRows(db: Db, where: string, params: unknown[], filter: Filter, limit: number): HitRow[] {
  const sql = `SELECT m.rid, m.id, m.content, m.scope, m.tags, m.updated_at, 0 AS rank FROM memories m
    WHERE ${where} AND ${filter.sql} ORDER BY m.updated_at DESC, m.rid DESC LIMIT ?`;
  return cached(db, sql).all(...params, ...filter.params, limit) as HitRow[];
}

/** Scores within a thousandth count as equal; then the most recently updated entry wins. */
function byRankThenRecency(a: Candidate, b: Candidate): number {
  return Math.round(a.rank * 1000) - Math.round(b.rank * 1000) || b.updatedAt - a.updatedAt || b.rid - a.rid;
}

function toHit(row: HitRow, snippet: SnippetMaker): SearchHit {
  return {
    id: row.id,
    content: row.content,
    scope: row.scope,
    tags: decodeTags(row.tags),
    // Significant digits, not thousandths: a word in over half the memories scores ~1e-6 (FTS5's idf floor), not 0.
    score: Number((-row.rank).toPrecision(6)),
    snippet: snippet(row.content),
    updatedAt: row.updated_at,
  };
}
