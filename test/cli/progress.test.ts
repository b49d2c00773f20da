import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { openKit } from '../../src/kit.js';
import { progress } from '../../src/cli/progress.js';
import { deploySession, recordSession } from '../helpers/ledger.js';
import { BIN, tempDir } from '../helpers/temp.js';

const DAY = 86_400_000;

/** A KEI_HOME with one finished session worth a skill (extracted offline: no model on an empty PATH). */
function homeWithSession(): { home: string; env: NodeJS.ProcessEnv } {
  const home = tempDir('kei-progress-');
  const kit = openKit({ home, cwd: home, env: {} });
  recordSession(kit.db, 's1', deploySession(), Date.now() - DAY);
  kit.close();
  return { home, env: { HOME: home, PATH: `${tempDir('kei-no-path-')}:/usr/bin:/bin`, KEI_HOME: home } };
}

// Issue 19, item 14: long work shows a counter on a terminal, and nothing anywhere else.
describe('progress of long commands', () => {
  it('nightly on a terminal shows a counter with the current item on stderr', () => {
    const { env } = homeWithSession();
    const command = `'${process.execPath}' '${BIN.skills}' nightly`;
    const r = spawnSync('script', ['-qec', command, '/dev/null'], { env, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/\r\x1b\[Knightly 1\/1 traj_s1/);
    expect(r.stdout).toMatch(/extracted/);
  });

  it('is quiet without a terminal; --json is unchanged', () => {
    const { env } = homeWithSession();
    const r = spawnSync(process.execPath, [BIN.skills, 'nightly', '--json'], { env, encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout).counts).toBeDefined();
  });

  it('redraws one line cut to the terminal width and clears it at the end', () => {
    const written: string[] = [];
    const tty = { isTTY: true, columns: 20, write: (s: string) => written.push(s) } as unknown as NodeJS.WriteStream;
    const p = progress('tap update', tty);
    p.update(0, 3, 'a-skill-with-a-very-long-name');
    p.end();
    expect(written).toEqual(['\r\x1b[Ktap update 1/3 a-s…', '\r\x1b[K']);
    const pipe = { isTTY: false, write: () => expect.unreachable() } as unknown as NodeJS.WriteStream;
    progress('x', pipe).update(0, 1, 'y');
  });
});
