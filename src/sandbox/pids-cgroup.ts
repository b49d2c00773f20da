import { existsSync, mkdirSync, readFileSync, rmdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';

/**
 * A pids cgroup that caps how many processes a sandboxed command may have. RLIMIT_NPROC (ulimit)
 * does not bind root, and a fork bomb run as root inside bubblewrap would otherwise fill the host's
 * process table until the timeout; where a pids controller is writable (cgroup v2, or v1's
 * /sys/fs/cgroup/pids) this cap holds for everyone. Returns undefined where none is writable.
 */
export interface PidsCgroup {
  /** Shell prefix that moves the shell into the cgroup before it execs the sandbox. */
  enterCommand: string;
  release(): void;
}

const ROOTS = ['/sys/fs/cgroup', '/sys/fs/cgroup/pids'];

export function createPidsCgroup(maxProcesses: number): PidsCgroup | undefined {
  for (const root of ROOTS) {
    if (!existsSync(join(root, 'cgroup.procs')) || !supportsPids(root)) continue;
    const dir = join(root, `keiseikit-${process.pid}-${randomBytes(4).toString('hex')}`);
    try {
      mkdirSync(dir);
      writeFileSync(join(dir, 'pids.max'), String(maxProcesses));
    } catch {
      tryRemove(dir);
      continue;
    }
    return { enterCommand: `echo $$ > '${join(dir, 'cgroup.procs')}' && exec "$0" "$@"`, release: () => release(dir) };
  }
  return undefined;
}

function supportsPids(root: string): boolean {
  if (existsSync(join(root, 'pids.max')) || root.endsWith('/pids')) return true;
  try {
    return readFileSync(join(root, 'cgroup.subtree_control'), 'utf8').split(/\s+/).includes('pids');
  } catch {
    return false;
  }
}

/** Kills whatever is left in the cgroup (a fork bomb's orphans included) and removes it. */
function release(dir: string): void {
  for (let attempt = 0; attempt < 50; attempt++) {
    const pids = readPids(dir);
    if (pids.length === 0) break;
    if (existsSync(join(dir, 'cgroup.kill'))) {
      try { writeFileSync(join(dir, 'cgroup.kill'), '1'); } catch { /* fall through to kill(2) */ }
    }
    for (const pid of pids) {
      try { process.kill(pid, 'SIGKILL'); } catch { /* already gone */ }
    }
  }
  tryRemove(dir);
}

function readPids(dir: string): number[] {
  try {
    return readFileSync(join(dir, 'cgroup.procs'), 'utf8').split('\n').filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

function tryRemove(dir: string): void {
  for (let i = 0; i < 20; i++) {
    try {
      rmdirSync(dir);
      return;
    } catch {
      const until = Date.now() + 10;
      while (Date.now() < until) { /* brief wait for the kernel to reap */ }
    }
  }
}
