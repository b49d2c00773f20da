import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openDatabase, type Db } from '../../src/core/db.js';
import { sqliteEngine } from '../../src/core/sqlite-engine.js';
import { loadBetterSqlite3 } from '../../src/core/sqlite-better.js';
import { loadNodeSqlite } from '../../src/core/sqlite-node.js';
import { tempDir } from '../helpers/temp.js';

// Every engine this Node can run (CI runs the suite on Node 20, 22 and 24, so each engine meets these on some run).
const engines = [
  { name: 'better-sqlite3', available: !('failure' in loadBetterSqlite3()) },
  { name: 'node', available: loadNodeSqlite() !== null },
];

function open(engine: string): Db {
  const file = join(tempDir('kei-engine-'), 'kei.db');
  return sqliteEngine({ KEI_SQLITE_ENGINE: engine }).open(file);
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe.each(engines)('the $name engine behind the kit Db interface', ({ name, available }) => {
  it.skipIf(!available)('binds positional and named parameters, undefined as NULL, and reports changes and row ids', () => {
    const db = open(name);
    db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, a TEXT, b TEXT)');
    const first = db.prepare('INSERT INTO t (a, b) VALUES (?, ?)').run('x', undefined);
    const second = db.prepare('INSERT INTO t (a, b) VALUES (@a, @b)').run({ a: 'y', b: undefined });
    expect([first.changes, Number(first.lastInsertRowid), Number(second.lastInsertRowid)]).toEqual([1, 1, 2]);
    expect({ ...(db.prepare('SELECT a, b FROM t WHERE id = $id').get({ id: 2 }) as object) }).toEqual({ a: 'y', b: null });
    expect(db.prepare('SELECT id, a FROM t ORDER BY id').raw().all()).toEqual([
      [1, 'x'],
      [2, 'y'],
    ]);
    expect(db.prepare('SELECT a FROM t WHERE id = ?').get(99)).toBeUndefined();
    expect(db.prepare('UPDATE t SET a = ? WHERE id > ?').run('z', 0).changes).toBe(2);
    db.close();
    expect(db.open).toBe(false);
  });

  it.skipIf(!available)('a failed transaction leaves nothing; a failed nested one undoes only its own part', () => {
    const db = open(name);
    db.exec('CREATE TABLE t (v TEXT UNIQUE)');
    const insert = db.prepare('INSERT INTO t VALUES (?)');
    expect(() =>
      db.transaction(() => {
        insert.run('a');
        insert.run('a');
      })(),
    ).toThrow(/UNIQUE constraint failed/);
    db.transaction(() => {
      insert.run('b');
      expect(() => db.transaction(() => insert.run('b'))()).toThrow(/UNIQUE/);
      insert.run('c');
    }).immediate();
    expect(db.prepare('SELECT v FROM t ORDER BY v').raw().all()).toEqual([['b'], ['c']]);
    expect(db.transaction(() => 42).immediate()).toBe(42);
    db.close();
  });

  it.skipIf(!available)('opens kei.db with WAL, the busy timeout, foreign keys and the schema, and FTS5 ranks with bm25', () => {
    vi.stubEnv('KEI_SQLITE_ENGINE', name);
    const db = openDatabase(join(tempDir('kei-engine-'), 'kei.db'));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('user_version', { simple: true })).toBeGreaterThan(0);
    db.exec("CREATE VIRTUAL TABLE f USING fts5(c); INSERT INTO f VALUES ('deploy with fly'), ('deploy deploy deploy')");
    const ranked = db.prepare("SELECT c, bm25(f) AS score FROM f WHERE f MATCH 'deploy' ORDER BY score").all() as { c: string }[];
    expect(ranked.map((r) => r.c)).toEqual(['deploy deploy deploy', 'deploy with fly']);
    db.close();
  });
});
