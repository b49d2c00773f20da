import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Limits } from './types.js';

/** Variables a command may see; everything else in the caller's environment is cleared. */
export const ENV_ALLOWLIST = ['PATH', 'LANG', 'LC_ALL', 'TERM', 'TZ'];
const SECRET_DIRS = ['.ssh', '.aws', '.gnupg', '.config/gcloud', '.kube', '.docker', '.azure'];
const SECRET_FILES = ['.netrc', '.claude.json', '.npmrc', '.pypirc', '.git-credentials'];

export interface BwrapPlan {
  work: string;
  cwd: string;
  home: string;
  keiHome: string;
  env: Record<string, string>;
  limits: Limits;
}

/**
 * bubblewrap arguments: read-only root, fresh /tmp /proc /dev, only the work folder writable, no
 * network (all namespaces unshared), dies with its parent, a new session, a cleared environment,
 * HOME = the work folder, and the user's secrets (and KeiSeiKit's own data) hidden even from reading.
 */
export function bwrapArgs(plan: BwrapPlan, command: string): string[] {
  const args = ['--ro-bind', '/', '/', '--dev', '/dev', '--proc', '/proc', '--tmpfs', '/tmp'];
  for (const dir of SECRET_DIRS) if (isDir(join(plan.home, dir))) args.push('--tmpfs', join(plan.home, dir));
  for (const file of [...SECRET_FILES.map((f) => join(plan.home, f)), ...dotEnvFiles(plan.home)]) if (existsSync(file)) args.push('--ro-bind', '/dev/null', file);
  if (isDir(plan.keiHome)) args.push('--tmpfs', plan.keiHome);
  args.push('--bind', plan.work, plan.work, '--chdir', plan.cwd);
  args.push('--unshare-all', '--die-with-parent', '--new-session', '--clearenv');
  for (const [k, v] of Object.entries({ ...pickEnv(process.env), ...plan.env, HOME: plan.work, TMPDIR: '/tmp' })) args.push('--setenv', k, v);
  // One shell: the limits, then the command itself (it is a shell command line either way).
  args.push('/bin/sh', '-c', `${ulimits(plan.limits)}\n${command}`);
  return args;
}

function ulimits(l: Limits): string {
  // dash spells the process limit -p, bash -u; one of them works (both are void for root: see pids-cgroup.ts).
  return [`ulimit -t ${l.cpuSeconds}`, `ulimit -v ${l.memoryMb * 1024}`, `{ ulimit -u ${l.processes} || ulimit -p ${l.processes}; }`, `ulimit -f ${l.fileSizeMb * 2048}`].map((c) => `${c} 2>/dev/null;`).join(' ');
}

function pickEnv(env: NodeJS.ProcessEnv): Record<string, string> {
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

/** `.env` files under HOME (bounded: depth 4, 200 folders), masked with /dev/null. */
export function dotEnvFiles(home: string): string[] {
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
  walk(home, 0);
  return found;
}
