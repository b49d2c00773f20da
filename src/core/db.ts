import { closeSync, existsSync, openSync } from 'node:fs';
import { KeiError } from './errors.js';
import { MIGRATIONS, type Migration } from './migrations.js';
import type { Db, Statement } from './sqlite.js';
import { sqliteEngine } from './sqlite-engine.js';

export type { Db, Statement } from './sqlite.js';

/**
 * Opens `kei.db` the way every KeiSeiKit process must: WAL so readers never wait for writers,
 * a 5 s busy timeout so concurrent writers queue instead of failing, foreign keys enforced,
 * then brings the schema up to date. The engine is better-sqlite3, else node:sqlite (sqlite-engine.ts).
 */
export function openDatabase(file: string, migrations: readonly Migration[] = MIGRATIONS): Db {
  createPrivately(file);
  const db = sqliteEngine().open(file);
  // One call for all settings (the hook path opens the database on every event).
  // cache_size: search reads the FTS index on every call; keep its pages in memory.
  db.exec(
    'PRAGMA busy_timeout = 5000; PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA ' +
      'foreign_keys = ON; PRAGMA cache_size = -32000; PRAGMA mmap_size = 268435456;',
  );
  migrate(db, migrations);
  return db;
}

/**
 * The ledger and memories are private: kei.db is created 0600 (whatever the umask), and SQLite gives
 * its -wal and -shm files the database file's mode.
 */
function createPrivately(file: string): void {
  if (file === ':memory:' || existsSync(file)) return;
  try {
    closeSync(openSync(file, 'a', 0o600));
  } catch {
    // SQLite reports a folder that cannot be written to in its own words.
  }
}

/** Applies every migration above `PRAGMA user_version`, all in one immediate transaction. */
export function migrate(db: Db, migrations: readonly Migration[]): number {
  checkOrder(migrations);
  const target = migrations.length === 0 ? 0 : migrations[migrations.length - 1].version;
  // The common case (up to date) needs no write lock: hooks open the database on every event.
  if ((db.pragma('user_version', { simple: true }) as number) === target) return target;
  const apply = db.transaction(() => {
    const current = db.pragma('user_version', { simple: true }) as number;
    if (current > target) {
      throw new KeiError('db_too_new', `kei.db is at schema ${current}, newer than this KeiSeiKit (${target}); upgrade KeiSeiKit`);
    }
    for (const migration of migrations) {
      if (migration.version <= current) continue;
      db.exec(migration.sql);
      db.pragma(`user_version = ${migration.version}`);
    }
    return target;
  });
  return apply.immediate();
}

function checkOrder(migrations: readonly Migration[]): void {
  migrations.forEach((m, index) => {
    if (m.version !== index + 1) throw new Error(`migration ${m.name} has version ${m.version}, expected ${index + 1}`);
  });
}

const statementCache = new WeakMap<Db, Map<string, Statement>>();

/** A prepared statement reused for the life of the connection: hot paths prepare once. */
export function cached(db: Db, sql: string): Statement {
  let byText = statementCache.get(db);
  if (!byText) {
    byText = new Map();
    statementCache.set(db, byText);
  }
  let stmt = byText.get(sql);
  if (!stmt) {
    stmt = db.prepare(sql);
    if (byText.size < 500) byText.set(sql, stmt);
  }
  return stmt;
}
