import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/core/clock.js';
import { openDatabase } from '../../src/core/db.js';
import { openKit } from '../../src/kit.js';
import { jobStore, runDuePass } from '../../src/schedule/index.js';
import { BIN, tempDir } from '../helpers/temp.js';

const HOUR = 3_600_000;

function kitAt(start: number, config: object = {}) {
  const home = tempDir('kei-home-');
  writeFileSync(join(home, 'config.json'), JSON.stringify({ schedule: { allowUnsandboxed: true, ...config } }));
  const clock = fixedClock(start);
  return { home, clock, kit: openKit({ home, cwd: home, env: { HOME: home, PATH: process.env.PATH }, clock }) };
}

const rows = (kit: ReturnType<typeof openKit>) =>
  kit.db.prepare('SELECT scheduled_for, status FROM job_runs ORDER BY scheduled_for').all() as { scheduled_for: number; status: string }[];

describe('scheduler logic (fake clock, real database and commands)', () => {
  it('runs an occurrence when due, once, and moves to the next time', async () => {
    const { kit, clock } = kitAt(Date.UTC(2026, 0, 1));
    const t0 = clock.now();
    jobStore(kit).create({ name: 'tick', when: 'every 1h', kind: 'command', payload: 'echo tick' });
    expect(await runDuePass(kit)).toEqual([]);
    clock.advance(HOUR);
    expect((await runDuePass(kit)).map((r) => r.status)).toEqual(['ok']);
    expect(await runDuePass(kit)).toEqual([]);
    expect(jobStore(kit).get('tick').next_run_at).toBe(t0 + 2 * HOUR);
    expect(jobStore(kit).runs('tick')[0]).toMatchObject({ status: 'ok', exit_code: 0, output: 'tick\n' });
  });

  it('after downtime, a missed occurrence within its deadline runs once — never a burst — then the next future time', async () => {
    const { kit, clock } = kitAt(Date.UTC(2026, 0, 1));
    const t0 = clock.now();
    jobStore(kit).create({ name: 'h', when: 'every 1h', kind: 'command', payload: 'echo h', catchUp: 'once', catchUpDeadlineMs: 6 * HOUR });
    clock.advance(5 * HOUR + 10 * 60_000);
    await runDuePass(kit);
    expect(rows(kit)).toEqual([{ scheduled_for: t0 + HOUR, status: 'ok' }]);
    expect(jobStore(kit).get('h').next_run_at).toBe(t0 + 6 * HOUR);
  });

  it('a miss past its deadline, or with catch-up none, is recorded as missed and skipped', async () => {
    const { kit, clock } = kitAt(Date.UTC(2026, 0, 1));
    jobStore(kit).create({ name: 'late', when: 'every 1h', kind: 'command', payload: 'echo x', catchUpDeadlineMs: HOUR });
    jobStore(kit).create({ name: 'none', when: 'every 1h', kind: 'command', payload: 'echo y', catchUp: 'none' });
    clock.advance(3 * HOUR);
    expect(await runDuePass(kit)).toEqual([]);
    expect(rows(kit).map((r) => r.status)).toEqual(['missed', 'missed']);
  });

  it('one-shot jobs run once and stop; max runs are respected', async () => {
    const { kit, clock } = kitAt(Date.UTC(2026, 0, 1));
    jobStore(kit).create({ name: 'once', when: '30m', kind: 'command', payload: 'echo once' });
    jobStore(kit).create({ name: 'twice', when: 'every 1h', kind: 'command', payload: 'echo t', maxRuns: 2 });
    for (let i = 0; i < 4; i++) {
      clock.advance(HOUR);
      await runDuePass(kit);
    }
    expect(jobStore(kit).runs('once').length).toBe(1);
    expect(jobStore(kit).runs('twice').length).toBe(2);
    expect(jobStore(kit).get('once').enabled).toBe(0);
  });

  it('refuses unsandboxed commands unless allowed, with a clear status', async () => {
    const { kit, clock } = kitAt(Date.UTC(2026, 0, 1), { allowUnsandboxed: false });
    writeFileSync(join(kit.paths.home, 'config.json'), JSON.stringify({ sandbox: { backend: 'daytona' } }));
    const strict = openKit({ home: kit.paths.home, cwd: kit.paths.home, env: { HOME: kit.paths.home }, clock });
    jobStore(strict).create({ name: 'c', when: '1m', kind: 'command', payload: 'echo x' });
    clock.advance(2 * 60_000);
    const [r] = await runDuePass(strict);
    expect(r.status).toBe('refused');
    expect(String(jobStore(strict).runs('c')[0].output)).toMatch(/DAYTONA_API_KEY|allowUnsandboxed/);
  });

  it('a stored every-second cron (written before creation checked it) still runs at most once a minute', async () => {
    const { kit, clock } = kitAt(Date.UTC(2026, 0, 1));
    const t0 = clock.now();
    jobStore(kit).create({ name: 'legacy', when: '* * * * *', kind: 'command', payload: 'echo legacy' });
    // What an older release stored for "* * * * * *": the pattern as given, no interval check.
    kit.db
      .prepare("UPDATE jobs SET when_spec = '* * * * * *', when_json = ?, next_run_at = ? WHERE name = 'legacy'")
      .run(JSON.stringify({ kind: 'cron', spec: '* * * * * *', cron: '* * * * * *', description: 'legacy' }), t0 + 1000);
    for (let s = 1; s <= 90; s++) {
      clock.set(t0 + s * 1000);
      await runDuePass(kit);
    }
    const runs = rows(kit).map((r) => r.scheduled_for - t0);
    expect(runs).toEqual([1000, 61_000]);
  });
});

