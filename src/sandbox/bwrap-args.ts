import { existsSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import { KeiError } from '../core/errors.js';
import { hide, systemMounts } from './host-mounts.js';
import type { Limits } from './types.js';

/** Variables a command may see; everything else in the caller's environment is cleared. */
export const ENV_ALLOWLIST = ['PATH', 'LANG', 'LC_ALL', 'TERM', 'TZ'];
/** Still hidden inside a folder the user named read-only (say HOME itself): the usual secret places. */
const SECRET_DIRS = ['.ssh', '.aws', '.gnupg', '.config/gcloud', '.config/gh', '.kube', '.docker', '.azure', '.claude'];
const SECRET_FILES = [
  '.netrc',
  '.claude.json',
  '.npmrc',
  '.pypirc',
  '.git-credentials',
  '.bash_history',
  '.zsh_history',
  '.cargo/credentials',
  '.cargo/credentials.toml',
];

export interface BwrapPlan {
  work: string;
  cwd: string;
  /** The user's HOME on the host: not mounted; named only to keep its secrets hidden inside read-only paths. */
  home: string;
  keiHome: string;
  /** Host paths the user or the config named, mounted read-only. */
  readOnly: string[];
  env: Record<string, string>;
  limits: Limits;
  /** Whether a cgroup caps the sandbox's memory; without one, each process gets RLIMIT_AS. */
  memoryCgroup: boolean;
}

/** The HOME a command sees: an empty folder inside its work folder, never the user's. */
export const sandboxHome = (work: string): string => join(work, '.home');

/**
 * bubblewrap arguments, by allow-list: the system folders read-only (/etc without its secrets), a fresh
 * /dev and /proc, a size-capped /tmp, the work folder read-write, paths the user named read-only, and
 * nothing else of the host. No network (all namespaces unshared), dies with its parent, a new session,
 * a cleared environment with HOME inside the work folder. bwrap itself is started with an empty
 * environment (local.ts), so /proc/1/environ inside shows nothing of the caller's.
 */
export function bwrapArgs(plan: BwrapPlan, command: string): string[] {
  // /tmp holds at most half the memory budget: a full /tmp then says "no space" instead of the OOM killer
  // ending the command (its pages count against the same budget where a memory cgroup holds it).
  const tmpBytes = String(Math.floor(plan.limits.memoryMb / 2) * 1024 * 1024);
  const args = [
    ...systemMounts(),
    '--dev',
    '/dev',
    '--proc',
    '/proc',
    '--size',
    tmpBytes,
    '--tmpfs',
    '/tmp',
    '--symlink',
    '/tmp',
    '/var/tmp',
  ];
  for (const path of plan.readOnly) args.push('--ro-bind', path, path, ...hide(secretsInside(path, plan)));
  args.push('--bind', plan.work, plan.work, '--remount-ro', '/', '--chdir', plan.cwd);
  args.push('--unshare-all', '--die-with-parent', '--new-session', '--clearenv');
  for (const [k, v] of Object.entries({ ...pickEnv(process.env), ...plan.env, HOME: sandboxHome(plan.work), TMPDIR: '/tmp' }))
    args.push('--setenv', k, v);
  // One shell: the limits, then the command itself (it is a shell command line either way).
  args.push('/bin/sh', '-c', `${ulimits(plan.limits, plan.memoryCgroup)}\n${command}`);
  return args;
}

/** Read-only paths must be absolute and exist; a typo should fail loudly, not run without the path. */
export function checkReadOnlyPaths(paths: string[]): string[] {
  for (const p of paths) {
    if (!isAbsolute(p))
      throw new KeiError('invalid_path', `read-only sandbox path "${p}" is not absolute; give the full path, e.g. /opt/tools`, {
        field: 'readOnly',
      });
    if (!existsSync(p))
      throw new KeiError(
        'invalid_path',
        `read-only sandbox path "${p}" does not exist; fix or remove it (sandbox.readOnlyPaths in config.json or --ro)`,
        { field: 'readOnly' },
      );
    const real = realpathSync(p);
    // The whole filesystem would undo the allow-list (and leave no room for the work folder); /proc, /dev and
    // /sys are the sandbox's own, made fresh inside it.
    const inside = real === '/' ? 'the whole filesystem' : PSEUDO_ROOTS.find((root) => real === root || real.startsWith(`${root}/`));
    if (inside)
      throw new KeiError(
        'invalid_path',
        `read-only sandbox path "${p}" is ${real === '/' ? inside : `inside ${inside}`}; name the folder the command needs, e.g. /opt/tools`,
        { field: 'readOnly' },
      );
  }
  return paths;
}

const PSEUDO_ROOTS = ['/proc', '/dev', '/sys'];

/** Inside a named path: KeiSeiKit's data home, the usual secret places of HOME, and `.env` files. */
function secretsInside(root: string, plan: BwrapPlan): { path: string; dir: boolean }[] {
  const inside = (p: string) => {
    const r = relative(root, p);
    return r === '' || (!r.startsWith('..') && !isAbsolute(r));
  };
  const candidates = [plan.keiHome, ...SECRET_DIRS.map((d) => join(plan.home, d)), ...SECRET_FILES.map((f) => join(plan.home, f))].filter(
    inside,
  );
  const found = candidates.filter(existsSync).map((path) => ({ path, dir: isDir(path) }));
  return [...found, ...dotEnvFiles(root).map((path) => ({ path, dir: false }))];
}

function ulimits(l: Limits, memoryCgroup: boolean): string {
  // dash spells the process limit -p, bash -u; one of them works (both are void for root: see sandbox-cgroup.ts).
  // RLIMIT_AS counts address space, not memory, and breaks runtimes that reserve much of it (V8, the JVM):
  // used only where no memory cgroup holds the whole sandbox to its budget.
  const limits = [
    `ulimit -t ${l.cpuSeconds}`,
    `{ ulimit -u ${l.processes} || ulimit -p ${l.processes}; }`,
    `ulimit -f ${l.fileSizeMb * 2048}`,
  ];
  if (!memoryCgroup) limits.splice(1, 0, `ulimit -v ${l.memoryMb * 1024}`);
  return limits.map((c) => `${c} 2>/dev/null;`).join(' ');
}

/** The allow-listed part of an environment (every local isolating backend starts from it). */
export function pickEnv(env: NodeJS.ProcessEnv): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of ENV_ALLOWLIST) if (env[key]) out[key] = env[key] as string;
  out.PATH ??= '/usr/local/bin:/usr/bin:/bin';
  return out;
}

function isDir(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** `.env` files under a folder (bounded: depth 4, 200 folders), masked with /dev/null. */
export function dotEnvFiles(root: string): string[] {
  const found: string[] = [];
  let visited = 0;
  const walk = (dir: string, depth: number): void => {
    if (depth > 4 || visited++ > 200) return;
    let entries: import('node:fs').Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      if (e.isFile() && (e.name === '.env' || e.name.startsWith('.env.'))) found.push(join(dir, e.name));
      else if (e.isDirectory() && !['node_modules', '.git', '.cache', 'proc'].includes(e.name)) walk(join(dir, e.name), depth + 1);
    }
  };
  walk(root, 0);
  return found;
}
