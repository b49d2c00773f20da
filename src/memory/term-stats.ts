import { cached, type Db } from '../core/db.js';

const MAX_CACHED_TERMS = 20_000;

/**
 * What bm25 needs to know about the whole collection: how many memories there are, their average
 * length in tokens, and in how many of them each word occurs. Word counts are cached against
 * `memory_version` (moved by triggers on every insert, delete and edit, from any process), so a
 * search pays for counting a word's documents only the first time after the memories change;
 * FTS5's own bm25 walks every query word's whole document list on every call.
 */
export class TermStats {
  private version = -1;
  private docs = 0;
  private averageLength = 1;
  private readonly frequencies = new Map<string, number>();

  constructor(private readonly db: Db) {}

  /** Drops what changed memories made stale: one one-row read when nothing did. */
  sync(): void {
    const row = cached(this.db, 'SELECT version FROM memory_version WHERE id = 1').get() as { version: number } | undefined;
    const version = row?.version ?? 0;
    if (version === this.version) return;
    this.version = version;
    this.frequencies.clear();
    const totals = readTotals(this.db);
    this.docs = totals.rows;
    this.averageLength = totals.rows > 0 ? Math.max(1, totals.tokens / totals.rows) : 1;
  }

  get averageTokens(): number {
    return this.averageLength;
  }

  /** Memories containing `term` (an FTS5 string, already quoted), as FTS5 matches it. */
  documentFrequency(term: string): number {
    let n = this.frequencies.get(term);
    if (n === undefined) {
      n = (cached(this.db, 'SELECT count(*) AS n FROM memories_fts WHERE memories_fts MATCH ?').get(term) as { n: number }).n;
      if (this.frequencies.size >= MAX_CACHED_TERMS) this.frequencies.clear();
      this.frequencies.set(term, n);
    }
    return n;
  }

  /** bm25's inverse document frequency, with FTS5's floor for words in over half the memories. */
  idf(term: string): number {
    const n = this.documentFrequency(term);
    return Math.max(1e-6, Math.log((this.docs - n + 0.5) / (n + 0.5)));
  }
}

const byDb = new WeakMap<Db, TermStats>();

/** The one statistics cache of a connection, brought up to date. */
export function termStatsOf(db: Db): TermStats {
  let stats = byDb.get(db);
  if (!stats) {
    stats = new TermStats(db);
    byDb.set(db, stats);
  }
  stats.sync();
  return stats;
}

/**
 * Row count and token totals as FTS5 keeps them (its averages record, rowid 1 of `memories_fts_data`:
 * SQLite varints, the row count then one total per column), the same figures its bm25 uses.
 */
function readTotals(db: Db): { rows: number; tokens: number } {
  const row = cached(db, 'SELECT block FROM memories_fts_data WHERE id = 1').get() as { block: Uint8Array } | undefined;
  if (!row || !(row.block instanceof Uint8Array) || row.block.length === 0) return { rows: 0, tokens: 0 };
  const values = readVarints(row.block);
  return { rows: values[0] ?? 0, tokens: values.slice(1).reduce((a, b) => a + b, 0) };
}

/** SQLite's variable-length integers: 7 bits a byte, high bit set on all but the last; a ninth byte gives 8. */
function readVarints(buf: Uint8Array): number[] {
  const out: number[] = [];
  let i = 0;
  while (i < buf.length) {
    let value = 0;
    for (let n = 0; i < buf.length; n++) {
      const byte = buf[i++];
      if (n === 8) {
        value = value * 256 + byte;
        break;
      }
      value = value * 128 + (byte & 0x7f);
      if ((byte & 0x80) === 0) break;
    }
    out.push(value);
  }
  return out;
}
