import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { NODE22_PACKAGES } from '../helpers/node22.js';
import { REPO_ROOT, suiteDir, tempDir } from '../helpers/temp.js';

/**
 * The kit as a user gets it when better-sqlite3 did not install (its build needs a compiler) or was
 * built for another Node: a copy of the package whose node_modules holds everything else.
 */
function installWith(betterSqlite3: 'absent' | 'broken'): string {
  const root = suiteDir('kei-engine-install-');
  for (const part of ['dist', 'bin', 'skills']) cpSync(join(REPO_ROOT, part), join(root, part), { recursive: true });
  copyFileSync(join(REPO_ROOT, 'package.json'), join(root, 'package.json'));
  mkdirSync(join(root, 'node_modules'));
  for (const name of readdirSync(join(REPO_ROOT, 'node_modules'))) {
    if (name !== 'better-sqlite3' && !name.startsWith('.'))
      symlinkSync(join(REPO_ROOT, 'node_modules', name), join(root, 'node_modules', name));
  }
  if (betterSqlite3 === 'broken') {
    const pkg = join(root, 'node_modules', 'better-sqlite3');
    cpSync(join(REPO_ROOT, 'node_modules', 'better-sqlite3', 'lib'), join(pkg, 'lib'), { recursive: true });
    copyFileSync(join(REPO_ROOT, 'node_modules', 'better-sqlite3', 'package.json'), join(pkg, 'package.json'));
    mkdirSync(join(pkg, 'build', 'Release'), { recursive: true });
    writeFileSync(join(pkg, 'build', 'Release', 'better_sqlite3.node'), 'not an addon for this platform');
  }
  return root;
}

const hasNodeSqlite = (): boolean =>
  spawnSync(process.execPath, ['-e', "process.exit(process.getBuiltinModule('node:sqlite') ? 0 : 1)"]).status === 0;

/** A Node with node:sqlite: this one, or (on Node 20) Node 22 from the npm registry, the package set the other tests share. */
function nodeWithSqlite(): string {
  if (hasNodeSqlite()) return process.execPath;
  const npx = spawnSync('npx', ['-y', ...NODE22_PACKAGES.flatMap((p) => ['-p', p]), 'node', '-p', 'process.execPath'], {
    encoding: 'utf8',
  });
  return npx.stdout.trim();
}

/** A Node without node:sqlite, as Node 20 is: this one on Node 20, else with node:sqlite switched off. */
const nodeWithoutSqlite = (): string[] => (hasNodeSqlite() ? [process.execPath, '--no-experimental-sqlite'] : [process.execPath]);

