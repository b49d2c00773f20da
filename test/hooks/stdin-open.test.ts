import { execFileSync, spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/core/db.js';
import { BIN, tempDir } from '../helpers/temp.js';

/**
 * The real bin/kei-hook.cjs reading a FIFO that is never closed for writing (the child holds a write
 * end too, as `(printf …; sleep 30) | kei-hook` does): the hook must neither wait for end of input
 * nor hang past its watchdog. A FIFO, not spawn's default stdio (a socket), because a blocking read
 * is what used to hang.
 */
function hookWithOpenStdin(event: string, bytes: string, home: string): Promise<{ code: number | null; ms: number; stdout: string }> {
  const fifo = join(tempDir('kei-fifo-'), 'stdin');
  execFileSync('mkfifo', [fifo]);
  const fd = openSync(fifo, 'r+'); // read-write: opening does not wait for a peer, and EOF never comes
  if (bytes) writeSync(fd, bytes);
  return new Promise((resolve, reject) => {
    const t0 = Date.now();
    const child = spawn(process.execPath, [BIN.hook, event], { env: { ...process.env, KEI_HOME: home }, stdio: [fd, 'pipe', 'pipe'] });
    let stdout = '';
    child.stdout?.on('data', (d) => {
      stdout += d;
    });
    const killer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`kei-hook ${event} still running after 10 s with stdin open`));
    }, 10_000);
    child.on('close', (code) => {
      clearTimeout(killer);
      closeSync(fd);
      resolve({ code, ms: Date.now() - t0, stdout });
    });
  });
}

/**
 * The issue's own reproduction: `(printf '…\n'; sleep 20) | kei-hook Stop` through a shell, so stdin is
 * an anonymous pipe whose writer lives on. Resolves when the hook (not the shell) has exited.
 */
function hookInShellPipeline(event: string, json: string, home: string): Promise<{ code: number; ms: number }> {
  return new Promise((resolve, reject) => {
    const script = `(printf '%s\\n' '${json}'; sleep 20) | { "$0" "$1" "$2"; echo "HOOK_EXIT=$?" >&2; }`;
    const t0 = Date.now();
    const sh = spawn('/bin/sh', ['-c', script, process.execPath, BIN.hook, event], {
      env: { ...process.env, KEI_HOME: home },
      stdio: ['ignore', 'ignore', 'pipe'],
      detached: true,
    });
    const stop = () => {
      try {
        process.kill(-(sh.pid as number), 'SIGKILL');
      } catch {
        /* already gone */
      }
    };
    const killer = setTimeout(() => {
      stop();
      reject(new Error(`kei-hook ${event} still running after 10 s in a pipeline`));
    }, 10_000);
    let err = '';
    sh.stderr?.on('data', (d) => {
      err += d;
      const m = /HOOK_EXIT=(\d+)/.exec(err);
      if (!m) return;
      clearTimeout(killer);
      stop();
      resolve({ code: Number(m[1]), ms: Date.now() - t0 });
    });
  });
}

const sessionIds = (home: string) => {
  const db = openDatabase(join(home, 'kei.db'));
  try {
    return (db.prepare('SELECT id FROM sessions ORDER BY id').all() as { id: string }[]).map((r) => r.id);
  } finally {
    db.close();
  }
};

describe('kei-hook with stdin held open', () => {
  it('a whole event followed by a newline is recorded and the hook exits 0 in well under its watchdog', async () => {
    const home = tempDir('kei-home-');
    const r = await hookWithOpenStdin('Stop', '{"session_id":"held-open"}\n', home);
    expect(r.code).toBe(0);
    expect(r.ms).toBeLessThan(1500);
    expect(sessionIds(home)).toEqual(['held-open']);
  }, 20_000);

  it("the issue's pipeline, (printf '{\"session_id\":…}\\n'; sleep 20) | kei-hook Stop, records the event and exits 0 at once", async () => {
    const home = tempDir('kei-home-');
    const r = await hookInShellPipeline('Stop', '{"session_id":"piped"}', home);
    expect(r.code).toBe(0);
    expect(r.ms).toBeLessThan(1500);
    expect(sessionIds(home)).toEqual(['piped']);
  }, 20_000);

  it('a whole event without a newline is recorded too (the hook does not wait for end of input)', async () => {
    const home = tempDir('kei-home-');
    const r = await hookWithOpenStdin('UserPromptSubmit', JSON.stringify({ session_id: 'no-newline', prompt: 'list the files' }), home);
    expect(r.code).toBe(0);
    expect(r.ms).toBeLessThan(1500);
    expect(sessionIds(home)).toEqual(['no-newline']);
  }, 20_000);

  it('half an event with stdin held open: exit 0 after a bounded wait, nothing on stdout, the reason in the log', async () => {
    const home = tempDir('kei-home-');
    const r = await hookWithOpenStdin('Stop', '{"session_id":"half', home);
    expect(r).toMatchObject({ code: 0, stdout: '' });
    expect(r.ms).toBeLessThan(4000);
    expect(readFileSync(join(home, 'logs', 'hooks.log'), 'utf8')).toMatch(/stdin stayed open without a whole JSON object/);
  }, 20_000);

  it('nothing at all with stdin held open (SessionEnd, the shortest budget): exit 0 after its shorter wait', async () => {
    const home = tempDir('kei-home-');
    const r = await hookWithOpenStdin('SessionEnd', '', home);
    expect(r.code).toBe(0);
    expect(r.ms).toBeLessThan(2000);
  }, 20_000);
});
