import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { bwrapAvailable } from '../../src/sandbox/local.js';
import { BIN, tempDir } from '../helpers/temp.js';

/** `kei-skills sandbox exec` as a user runs it: the real CLI, real bwrap, a fresh data home and HOME. */
/** Asynchronous, so the test's own event loop keeps serving the host sockets meanwhile. */
async function sandboxExec(command: string, o: { env?: Record<string, string>; args?: string[]; home?: string; keiHome?: string } = {}) {
  const home = o.home ?? tempDir('kei-user-');
  const env = { ...process.env, KEI_HOME: o.keiHome ?? tempDir('kei-home-'), HOME: home, ...o.env };
  const child = spawn(process.execPath, [BIN.skills, 'sandbox', 'exec', '--json', ...(o.args ?? []), '--', command], { env });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => {
    stdout += d;
  });
  child.stderr.on('data', (d) => {
    stderr += d;
  });
  await new Promise((r) => child.on('close', r));
  if (!stdout.trim().startsWith('{')) throw new Error(`sandbox exec failed: ${stderr}`);
  return JSON.parse(stdout) as { exitCode: number | null; stdout: string; stderr: string; outOfMemory?: boolean };
}

const servers: { server: Server; path: string }[] = [];
afterEach(() => {
  for (const s of servers.splice(0)) {
    s.server.close();
    rmSync(s.path, { force: true });
  }
});

/** A host Unix socket that answers "reached" to whoever connects. */
async function listenUnix(path: string): Promise<void> {
  rmSync(path, { force: true });
  const server = createServer((c) => c.end('reached'));
  await new Promise<void>((r) => server.listen(path, r));
  servers.push({ server, path });
}

const connectFromInside = (path: string) =>
  `python3 -c "import socket; s=socket.socket(socket.AF_UNIX); s.connect('${path}'); print(s.recv(20).decode())" 2>&1 || echo unreachable`;