function run(node: string[], root: string, bin: string, args: string[], env: NodeJS.ProcessEnv, input?: string) {
  const r = spawnSync(node[0], [...node.slice(1), join(root, 'bin', bin), ...args], {
    env: { ...process.env, KEI_SQLITE_ENGINE: '', ...env },
    input,
    encoding: 'utf8',
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function engineRow(node: string[], root: string, env: NodeJS.ProcessEnv): { ok: boolean; detail: string } {
  const rows = JSON.parse(run(node, root, 'kei-skills.js', ['doctor', '--json'], env).out) as {
    name: string;
    ok: boolean;
    detail: string;
  }[];
  return rows.find((r) => r.name === 'SQLite engine') as { ok: boolean; detail: string };
}

describe('SQLite engine choice, as a user meets it', () => {
  let withSqlite: string[];
  let absent: string;
  let broken: string;
  beforeAll(() => {
    withSqlite = [nodeWithSqlite()];
    absent = installWith('absent');
    broken = installWith('broken');
  }, 240_000);

  it('without better-sqlite3 the CLI and the hooks run on node:sqlite, doctor says why, and no warning reaches the terminal', () => {
    const home = tempDir('kei-home-');
    expect(engineRow(withSqlite, absent, { KEI_HOME: home })).toMatchObject({
      ok: true,
      detail: expect.stringMatching(/^node:sqlite \(better-sqlite3 is not installed/),
    });
    const add = run(
      withSqlite,
      absent,
      'kei-skills.js',
      ['memory', 'add', 'Deployment of the billing service uses pnpm and runs vitest first'],
      { KEI_HOME: home },
    );
    expect(add).toMatchObject({ code: 0, err: '' });
    const search = run(withSqlite, absent, 'kei-skills.js', ['memory', 'search', 'billing', '--json'], { KEI_HOME: home });
    expect(search).toMatchObject({ code: 0, err: '' });
    expect(search.out).toContain('uses pnpm');
    const prompt = JSON.stringify({ session_id: 's1', prompt: 'Update the deployment of the billing service', cwd: home });
    const hook = run(withSqlite, absent, 'kei-hook.cjs', ['UserPromptSubmit'], { KEI_HOME: home }, prompt);
    expect(hook).toMatchObject({ code: 0, err: '' });
    expect(hook.out).toContain('uses pnpm');
  });

  it('a binding that does not load (built for another Node or platform) falls back to node:sqlite, and doctor names the loader error', () => {
    const row = engineRow(withSqlite, broken, { KEI_HOME: tempDir('kei-home-') });
    expect(row.ok).toBe(true);
    const major = Number(spawnSync(withSqlite[0], ['-p', 'process.versions.node'], { encoding: 'utf8' }).stdout.split('.')[0]);
    // On Node 24 better-sqlite3 12 is not even tried: it aborts every process at exit there (sqlite-engine.ts).
    const why =
      major >= 24 ? /aborts at exit on Node 24/ : /better-sqlite3's binding failed to load: .*(invalid ELF header|too short|not a mach-o)/i;
    expect(row.detail).toMatch(/^node:sqlite \(/);
    expect(row.detail).toMatch(why);
  });

  it('a Node without node:sqlite (Node 20) and no binding: a clear error naming both ways out; the hook still exits 0', () => {
    const home = tempDir('kei-home-');
    const r = run(nodeWithoutSqlite(), absent, 'kei-skills.js', ['memory', 'list'], { KEI_HOME: home });
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/no built-in SQLite \(node:sqlite\)/);
    expect(r.err).toMatch(/Node ≥ 22\.13/);
    expect(r.err).toMatch(/install a C\/C\+\+ compiler.*npm rebuild better-sqlite3/i);
    expect(r.err).not.toMatch(/\n\s+at /);
    expect(engineRow(nodeWithoutSqlite(), absent, { KEI_HOME: home }).ok).toBe(false);
    const hook = run(
      nodeWithoutSqlite(),
      absent,
      'kei-hook.cjs',
      ['UserPromptSubmit'],
      { KEI_HOME: home },
      '{"session_id":"s1","prompt":"hi"}',
    );
    expect(hook.code).toBe(0);
  });

  it('KEI_SQLITE_ENGINE forces an engine, and a wrong or impossible choice is said plainly', () => {
    const home = tempDir('kei-home-');
    expect(engineRow(withSqlite, REPO_ROOT, { KEI_HOME: home, KEI_SQLITE_ENGINE: 'node' }).detail).toBe(
      'node:sqlite (KEI_SQLITE_ENGINE=node)',
    );
    const forced = run(withSqlite, absent, 'kei-skills.js', ['memory', 'list'], { KEI_HOME: home, KEI_SQLITE_ENGINE: 'better-sqlite3' });
    expect(forced.code).toBe(1);
    expect(forced.err).toMatch(/KEI_SQLITE_ENGINE=better-sqlite3, but better-sqlite3 is not installed/);
    const wrong = run(withSqlite, REPO_ROOT, 'kei-skills.js', ['memory', 'list'], { KEI_HOME: home, KEI_SQLITE_ENGINE: 'sqlite4' });
    expect(wrong.err).toMatch(/KEI_SQLITE_ENGINE=sqlite4 is not an SQLite engine: use better-sqlite3, node/);
    const impossible = run(nodeWithoutSqlite(), REPO_ROOT, 'kei-skills.js', ['memory', 'list'], {
      KEI_HOME: home,
      KEI_SQLITE_ENGINE: 'node',
    });
    expect(impossible.err).toMatch(/KEI_SQLITE_ENGINE=node needs Node ≥ 22\.13/);
  });

  it("only node:sqlite's experimental warning is dropped; other warnings still reach stderr", () => {
    const script =
      `const { loadNodeSqlite } = await import(${JSON.stringify(join(REPO_ROOT, 'dist', 'core', 'sqlite-node.js'))});` +
      "loadNodeSqlite(); process.emitWarning('Something else is experimental', 'ExperimentalWarning');";
    const r = spawnSync(withSqlite[0], ['--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('Something else is experimental');
    expect(r.stderr).not.toMatch(/SQLite is an experimental feature/);
  });
});
