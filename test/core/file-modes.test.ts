import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { connectKeiMcp, type McpSession } from '../helpers/mcp.js';
import { BIN, tempDir } from '../helpers/temp.js';

let session: McpSession | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
});

const mode = (path: string) => (statSync(path).mode & 0o777).toString(8);

/** Runs one of our executables under the common umask 022, as a login shell would. */
function run(home: string, args: string[], input = '') {
  return spawnSync('/bin/sh', ['-c', 'umask 022; exec "$@"', 'sh', process.execPath, ...args], {
    env: { ...process.env, KEI_HOME: home, HOME: home },
    encoding: 'utf8',
    input,
  });
}

/** What README promises private (the database, config, logs), where others could read it: `path mode`. */
const PRIVATE = /^(kei\.db(-wal|-shm)?|config\.json|logs|logs\/.+)$/;
function openToOthers(home: string): string[] {
  const paths = ['', ...readdirSync(home, { recursive: true, encoding: 'utf8' }).filter((p) => PRIVATE.test(p))];
  return paths.filter((p) => (statSync(join(home, p)).mode & 0o077) !== 0).map((p) => `${p || '(home)'} ${mode(join(home, p))}`);
}

describe('the data home is private (0700 folders, 0600 files) under umask 022', () => {
  it('a first CLI command: home 0700, kei.db 0600, logs 0700', () => {
    const home = join(tempDir('kei-parent-'), 'data');
    const r = run(home, [BIN.skills, 'memory', 'add', 'The staging database is called orders-stg']);
    expect(r.status, r.stderr).toBe(0);
    expect(mode(home)).toBe('700');
    expect(mode(join(home, 'kei.db'))).toBe('600');
    expect(mode(join(home, 'logs'))).toBe('700');
    expect(openToOthers(home)).toEqual([]);
  });

  it('a first hook event: kei.db 0600 and its log 0600', () => {
    const home = join(tempDir('kei-parent-'), 'data');
    expect(run(home, [BIN.hook, 'Stop'], '{"session_id":"s1"}').status).toBe(0);
    expect(run(home, [BIN.hook, 'Stop'], 'not json').status).toBe(0); // writes logs/hooks.log
    expect(mode(home)).toBe('700');
    expect(mode(join(home, 'kei.db'))).toBe('600');
    expect(mode(join(home, 'logs', 'hooks.log'))).toBe('600');
    expect(openToOthers(home)).toEqual([]);
  });

  it('kei-mcp while running: kei.db, -wal and -shm are 0600', async () => {
    const home = join(tempDir('kei-parent-'), 'data');
    session = await connectKeiMcp(home, { HOME: home });
    const added = await session.call('memory_add', { content: 'Releases go out on Tuesdays' });
    expect(added.isError).toBeFalsy();
    for (const f of ['kei.db', 'kei.db-wal', 'kei.db-shm']) {
      expect(existsSync(join(home, f)), f).toBe(true);
      expect(mode(join(home, f)), f).toBe('600');
    }
  });

  it('a home left open by an older version is tightened by the next command', () => {
    const home = tempDir('kei-home-');
    mkdirSync(join(home, 'logs'));
    expect(run(home, [BIN.skills, 'memory', 'add', 'Deploys need a green CI run']).status).toBe(0);
    writeFileSync(join(home, 'config.json'), '{}\n');
    writeFileSync(join(home, 'logs', 'kei.log'), '{}\n');
    for (const [p, m] of [
      ['', 0o755],
      ['logs', 0o755],
      ['kei.db', 0o644],
      ['config.json', 0o644],
      ['logs/kei.log', 0o644],
    ] as const)
      chmodSync(join(home, p), m);
    expect(run(home, [BIN.skills, 'memory', 'list']).status).toBe(0);
    expect(mode(home)).toBe('700');
    expect(mode(join(home, 'config.json'))).toBe('600');
    expect(openToOthers(home)).toEqual([]);
  });
});
