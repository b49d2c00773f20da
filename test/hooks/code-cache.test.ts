import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readdirSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/core/db.js';
import { KEEP_FILES } from '../../src/hooks/code-cache.js';
import { BIN, REPO_ROOT, tempDir } from '../helpers/temp.js';

const LOADER = join(REPO_ROOT, 'dist', 'hooks', 'code-cache.cjs');

/**
 * Loads `file` through the built loader in a fresh process, as kei-hook does: inside one process V8 reuses what it
 * compiled already and never consults the cache, so only a new process shows whether the cache was taken.
 */
function loadWithCodeCache(file: string, cacheDir: string) {
  const script = `const b = require(${JSON.stringify(LOADER)}).loadWithCodeCache(process.argv[1], process.argv[2]);
    const out = { cache: b.cache, exports: { ...b.exports, answer: b.exports.answer() } };
    b.save();
    process.stdout.write(JSON.stringify(out));`;
  const r = spawnSync(process.execPath, ['-e', script, file, cacheDir], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  const out = JSON.parse(r.stdout) as { cache: string; exports: Record<string, unknown> };
  return out;
}

/** A real CommonJS file of some size (so V8 has bytecode to cache) that uses what the wrapper must provide. */
function fixture(dir: string, answer = 42): string {
  const file = join(dir, 'bundle.cjs');
  const filler = Array.from({ length: 200 }, (_, i) => `function f${i}(x) { return x * ${i} + ${i % 7}; }`).join('\n');
  writeFileSync(
    file,
    `'use strict';\n${filler}\nconst { basename } = require('node:path');\n` +
      `module.exports = { answer: () => ${answer} + f0(0), name: basename(__filename), dir: __dirname, same: exports === module.exports };\n`,
  );
  return file;
}

const cacheFiles = (dir: string) => readdirSync(dir).filter((n) => n.endsWith('.v8cache'));

function hook(home: string, event: string, payload: object, env: NodeJS.ProcessEnv = {}) {
  return spawnSync(process.execPath, [BIN.hook, event], {
    input: JSON.stringify(payload),
    env: { ...process.env, KEI_HOME: home, ...env },
    encoding: 'utf8',
  });
}

describe('hook code cache', () => {
  it('compiles on the first run (and saves), is taken by V8 on the next, and the module behaves as under require', () => {
    const dir = tempDir();
    const file = fixture(dir);
    const cache = join(dir, 'home', 'cache');
    const first = loadWithCodeCache(file, cache);
    expect(first.cache).toBe('miss');
    expect(first.exports).toMatchObject({ name: 'bundle.cjs', dir, same: true });
    expect(first.exports.answer).toBe(42);
    expect(cacheFiles(cache)).toHaveLength(1);
    // Only this user may read or replace it.
    expect(statSync(cache).mode & 0o777).toBe(0o700);
    expect(statSync(join(cache, cacheFiles(cache)[0])).mode & 0o777).toBe(0o600);
    const second = loadWithCodeCache(file, cache);
    expect(second.cache).toBe('hit');
    expect(second.exports.answer).toBe(42);
  });

  it('never applies a cache to a rebuilt bundle, even one of the same length', () => {
    const dir = tempDir();
    const cache = join(dir, 'cache');
    const file = fixture(dir, 42);
    loadWithCodeCache(file, cache);
    // Same length, other behaviour: V8 alone (it checks the length) would accept the old bytecode.
    fixture(dir, 43);
    const rebuilt = loadWithCodeCache(file, cache);
    expect(rebuilt.cache).toBe('miss');
    expect(rebuilt.exports.answer).toBe(43);
  });

  it('a corrupted cache is rejected by V8, the module still loads, and the cache is rewritten', () => {
    const dir = tempDir();
    const cache = join(dir, 'cache');
    const file = fixture(dir);
    loadWithCodeCache(file, cache);
    const name = join(cache, cacheFiles(cache)[0]);
    writeFileSync(name, Buffer.alloc(4096, 7), { mode: 0o600 });
    const bad = loadWithCodeCache(file, cache);
    expect(bad.cache).toBe('rejected');
    expect(bad.exports.answer).toBe(42);
    expect(loadWithCodeCache(file, cache).cache).toBe('hit');
  });

  it('does not read a cache from a folder others can write, nor through a symlink, nor one others can write', () => {
    const dir = tempDir();
    const file = fixture(dir);
    const open = join(dir, 'open');
    loadWithCodeCache(file, open);
    expect(loadWithCodeCache(file, open).cache).toBe('hit');
    chmodSync(open, 0o777);
    expect(loadWithCodeCache(file, open).cache).toBe('miss');
    const link = join(dir, 'link');
    symlinkSync(open, link);
    expect(loadWithCodeCache(file, link).cache).toBe('miss');
    chmodSync(open, 0o700);
    chmodSync(join(open, cacheFiles(open)[0]), 0o666);
    expect(loadWithCodeCache(file, open).cache).toBe('miss');
  });

  it('writes nothing into a folder others can write', () => {
    const dir = tempDir();
    const shared = join(dir, 'shared');
    mkdirSync(shared);
    chmodSync(shared, 0o777);
    loadWithCodeCache(fixture(dir), shared);
    expect(cacheFiles(shared)).toEqual([]);
  });

  it(`keeps at most ${KEEP_FILES} caches`, () => {
    const dir = tempDir();
    const cache = join(dir, 'cache');
    const file = fixture(dir);
    mkdirSync(cache, { mode: 0o700 });
    for (let i = 0; i < KEEP_FILES + 3; i++) {
      const old = join(cache, `hook-${String(i).padStart(16, '0')}.v8cache`);
      writeFileSync(old, 'x', { mode: 0o600 });
      utimesSync(old, 1000 + i, 1000 + i);
    }
    loadWithCodeCache(file, cache);
    const left = cacheFiles(cache);
    expect(left).toHaveLength(KEEP_FILES);
    expect(left).not.toContain('hook-0000000000000000.v8cache');
  });

  it('kei-hook keeps its cache in the data home and records events the same with a cold, warm or broken cache', () => {
    const home = tempDir('kei-home-');
    const cwd = tempDir();
    const answers: string[] = [];
    for (const [i, setup] of [() => undefined, () => undefined, () => breakCache(home)].entries()) {
      setup();
      const start = hook(home, 'SessionStart', { session_id: `s${i}`, cwd });
      const prompt = hook(home, 'UserPromptSubmit', { session_id: `s${i}`, cwd, prompt: 'run the tests' });
      expect([start.status, prompt.status, start.stderr, prompt.stderr]).toEqual([0, 0, '', '']);
      answers.push(start.stdout);
    }
    expect(new Set(answers.map((a) => a.replace(/s\d/g, ''))).size).toBe(1);
    // One per event and bundle: each event also redacted something (guard-redact.cjs has its own cache).
    expect(cacheFiles(join(home, 'cache'))).toHaveLength(4);
    // The bundle's one real import() (the config check) works from a script V8 restored from the cache.
    writeFileSync(join(home, 'config.json'), '{"bogus": true}');
    const warned = hook(home, 'SessionStart', { session_id: 's3', cwd });
    expect(warned.stderr).toBe('');
    expect(JSON.parse(warned.stdout).systemMessage).toMatch(/bogus/);
    const db = openDatabase(join(home, 'kei.db'));
    try {
      expect(db.prepare('SELECT count(*) AS n FROM sessions').get()).toEqual({ n: 4 });
    } finally {
      db.close();
    }
  });
});

function breakCache(home: string): void {
  const dir = join(home, 'cache');
  for (const name of cacheFiles(dir)) writeFileSync(join(dir, name), 'not bytecode');
}
