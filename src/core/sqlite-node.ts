import type { Db, RunResult, Statement, Transaction } from './sqlite.js';

/** The part of `node:sqlite` used here (its types are not in @types/node 20). */
interface StatementSync {
  run(...params: unknown[]): RunResult;
  get(...params: unknown[]): unknown;
  all(...params: unknown[]): unknown[];
  setReturnArrays?(on: boolean): void;
  setAllowUnknownNamedParameters?(on: boolean): void;
}
interface DatabaseSync {
  prepare(sql: string): StatementSync;
  exec(sql: string): void;
  close(): void;
}
type NodeSqlite = { DatabaseSync: new (file: string) => DatabaseSync };

/**
 * `node:sqlite`, or null where Node has none (before 22.13 without `--experimental-sqlite`, or with
 * `--no-experimental-sqlite`). Loading it makes Node 22 print "ExperimentalWarning: SQLite is an
 * experimental feature" on stderr, which is the user's terminal, the MCP client's log or a hook's
 * output: that one warning is dropped, others pass.
 */
export function loadNodeSqlite(): NodeSqlite | null {
  const emitWarning = process.emitWarning;
  process.emitWarning = function (warning: string | Error, ...rest: unknown[]) {
    if (isSqliteExperimental(warning, rest[0])) return;
    return (emitWarning as (...args: unknown[]) => void).call(process, warning, ...rest);
  } as typeof process.emitWarning;
  try {
    return (process.getBuiltinModule('node:sqlite') as NodeSqlite | undefined) ?? null;
  } finally {
    process.emitWarning = emitWarning;
  }
}

function isSqliteExperimental(warning: string | Error, typeOrOptions: unknown): boolean {
  const type = typeof typeOrOptions === 'string' ? typeOrOptions : (typeOrOptions as { type?: string } | undefined)?.type;
  const name = warning instanceof Error ? warning.name : type;
  return name === 'ExperimentalWarning' && /\bSQLite\b/.test(String(warning instanceof Error ? warning.message : warning));
}

export function openNodeSqlite(sqlite: NodeSqlite, file: string): Db {
  return new NodeDb(new sqlite.DatabaseSync(file));
}

/** better-sqlite3 binds `undefined` as NULL; node:sqlite refuses it. */
function bindable(params: unknown[]): unknown[] {
  return params.map((p) => {
    if (p === undefined) return null;
    if (p === null || typeof p !== 'object' || ArrayBuffer.isView(p)) return p;
    const named: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(p)) named[key] = value === undefined ? null : value;
    return named;
  });
}

class NodeStatement implements Statement {
  private arrays = false;

  constructor(private readonly stmt: StatementSync) {
    // better-sqlite3 ignores keys of a parameter object that the SQL does not name.
    stmt.setAllowUnknownNamedParameters?.(true);
  }

  run(...params: unknown[]): RunResult {
    return this.stmt.run(...bindable(params));
  }

  get(...params: unknown[]): unknown {
    const row = this.stmt.get(...bindable(params));
    return this.arrays && row && !Array.isArray(row) ? Object.values(row) : row;
  }

  all(...params: unknown[]): unknown[] {
    const rows = this.stmt.all(...bindable(params));
    return this.arrays && rows.length > 0 && !Array.isArray(rows[0]) ? rows.map((r) => Object.values(r as object)) : rows;
  }

  raw(toggle = true): Statement {
    this.arrays = toggle;
    this.stmt.setReturnArrays?.(toggle); // Node ≥ 22.16; before, rows are turned into arrays above
    return this;
  }
}

/** node:sqlite behind the kit's `Db`: transactions and pragmas the way better-sqlite3 runs them. */
class NodeDb implements Db {
  private depth = 0;
  private closed = false;

  constructor(private readonly db: DatabaseSync) {}

  get open(): boolean {
    return !this.closed;
  }

  prepare(sql: string): Statement {
    return new NodeStatement(this.db.prepare(sql));
  }

  exec(sql: string): this {
    this.db.exec(sql);
    return this;
  }

  pragma(source: string, options: { simple?: boolean } = {}): unknown {
    const rows = this.db.prepare(`PRAGMA ${source}`).all() as Record<string, unknown>[];
    return options.simple ? (rows[0] ? Object.values(rows[0])[0] : undefined) : rows;
  }

  close(): this {
    if (!this.closed) this.db.close();
    this.closed = true;
    return this;
  }

  transaction<T>(fn: () => T): Transaction<T> {
    const run = (begin: string): T => this.inTransaction(begin, fn);
    return Object.assign(() => run('BEGIN'), { immediate: () => run('BEGIN IMMEDIATE') });
  }

  /** Nested calls become savepoints, as in better-sqlite3: an inner failure undoes only the inner part. */
  private inTransaction<T>(begin: string, fn: () => T): T {
    const savepoint = this.depth > 0 ? `kei_${this.depth}` : null;
    this.db.exec(savepoint ? `SAVEPOINT ${savepoint}` : begin);
    this.depth++;
    try {
      const result = fn();
      this.db.exec(savepoint ? `RELEASE ${savepoint}` : 'COMMIT');
      return result;
    } catch (err) {
      this.rollback(savepoint);
      throw err;
    } finally {
      this.depth--;
    }
  }

  private rollback(savepoint: string | null): void {
    try {
      this.db.exec(savepoint ? `ROLLBACK TO ${savepoint}; RELEASE ${savepoint}` : 'ROLLBACK');
    } catch {
      // SQLite already rolled back (e.g. after SQLITE_FULL); the original error is the one to report.
    }
  }
}