describe.skipIf(!bwrapAvailable())('the sandbox isolates by allow-list (real kei-skills, real bwrap)', () => {
  it('shows no caller variable in /proc/1/environ or anywhere in its process tree', async () => {
    const r = await sandboxExec(
      'cat /proc/1/environ; echo; for f in /proc/[0-9]*/environ; do cat "$f"; done 2>/dev/null | tr "\\0" "\\n"',
      { env: { KEI_TEST_SECRET: 'xyz-leak', KEI_MCP_TOKEN: 'token-leak' } },
    );
    expect(r.exitCode).toBe(0);
    expect(r.stdout).not.toContain('xyz-leak');
    expect(r.stdout).not.toContain('token-leak');
  });

  it('cannot reach a listening Unix socket under /run or under HOME', async () => {
    const home = tempDir('kei-user-');
    const runSock = join('/run', `kei-test-${process.pid}.sock`);
    const homeSock = join(home, '.ssh-agent.sock');
    await listenUnix(homeSock);
    const canRun = spawnSync('sh', ['-c', 'test -w /run']).status === 0;
    if (canRun) await listenUnix(runSock);
    // The sockets answer from the host: the test would pass for the wrong reason otherwise.
    const outside = await new Promise<string>((resolve) => {
      let out = '';
      const c = spawn('sh', ['-c', connectFromInside(homeSock)]);
      c.stdout.on('data', (d) => {
        out += d;
      });
      c.on('close', () => resolve(out));
    });
    expect(outside).toContain('reached');
    const r = await sandboxExec(`${connectFromInside(homeSock)}; ${connectFromInside(runSock)}; ls /run /var/run 2>&1`, { home });
    expect(r.stdout).not.toContain('reached');
    expect(r.stdout.match(/unreachable/g)?.length).toBe(2);
  });

  it('cannot read a credentials file anywhere under HOME, nor /etc secrets', async () => {
    const home = tempDir('kei-user-');
    const plant = (rel: string, text: string) => {
      mkdirSync(join(home, rel, '..'), { recursive: true });
      writeFileSync(join(home, rel), text);
    };
    plant('.claude/.credentials.json', 'CLAUDE-CREDENTIAL');
    plant('.config/gh/hosts.yml', 'GH-TOKEN-VALUE');
    plant('.bash_history', 'HISTORY-LINE');
    plant('a/b/c/d/e/f/g/.env', 'DEEP-DOTENV');
    plant('projects/odd-name.secret', 'UNLISTED-SECRET');
    const r = await sandboxExec(
      `cat ${home}/.claude/.credentials.json ${home}/.config/gh/hosts.yml ${home}/.bash_history ${home}/a/b/c/d/e/f/g/.env ${home}/projects/odd-name.secret; ls -a ${home}; cat /etc/shadow; ls /etc/ssl/private; cat ~/x 2>&1; echo home=$HOME`,
      { home },
    );
    for (const secret of ['CLAUDE-CREDENTIAL', 'GH-TOKEN-VALUE', 'HISTORY-LINE', 'DEEP-DOTENV', 'UNLISTED-SECRET'])
      expect(r.stdout).not.toContain(secret);
    expect(r.stdout).not.toMatch(/^root:/m);
    expect(r.stdout).toMatch(/home=.*\/\.home$/m);
  });

  it('holds all its processes together to one memory budget, and caps /tmp', async () => {
    const hold = "python3 -c \"import time; b=b'x'*(900<<20); time.sleep(2); print('held')\"";
    const r = await sandboxExec(`for i in 1 2 3 4; do ${hold} & done; wait`);
    // 4 × 900 MB cannot all be held under a 1 GB budget (before: each process had its own 1 GB limit).
    expect((r.stdout.match(/held/g) ?? []).length).toBeLessThan(4);
    if (r.outOfMemory) expect(r.stderr).toMatch(/memory budget/);
    // /tmp is a tmpfs in host RAM: it stops at its cap (before: 2 GB went in).
    const tmp = await sandboxExec(
      'for i in 1 2 3 4 5 6 7 8 9 10; do head -c 200M /dev/zero > /tmp/f$i || { echo tmp-full; break; }; done; df -m /tmp | tail -1',
    );
    expect(tmp.stdout).toContain('tmp-full');
  });

  it('still runs commands in its work folder, keeps a named sandbox, and mounts a path the user names read-only', async () => {
    const keiHome = tempDir('kei-home-');
    const tools = tempDir('kei-tools-');
    writeFileSync(join(tools, 'tool.sh'), 'echo tool-ran');
    const first = await sandboxExec('echo kept > f.txt && pwd', { keiHome, args: ['--name', 'proj'] });
    expect(first.exitCode).toBe(0);
    expect((await sandboxExec('cat f.txt', { keiHome, args: ['--name', 'proj'] })).stdout).toBe('kept\n');
    const named = await sandboxExec(`sh ${tools}/tool.sh; touch ${tools}/new 2>&1 || true`, { keiHome, args: ['--ro', tools] });
    expect(named.stdout).toContain('tool-ran');
    expect(named.stdout).toMatch(/Read-only file system/);
    expect((await sandboxExec(`cat ${tools}/tool.sh 2>&1 || echo absent`, { keiHome })).stdout).toContain('absent');
  });

  it.each([
    ['/', /the whole filesystem/],
    ['/proc/self/root', /the whole filesystem/],
    ['/proc/1', /inside \/proc/],
  ])('refuses --ro %s with a clear reason instead of a bwrap failure', (path, reason) => {
    const r = spawnSync(process.execPath, [BIN.skills, 'sandbox', 'exec', '--ro', path, '--', 'true'], {
      env: { ...process.env, KEI_HOME: tempDir('kei-home-'), HOME: tempDir('kei-user-') },
      encoding: 'utf8',
    });
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(reason);
    expect(r.stderr).not.toMatch(/bwrap:/);
  });

  it('refuses a read-only path that does not exist, naming it', () => {
    const r = spawnSync(process.execPath, [BIN.skills, 'sandbox', 'exec', '--ro', '/no/such/dir', '--', 'true'], {
      env: { ...process.env, KEI_HOME: tempDir('kei-home-'), HOME: tempDir('kei-user-') },
      encoding: 'utf8',
    });
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('/no/such/dir');
  });
});
