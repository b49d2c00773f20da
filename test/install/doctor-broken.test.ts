import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { BIN, tempDir } from '../helpers/temp.js';

// Each doctor run starts kei-mcp, a sandbox and the model back end's check: ~4 s alone, several times that when CI
// runs three suites at once; a case here runs doctor up to five times.
vi.setConfig({ testTimeout: 240_000 });

interface Row {
  name: string;
  ok: boolean;
  detail: string;
  optional?: boolean;
  skipped?: boolean;
}

function kei(args: string[], env: NodeJS.ProcessEnv, cwd?: string) {
  const r = spawnSync(process.execPath, [BIN.skills, ...args], { env: { ...process.env, ...env }, cwd, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function doctor(env: NodeJS.ProcessEnv, cwd?: string): { code: number | null; rows: Row[]; err: string } {
  const r = kei(['doctor', '--json'], env, cwd);
  expect(r.err).not.toMatch(/\n\s+at /); // no stack trace: doctor never crashes
  return { code: r.code, rows: JSON.parse(r.out) as Row[], err: r.err };
}

const row = (rows: Row[], name: string) => rows.find((r) => r.name === name) as Row;

describe('doctor on broken set-ups', () => {
  it('a KEI_HOME that is a file (or below one) fails its own row, and every other row still reports', () => {
    const dir = tempDir('kei-doc-');
    const file = join(dir, 'home-file');
    writeFileSync(file, 'x');
    for (const home of [file, join(file, 'below')]) {
      const { code, rows } = doctor({ KEI_HOME: home, HOME: dir });
      expect(code).toBe(1);
      expect(row(rows, 'KEI_HOME writable')).toMatchObject({ ok: false });
      expect(row(rows, 'KEI_HOME writable').detail).toContain(`${file} is a file, not a folder`);
      expect(row(rows, 'config.json')).toMatchObject({ skipped: true });
      expect(row(rows, 'database integrity').ok).toBe(false);
      expect(rows.map((r) => r.name)).toEqual(expect.arrayContaining(['Node.js', 'MCP server', 'model back end']));
    }
  });

  it('the other commands explain an unusable KEI_HOME in one line instead of a raw ENOTDIR', () => {
    const dir = tempDir('kei-doc-');
    const file = join(dir, 'home-file');
    writeFileSync(file, 'x');
    const r = kei(['memory', 'list'], { KEI_HOME: file });
    expect(r.code).toBe(1);
    expect(r.err.trim().split('\n')).toEqual([expect.stringContaining(`${file} is a file, not a folder`)]);
    expect(r.err).not.toMatch(/ENOTDIR|EEXIST/);
  });

  it.skipIf(process.getuid?.() === 0)('an unwritable KEI_HOME is explained (not EACCES), and doctor reports it', () => {
    const home = tempDir('kei-doc-');
    chmodSync(home, 0o500);
    try {
      const r = kei(['memory', 'list'], { KEI_HOME: join(home, 'inner') });
      expect(r.err).toMatch(/no permission to write there/);
      expect(row(doctor({ KEI_HOME: home }).rows, 'KEI_HOME writable').ok).toBe(false);
    } finally {
      chmodSync(home, 0o700);
    }
  });

  it.each([
    ['invalid JSON', '{"memory": ', /not valid JSON/],
    ['an unknown key', '{"memmory": {}}', /memmory/],
    ['a wrong type', '{"memory": {"searchLimit": "ten"}}', /memory\.searchLimit/],
  ])('a config.json with %s fails the config row in the table; the rest runs on defaults', (_what, text, pattern) => {
    const home = tempDir('kei-doc-');
    writeFileSync(join(home, 'config.json'), text);
    const { code, rows } = doctor({ KEI_HOME: home, HOME: home });
    expect(code).toBe(1);
    expect(row(rows, 'config.json').ok).toBe(false);
    expect(row(rows, 'config.json').detail).toMatch(pattern);
    expect(row(rows, 'database integrity').ok).toBe(true);
    expect(row(rows, 'MCP server')).toMatchObject({ ok: false });
    expect(row(rows, 'MCP server').detail).toMatch(/does not start: .*config\.json/);
    const table = kei(['doctor'], { KEI_HOME: home, HOME: home });
    expect(table.code).toBe(1);
    expect(table.out).toMatch(/config\.json\s+FAIL/);
  });

  it('a kei.db that is not a database fails the database row; skills and model say they were not checked', () => {
    const home = tempDir('kei-doc-');
    writeFileSync(join(home, 'kei.db'), 'this is not sqlite, just text that is long enough to be read as a header '.repeat(10));
    const { code, rows } = doctor({ KEI_HOME: home, HOME: home });
    expect(code).toBe(1);
    expect(row(rows, 'database integrity')).toMatchObject({ ok: false });
    expect(row(rows, 'skills')).toMatchObject({ skipped: true });
    expect(row(rows, 'model back end')).toMatchObject({ skipped: true });
  });

  it('hooks missing events, or naming a node binary or kei-hook that is gone, fail', () => {
    const home = tempDir('kei-doc-');
    const user = tempDir('kei-user-');
    expect(kei(['setup', 'claude-code'], { KEI_HOME: home, HOME: user }, user).code).toBe(0);
    const settingsPath = join(user, '.claude', 'settings.json');
    const installed = readFileSync(settingsPath, 'utf8');
    expect(row(doctor({ KEI_HOME: home, HOME: user }, user).rows, 'Claude Code hooks (user)').ok).toBe(true);

    const settings = JSON.parse(installed);
    delete settings.hooks.Stop;
    delete settings.hooks.SessionEnd;
    writeFileSync(settingsPath, JSON.stringify(settings));
    const partial = row(doctor({ KEI_HOME: home, HOME: user }, user).rows, 'Claude Code hooks (user)');
    expect(partial).toMatchObject({ ok: false });
    expect(partial.detail).toMatch(/6 of 8 events; missing Stop, SessionEnd/);

    writeFileSync(settingsPath, installed.split(process.execPath).join('/gone/node-v18/bin/node'));
    const noNode = doctor({ KEI_HOME: home, HOME: user }, user);
    expect(noNode.code).toBe(1);
    expect(row(noNode.rows, 'Claude Code hooks (user)').detail).toBe('node binary /gone/node-v18/bin/node is missing or not executable');

    writeFileSync(settingsPath, installed.split(BIN.hook).join('/gone/kei-hook.cjs'));
    expect(row(doctor({ KEI_HOME: home, HOME: user }, user).rows, 'Claude Code hooks (user)').detail).toBe(
      'points at missing /gone/kei-hook.cjs',
    );
  });
});

describe('a relative KEI_HOME', () => {
  it('is refused with the absolute path to use; no folder appears in the current directory', () => {
    const cwd = tempDir('kei-cwd-');
    const r = kei(['memory', 'list'], { KEI_HOME: 'rel-home' }, cwd);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`KEI_HOME must be an absolute path (got "rel-home")`);
    expect(r.err).toContain(`KEI_HOME=${join(cwd, 'rel-home')}`);
    expect(existsSync(join(cwd, 'rel-home'))).toBe(false);
    const d = doctor({ KEI_HOME: 'rel-home' }, cwd);
    expect(row(d.rows, 'KEI_HOME writable')).toMatchObject({ ok: false });
    expect(existsSync(join(cwd, 'rel-home'))).toBe(false);
  });

  it('~ is expanded (MCP client configs pass it unexpanded)', () => {
    const user = tempDir('kei-user-');
    mkdirSync(join(user, 'data'));
    expect(kei(['memory', 'add', 'Prefers', 'tabs'], { KEI_HOME: '~/data/kei', HOME: user }).code).toBe(0);
    expect(existsSync(join(user, 'data', 'kei', 'kei.db'))).toBe(true);
  });

  it('the hook records nothing, exits 0, and says why at SessionStart', () => {
    const cwd = tempDir('kei-cwd-');
    const r = spawnSync(process.execPath, [BIN.hook, 'SessionStart'], {
      input: JSON.stringify({ session_id: 's', cwd }),
      env: { ...process.env, KEI_HOME: 'rel-home' },
      cwd,
      encoding: 'utf8',
    });
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).systemMessage).toMatch(/not being recorded: KEI_HOME must be an absolute path/);
    expect(existsSync(join(cwd, 'rel-home'))).toBe(false);
  });
});
