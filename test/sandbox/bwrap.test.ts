import { spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/core/clock.js';
import { openDatabase } from '../../src/core/db.js';
import { bwrapAvailable, LocalSandboxes } from '../../src/sandbox/local.js';
import { SandboxRecords } from '../../src/sandbox/registry.js';
import { DEFAULT_LIMITS } from '../../src/sandbox/types.js';
import { tempDir } from '../helpers/temp.js';

const available = bwrapAvailable();

function sandboxes(limits = DEFAULT_LIMITS) {
  const keiHome = tempDir('kei-home-');
  const home = tempDir('kei-user-');
  const db = openDatabase(join(keiHome, 'kei.db'));
  return {
    keiHome,
    home,
    db,
    box: new LocalSandboxes({ keiHome, home, records: new SandboxRecords(db), clock: fixedClock(0), limits, mode: 'bwrap' }),
  };
}

describe.skipIf(!available)('bubblewrap sandbox (real bwrap)', () => {
  it("runs a command and keeps a named sandbox's files between calls", async () => {
    const { box } = sandboxes();
    const first = await box.exec('proj', { command: 'echo hello > note.txt && pwd && echo $HOME' });
    expect(first.exitCode).toBe(0);
    const second = await box.exec('proj', { command: 'cat note.txt' });
    expect(second.stdout.trim()).toBe('hello');
    expect((await box.list()).map((s) => s.name)).toEqual(['proj']);
  });

  it("cannot reach a server on the host's 127.0.0.1", async () => {
    const server = createServer((s) => s.end('reached'));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as AddressInfo).port;
    const { box } = sandboxes();
    const r = await box.exec(undefined, {
      command: `exec 3<>/dev/tcp/127.0.0.1/${port} && cat <&3 || echo blocked; command -v curl >/dev/null && curl -s --max-time 2 http://127.0.0.1:${port} || true`,
    });
    server.close();
    expect(r.stdout).not.toContain('reached');
  });

  it('cannot write outside its work folder', async () => {
    const { box } = sandboxes();
    const outside = tempDir('kei-outside-');
    const r = await box.exec(undefined, { command: `touch ${outside}/x 2>&1; touch /usr/x 2>&1; echo done` });
    expect(r.stdout).toMatch(/Read-only file system|Permission denied/);
    expect(spawnSync('ls', [outside], { encoding: 'utf8' }).stdout.trim()).toBe('');
  });

  it('cannot read a planted ~/.ssh/id_rsa, a .env file, or the KeiSeiKit database', async () => {
    const { box, home, keiHome } = sandboxes();
    mkdirSync(join(home, '.ssh'));
    writeFileSync(join(home, '.ssh', 'id_rsa'), 'PRIVATE-KEY-MATERIAL');
    mkdirSync(join(home, 'code', 'app'), { recursive: true });
    writeFileSync(join(home, 'code', 'app', '.env'), 'API_TOKEN=super-secret-value');
    const r = await box.exec(undefined, {
      command: `cat ${home}/.ssh/id_rsa; cat ${home}/code/app/.env; cat ${keiHome}/kei.db | head -c 100; ls ${keiHome}`,
    });
    expect(r.stdout).not.toContain('PRIVATE-KEY-MATERIAL');
    expect(r.stdout).not.toContain('super-secret-value');
    expect(r.stdout).not.toContain('SQLite format');
  });

  it('clears the environment except an allowlist', async () => {
    process.env.KEI_TEST_SECRET = 'leaky';
    const { box } = sandboxes();
    const r = await box.exec(undefined, { command: 'env', env: { GIVEN: 'yes' } });
    delete process.env.KEI_TEST_SECRET;
    expect(r.stdout).not.toContain('leaky');
    expect(r.stdout).toContain('GIVEN=yes');
  });

  it('contains a fork bomb and kills the whole tree at the timeout', async () => {
    const { box } = sandboxes({ ...DEFAULT_LIMITS, processes: 64 });
    const count = () => readdirSync('/proc').filter((d) => /^\d+$/.test(d)).length;
    const baseline = count();
    let peak = baseline;
    const sampler = setInterval(() => {
      peak = Math.max(peak, count());
    }, 50);
    const bomb = await box.exec(undefined, { command: 'b() { b | b & }; b; sleep 30', timeoutMs: 3000 });
    clearInterval(sampler);
    expect(bomb.timedOut || bomb.exitCode !== 0).toBe(true);
    // The host's process table stays bounded by the sandbox's cap (plus everything else running).
    expect(peak - baseline).toBeLessThan(400);
    const marker = `sleep 100.${Date.now() % 100000}`;
    const watcher = setTimeout(() => {
      seenRunning = spawnSync('pgrep', ['-f', marker]).status === 0;
    }, 600);
    let seenRunning = false;
    const r = await box.exec(undefined, { command: `${marker} & ${marker}; wait`, timeoutMs: 1500 });
    clearTimeout(watcher);
    expect(seenRunning).toBe(true);
    expect(r.timedOut).toBe(true);
    await new Promise((res) => setTimeout(res, 300));
    expect(spawnSync('pgrep', ['-f', marker], { encoding: 'utf8' }).stdout.trim()).toBe('');
  });

  it('cuts 100 MB of output to the cap with truncated: true', async () => {
    const { box } = sandboxes();
    const r = await box.exec(undefined, { command: 'head -c 104857600 /dev/zero | tr "\\0" a', timeoutMs: 60_000 });
    expect(r.truncated).toBe(true);
    expect(r.stdout.length).toBe(DEFAULT_LIMITS.outputBytes);
    expect(r.exitCode).toBe(0);
  });
});

describe.runIf(process.env.CI)('CI machine', () => {
  it('has bubblewrap installed by .ci/run, so the sandbox tests above really ran', () => {
    expect(available).toBe(true);
  });
});