describe('runners in separate processes', () => {
  it('two run-due processes started together run a due job exactly once', async () => {
    const home = tempDir('kei-home-');
    writeFileSync(join(home, 'config.json'), JSON.stringify({ schedule: { allowUnsandboxed: true, minIntervalMs: 1000 } }));
    const kit = openKit({ home, cwd: home, env: { HOME: home } });
    // One occurrence only (a one-shot job), so a slow start of one runner cannot make a second occurrence due.
    jobStore(kit).create({ name: 'race', when: '1s', kind: 'command', payload: 'echo raced' });
    kit.close();
    await new Promise((r) => setTimeout(r, 1100));
    const run = () =>
      new Promise<number | null>((resolve) =>
        spawn(process.execPath, [BIN.skills, 'run-due'], { env: { ...process.env, KEI_HOME: home, HOME: home } }).on('close', resolve),
      );
    const codes = await Promise.all([run(), run(), run()]);
    expect(codes).toEqual([0, 0, 0]);
    const db = openDatabase(join(home, 'kei.db'));
    const runs = db.prepare('SELECT status, output FROM job_runs').all();
    db.close();
    expect(runs).toEqual([{ status: 'ok', output: 'raced\n' }]);
  });
});

describe('builtin jobs', () => {
  it('prune-logs and export-trajectories run and report what they did', async () => {
    const { kit, clock } = kitAt(Date.UTC(2026, 0, 1));
    jobStore(kit).create({ name: 'prune', when: '1m', kind: 'builtin', payload: 'prune-logs' });
    jobStore(kit).create({ name: 'export', when: '1m', kind: 'builtin', payload: 'export-trajectories' });
    expect(() => jobStore(kit).create({ name: 'x', when: '1m', kind: 'builtin', payload: 'nope' })).toThrow(/unknown builtin "nope"/);
    clock.advance(2 * 60_000);
    const done = await runDuePass(kit);
    expect(done.map((r) => r.status)).toEqual(['ok', 'ok']);
    expect(String(jobStore(kit).runs('export')[0].output)).toMatch(/exported 0 trajectories to .*exports\/trajectories-2026-01-01\.jsonl/);
  });
});
