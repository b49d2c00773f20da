/**
 * The part of SQLite the kit uses, as one interface both engines implement: better-sqlite3 (the
 * primary engine, a native addon) and Node's built-in `node:sqlite` (the fallback when the addon is
 * missing or does not load). Callers see only this, so they do not know which engine runs.
 * The shapes follow better-sqlite3's API, which the code was written against. Differences callers
 * must allow for: a BLOB reads back as a Uint8Array (better-sqlite3's Buffer is one), and a row
 * object may have no prototype (node:sqlite), so read its fields, do not call methods on it.
 */

export interface RunResult {
  changes: number;
  lastInsertRowid: number | bigint;
}

/** A prepared statement. Parameters: positional values, or one object for `@name`/`:name`/`$name` (keys without the prefix); `undefined` binds NULL. */
export interface Statement {
  run(...params: unknown[]): RunResult;
  get(...params: unknown[]): unknown;
  all(...params: unknown[]): unknown[];
  /** Rows as arrays of column values instead of objects (for this statement from now on). */
  raw(toggle?: boolean): Statement;
}

/** `fn` in a transaction (BEGIN, or a savepoint when one is already open); `.immediate()` takes the write lock at the start. */
export interface Transaction<T> {
  (): T;
  immediate(): T;
}

export interface Db {
  prepare(sql: string): Statement;
  exec(sql: string): unknown;
  /** `PRAGMA <source>`: the rows, or with `simple` the first column of the first row. */
  pragma(source: string, options?: { simple?: boolean }): unknown;
  transaction<T>(fn: () => T): Transaction<T>;
  close(): unknown;
  readonly open: boolean;
}

/** Which engine opened a database, and why that one (doctor says it). */
export interface EngineChoice {
  name: 'better-sqlite3' | 'node:sqlite';
  reason: string;
}
