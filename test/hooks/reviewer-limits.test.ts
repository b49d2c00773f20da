import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openKit } from '../../src/kit.js';
import { BIN, tempDir } from '../helpers/temp.js';

interface Proc {
  pid: string;
  ppid: string;
  cmd: string;
}

/** Live processes whose command line mentions `marker` (zombies and vanished processes skipped). */
function processesWith(marker: string): Proc[] {
  const out: Proc[] = [];
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
      if (!cmd.includes(marker)) continue;
      const stat = /^\d+ \(.*\) (\S) (\d+)/.exec(readFileSync(`/proc/${pid}/stat`, 'utf8'));
      if (stat && stat[1] !== 'Z') out.push({ pid, ppid: stat[2], cmd });
    } catch {
      // Exited while we looked.
    }
  }
  return out;
}

/**
 * Reviewer processes. A reviewer's own child between fork and exec still shows the reviewer's
 * command line for a moment; it is not a reviewer, so processes whose parent is one are left out.
 */
function reviewers(marker: string): Proc[] {
  const all = processesWith(marker).filter((p) => p.cmd.includes('kei-skills.js review'));
  const pids = new Set(all.map((p) => p.pid));
  return all.filter((p) => !pids.has(p.ppid));
}

describe('the Stop hook nudging the reviewer', () => {
  it('50 nudges in a row: never more than two reviewers alive, none left afterwards', async () => {
    const home = tempDir('kei-nudge-');
    const marker = `nudge${process.pid}x${Date.now().toString(36)}`;
    const transcript = join(home, 't.jsonl');
    writeFileSync(transcript, `${JSON.stringify({ type: 'user', message: { role: 'user', content: 'I prefer short answers.' } })}\n`);
    const kit = openKit({ home, env: {} });
    const insert = kit.db.prepare('INSERT INTO sessions (id, cwd, transcript_path, started_at, user_turns) VALUES (?, ?, ?, ?, 10)');
    for (let i = 0; i < 50; i++) insert.run(`${marker}-${i}`, home, transcript, Date.now());
    kit.close();
    const env = {
      ...process.env,
      KEI_HOME: home,
      KEI_INVOKER: 'command',
      KEI_INVOKER_COMMAND: `sleep 2; echo '{"operations": []}' # ${marker}`,
    };
    let most = 0;
    for (let i = 0; i < 50; i++) {
      const payload = JSON.stringify({ hook_event_name: 'Stop', session_id: `${marker}-${i}`, cwd: home, transcript_path: transcript });
      const r = spawnSync(process.execPath, [BIN.hook, 'Stop'], { input: payload, env, encoding: 'utf8' });
      expect(r.status).toBe(0);
      const alive = reviewers(marker).length;
      most = Math.max(most, alive);
    }
    expect(most).toBeLessThanOrEqual(2);
    expect(most).toBeGreaterThan(0);
    const deadline = Date.now() + 20_000;
    while (processesWith(marker).length > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    expect(processesWith(marker)).toEqual([]);
    // The next Stop of any session drops the locks of reviewers that are gone.
    const last = spawnSync(process.execPath, [BIN.hook, 'Stop'], {
      input: JSON.stringify({ hook_event_name: 'Stop', session_id: `${marker}-after`, cwd: home }),
      env,
      encoding: 'utf8',
    });
    expect(last.status).toBe(0);
    expect(readdirSync(join(home, 'locks'))).toEqual([]);
    const log = readFileSync(join(home, 'logs', 'hooks.log'), 'utf8');
    expect(log).toContain('reviewer not started: two already running');
    expect(log.split('"reviewer started"').length - 1).toBeGreaterThanOrEqual(2);
  }, 300_000);
});
