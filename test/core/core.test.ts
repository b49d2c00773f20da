import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../src/core/atomic-write.js';
import { loadConfig } from '../../src/core/config.js';
import { migrate, openDatabase } from '../../src/core/db.js';
import { newId } from '../../src/core/ids.js';
import { createLogger } from '../../src/core/log.js';
import { ensureKeiHome, resolveKeiHome } from '../../src/core/paths.js';
import { projectKeyFor } from '../../src/core/project-key.js';
import { MIGRATIONS } from '../../src/core/migrations.js';
import { tempDir } from '../helpers/temp.js';

describe('data home', () => {
  it('is created on first use, private to the user', () => {
    const home = join(tempDir(), 'nested', 'kei');
    const paths = ensureKeiHome(home);
    expect(statSync(home).mode & 0o777).toBe(0o700);
    expect(existsSync(paths.logs)).toBe(true);
  });

  it('comes from KEI_HOME, else ~/.keiseikit', () => {
    expect(resolveKeiHome({ KEI_HOME: '/tmp/x-kei' })).toBe('/tmp/x-kei');
    expect(resolveKeiHome({})).toMatch(/\.keiseikit$/);
  });
});

describe('config.json', () => {
  it('is optional and every key has a default', () => {
    const config = loadConfig(join(tempDir(), 'missing.json'));
    expect(config.memory.maxEntryChars).toBe(4000);
    expect(config.log.level).toBe('info');
  });

  it('keeps given keys and defaults the rest', () => {
    const file = join(tempDir(), 'config.json');
    writeFileSync(file, JSON.stringify({ memory: { maxEntryChars: 500 } }));
    const config = loadConfig(file);
    expect(config.memory.maxEntryChars).toBe(500);
    expect(config.memory.searchLimit).toBe(10);
  });

  it('names the file and the key when a value is wrong', () => {
    const file = join(tempDir(), 'config.json');
    writeFileSync(file, JSON.stringify({ memory: { maxEntryChars: 'lots' } }));
    expect(() => loadConfig(file)).toThrow(`${file}: memory.maxEntryChars`);
  });

  it('refuses unknown keys (typos are not silently ignored)', () => {
    const file = join(tempDir(), 'config.json');
    writeFileSync(file, JSON.stringify({ memroy: {} }));
    expect(() => loadConfig(file)).toThrow(/memroy/);
  });

  it('reports broken JSON with the file name', () => {
    const file = join(tempDir(), 'config.json');
    writeFileSync(file, '{ "memory": ');
    expect(() => loadConfig(file)).toThrow(`${file}: not valid JSON`);
  });
});

describe('database', () => {
  it('opens in WAL with busy timeout and foreign keys, at the latest schema', () => {
    const db = openDatabase(join(tempDir(), 'kei.db'));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    db.close();
  });

  it('applies only new migrations, and rolls a failing one back whole', () => {
    const db = openDatabase(join(tempDir(), 'kei.db'), []);
    const first = [{ version: 1, name: 'a', sql: 'CREATE TABLE a (x)' }];
    expect(migrate(db, first)).toBe(1);
    expect(migrate(db, first)).toBe(1);
    const broken = [...first, { version: 2, name: 'b', sql: 'CREATE TABLE b (y); CREATE TABLE a (x)' }];
    expect(() => migrate(db, broken)).toThrow();
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'b'").get()).toEqual({ n: 0 });
    db.close();
  });

  it('refuses a database newer than the code', () => {
    const file = join(tempDir(), 'kei.db');
    const db = openDatabase(file);
    db.pragma('user_version = 99');
    db.close();
    expect(() => openDatabase(file)).toThrow(/newer than this KeiSeiKit/);
  });
});

describe('helpers', () => {
  it('writes files atomically and leaves no temp file', () => {
    const dir = tempDir();
    const file = join(dir, 'sub', 'a.txt');
    writeFileAtomic(file, 'one');
    writeFileAtomic(file, 'two');
    expect(readFileSync(file, 'utf8')).toBe('two');
    expect(readdirSync(join(dir, 'sub'))).toEqual(['a.txt']);
  });

  it('finds the git root as the project key, else the folder itself', () => {
    const root = tempDir();
    mkdirSync(join(root, '.git'));
    mkdirSync(join(root, 'a', 'b'), { recursive: true });
    expect(projectKeyFor(join(root, 'a', 'b'))).toBe(root);
    const plain = tempDir();
    expect(projectKeyFor(plain)).toBe(plain);
  });

  it('makes unique, time-sortable ids', () => {
    const ids = new Set(Array.from({ length: 1000 }, () => newId('m')));
    expect(ids.size).toBe(1000);
    expect(newId('m', 1000) < newId('m', 2000)).toBe(true);
  });

  it('logs JSON lines to the logs folder and never to stdout', () => {
    const dir = tempDir();
    const log = createLogger({ dir, name: 'test' });
    log.info('hello', { n: 1 });
    log.debug('hidden');
    const lines = readFileSync(join(dir, 'test.log'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 'info', msg: 'hello', n: 1 });
  });
});
