import { existsSync, mkdirSync, readdirSync, readFileSync, rmdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';

/**
 * One cgroup per sandboxed command that caps the whole sandbox, not each process: how many processes
 * it may have (RLIMIT_NPROC does not bind root, so a fork bomb run as root would otherwise fill the
 * host's process table) and how much memory all of them, their tmpfs pages included, may hold
 * together (RLIMIT_AS is per process: four 900 MB processes each fit under it). Works on cgroup v2
 * (one folder with both controllers) and v1 (one folder per controller). Where no controller is
 * writable (a non-root user without delegation) it returns what it could set, possibly nothing.
 */
export interface SandboxCgroup {
  /** Shell prefix that moves the shell into the cgroup(s) before it execs the sandbox. */
  enterCommand: string;
  /** Which limits the kernel enforces for this run. */
  enforces: { pids: boolean; memory: boolean };
  /** Whether the kernel killed a process of this run for going over the memory budget. */
  oomKilled(): boolean;
  release(): void;
}

export interface CgroupLimits {
  processes: number;
  memoryBytes: number;
}

type Controller = 'pids' | 'memory';

interface Made {
  dir: string;
  controllers: Controller[];
}

const MOUNT = '/sys/fs/cgroup';

export function createSandboxCgroup(limits: CgroupLimits): SandboxCgroup | undefined {
  const made = isV2Root(MOUNT)
    ? makeV2(limits)
    : (['pids', 'memory'] as const).map((c) => makeV1(c, limits)).filter((m): m is Made => m !== undefined);
  if (made.length === 0) return undefined;
  const procs = made.map((m) => `echo $$ > '${join(m.dir, 'cgroup.procs')}'`).join(' && ');
  const has = (c: Controller) => made.some((m) => m.controllers.includes(c));
  const memoryDir = made.find((m) => m.controllers.includes('memory'))?.dir;
  return {
    enterCommand: `${procs} && exec "$0" "$@"`,
    enforces: { pids: has('pids'), memory: has('memory') },
    oomKilled: () => memoryDir !== undefined && oomKills(memoryDir) > 0,
    release: () => made.forEach((m) => release(m.dir)),
  };
}

/** v2 counts kills in memory.events, v1 in memory.oom_control (older v1 kernels only have failcnt: hitting the limit). */
function oomKills(dir: string): number {
  for (const file of ['memory.events', 'memory.oom_control']) {
    const m = /^oom_kill (\d+)$/m.exec(readText(join(dir, file)));
    if (m) return Number(m[1]);
  }
  return Number(readText(join(dir, 'memory.failcnt')) || 0);
}

function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

function isV2Root(root: string): boolean {
  return existsSync(join(root, 'cgroup.controllers'));
}

/** v2: a child of the first candidate whose subtree offers the controllers (the root, or our own cgroup when delegated). */
function makeV2(limits: CgroupLimits): Made[] {
  for (const parent of [MOUNT, join(MOUNT, ownPath(''))]) {
    const offered = readWords(join(parent, 'cgroup.subtree_control')).filter((c): c is Controller => c === 'pids' || c === 'memory');
    if (offered.length === 0) continue;
    const dir = tryMake(parent, (d) => {
      if (offered.includes('pids')) writeFileSync(join(d, 'pids.max'), String(limits.processes));
      if (offered.includes('memory')) {
        writeFileSync(join(d, 'memory.max'), String(limits.memoryBytes));
        if (existsSync(join(d, 'memory.swap.max'))) writeFileSync(join(d, 'memory.swap.max'), '0');
      }
    });
    if (dir) return [{ dir, controllers: offered }];
  }
  return [];
}

/** v1: the controller's own hierarchy, under the cgroup we are in (so a container's own limit still applies), else its root. */
function makeV1(controller: Controller, limits: CgroupLimits): Made | undefined {
  const root = join(MOUNT, controller);
  if (!existsSync(join(root, 'cgroup.procs'))) return undefined;
  for (const parent of [join(root, ownPath(controller)), root]) {
    const dir = tryMake(parent, (d) => {
      if (controller === 'pids') writeFileSync(join(d, 'pids.max'), String(limits.processes));
      else {
        writeFileSync(join(d, 'memory.limit_in_bytes'), String(limits.memoryBytes));
        // With swap the limit would only move pages out; memsw caps memory plus swap (absent without swap accounting).
        if (existsSync(join(d, 'memory.memsw.limit_in_bytes')))
          writeFileSync(join(d, 'memory.memsw.limit_in_bytes'), String(limits.memoryBytes));
      }
    });
    if (dir) return { dir, controllers: [controller] };
  }
  return undefined;
}

function tryMake(parent: string, configure: (dir: string) => void): string | undefined {
  if (!existsSync(join(parent, 'cgroup.procs'))) return undefined;
  sweepStale(parent);
  const dir = join(parent, `keiseikit-${process.pid}-${randomBytes(4).toString('hex')}`);
  try {
    mkdirSync(dir);
    configure(dir);
    return dir;
  } catch {
    tryRemove(dir);
    return undefined;
  }
}

/** Cgroups left by a KeiSeiKit process that was killed before it could release them (empty ones only). */
function sweepStale(parent: string): void {
  let names: string[];
  try {
    names = readdirSync(parent).filter((n) => n.startsWith('keiseikit-'));
  } catch {
    return;
  }
  for (const name of names) {
    const pid = Number(name.split('-')[1]);
    if (!Number.isInteger(pid) || isAlive(pid) || readPids(join(parent, name)).length > 0) continue;
    try {
      rmdirSync(join(parent, name));
    } catch {
      /* another process got there first */
    }
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** This process's cgroup path for a v1 controller ('' = the v2 line). */
function ownPath(controller: string): string {
  try {
    for (const line of readFileSync('/proc/self/cgroup', 'utf8').split('\n')) {
      const [, list, path] = line.split(':');
      if (path !== undefined && (controller === '' ? list === '' : list.split(',').includes(controller))) return path;
    }
  } catch {
    /* not Linux */
  }
  return '/';
}

function readWords(file: string): string[] {
  try {
    return readFileSync(file, 'utf8').split(/\s+/).filter(Boolean);
  } catch {
    return [];
  }
}

/** Kills whatever is left in the cgroup (a fork bomb's orphans included) and removes it. */
function release(dir: string): void {
  for (let attempt = 0; attempt < 50; attempt++) {
    const pids = readPids(dir);
    if (pids.length === 0) break;
    if (existsSync(join(dir, 'cgroup.kill'))) {
      try {
        writeFileSync(join(dir, 'cgroup.kill'), '1');
      } catch {
        /* fall through to kill(2) */
      }
    }
    for (const pid of pids) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        /* already gone */
      }
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
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
      const until = Date.now() + 10;
      while (Date.now() < until) {
        /* brief wait for the kernel to reap */
      }
    }
  }
}
