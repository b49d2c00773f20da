import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/core/db.js';
import { BIN, tempDir } from '../helpers/temp.js';

interface Run {
  id: number;
  scheduled_for: number;
  status: string;
  attempts: number;
  output: string | null;
}

function startDaemon(home: string): ChildProcess {
  return spawn(process.execPath, [BIN.skills, 'daemon'], { env: { ...process.env, KEI_HOME: home, HOME: home }, stdio: 'ignore' });
}

async function waitFor<T>(probe: () => T | undefined, timeoutMs: number): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = probe();
    if (v !== undefined) return v;
    if (Date.now() > until) throw new Error('condition not reached in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('the daemon (a real process, its real timers)', () => {
  it('fires a repeating job; killed with SIGKILL mid-run, the restarted daemon finishes that occurrence once, no duplicates', async () => {
    const home = tempDir('kei-home-');
    // Shortened by configuration: "every 2s" is only accepted because minIntervalMs is lowered here.
    writeFileSync(
      join(home, 'config.json'),
      JSON.stringify({ schedule: { minIntervalMs: 500, pollMs: 100, leaseMs: 1000, allowUnsandboxed: true } }),
    );
    const cli = (...args: string[]) =>
      spawnSync(process.execPath, [BIN.skills, ...args], { env: { ...process.env, KEI_HOME: home, HOME: home }, encoding: 'utf8' });
    expect(cli('schedule', 'add', 'slow', 'every 2s', '--', 'echo begin; sleep 1.5; echo end').status).toBe(0);
    const db = openDatabase(join(home, 'kei.db'));
    const runs = () => db.prepare('SELECT id, scheduled_for, status, attempts, output FROM job_runs ORDER BY scheduled_for').all() as Run[];
    let daemon = startDaemon(home);
    const running = await waitFor(() => runs().find((r) => r.status === 'running'), 15_000);
    await new Promise((r) => setTimeout(r, 300));
    daemon.kill('SIGKILL');
    await new Promise((r) => daemon.on('exit', r));
    expect(runs().find((r) => r.id === running.id)?.status).toBe('running');
    daemon = startDaemon(home);
    const resumed = await waitFor(() => runs().find((r) => r.id === running.id && r.status === 'ok'), 15_000);
    expect(resumed.attempts).toBe(2);
    expect(resumed.output).toContain('end');
    expect(cli('schedule', 'add', 'added-later', 'every 1s', '--', 'echo late').status).toBe(0);
    await waitFor(
      () =>
        db
          .prepare("SELECT 1 AS ok FROM job_runs r JOIN jobs j ON j.id = r.job_id WHERE j.name = 'added-later' AND r.status = 'ok'")
          .get() as { ok: number } | undefined,
      10_000,
    );
    daemon.kill('SIGTERM');
    const code = await new Promise((r) => daemon.on('exit', (c) => r(c)));
    expect(code).toBe(0);
    const all = runs();
    expect(new Set(all.map((r) => `${r.scheduled_for}`)).size).toBe(all.length);
    const sameOccurrence = all.filter((r) => r.scheduled_for === running.scheduled_for);
    expect(sameOccurrence).toHaveLength(1);
    db.close();
  }, 60_000);
});

describe('daemon install --dry-run', () => {
  const dry = (kind: string) =>
    spawnSync(process.execPath, [BIN.skills, 'daemon', 'install', '--kind', kind, '--dry-run'], {
      env: { ...process.env, KEI_HOME: tempDir('kei-home-'), HOME: '/home/ann' },
      encoding: 'utf8',
    }).stdout;

  it('systemd: a user service and a persistent timer', () => {
    const out = dry('systemd');
    expect(out).toContain('/home/ann/.config/systemd/user/keiseikit.service');
    expect(out).toMatch(/ExecStart=\S+ \S+kei-skills\.js run-due/);
    expect(out).toContain('Persistent=true');
    expect(out).toContain('systemctl --user enable --now keiseikit.timer');
  });

  it('launchd: an agent running every 60 s and at load', () => {
    const out = dry('launchd');
    expect(out).toContain('/home/ann/Library/LaunchAgents/io.keiseikit.run-due.plist');
    expect(out).toContain('<key>StartInterval</key>\n  <integer>60</integer>');
    expect(out).toContain('<string>run-due</string>');
  });

  it('crontab: one marked line', () => {
    expect(dry('crontab')).toMatch(
      /^crontab: add the line\n\* \* \* \* \* KEI_HOME=\S+ \S+ \S+kei-skills\.js run-due >\/dev\/null 2>&1 # keiseikit run-due\nwould add the job "nightly" \(builtin nightly learning cycle, 0 3 \* \* \*\)\n$/,
    );
  });
});
