import { accessSync, chmodSync, constants, lstatSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { KeiError } from './errors.js';

/**
 * The data home: `KEI_HOME`, else `~/.keiseikit`. A leading `~` is expanded (MCP client configs pass env
 * values unexpanded). A relative path is refused: the MCP server, the hooks and the CLI start in different
 * folders, so it would quietly give each its own data home.
 */
export function resolveKeiHome(env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = env.KEI_HOME?.trim();
  if (!fromEnv) return join(env.HOME || homedir(), '.keiseikit');
  const expanded = fromEnv === '~' || fromEnv.startsWith('~/') ? join(env.HOME || homedir(), fromEnv.slice(1)) : fromEnv;
  if (!isAbsolute(expanded))
    throw new KeiError(
      'path_invalid',
      `KEI_HOME must be an absolute path (got "${fromEnv}"): the MCP server, hooks and CLI run in different folders; ` +
        `use for example KEI_HOME=${resolve(expanded)}`,
    );
  return resolve(expanded);
}

export interface KeiPaths {
  home: string;
  db: string;
  config: string;
  logs: string;
  skills: string;
  archive: string;
  sandboxes: string;
}

export function keiPaths(home: string): KeiPaths {
  return {
    home,
    db: join(home, 'kei.db'),
    config: join(home, 'config.json'),
    logs: join(home, 'logs'),
    skills: join(home, 'skills'),
    archive: join(home, 'skills', '_archive'),
    sandboxes: join(home, 'sandboxes'),
  };
}

/**
 * Creates the data home on first use, private to the user (0700), and keeps it private: a home or
 * database made by an older version (or another tool, or a looser umask) is tightened here, since
 * kei.db, its -wal/-shm, config.json and the logs hold memories, transcripts and maybe keys.
 */
export function ensureKeiHome(home: string): KeiPaths {
  const paths = keiPaths(home);
  try {
    mkdirSync(home, { recursive: true, mode: 0o700 });
    mkdirSync(paths.logs, { recursive: true, mode: 0o700 });
    mkdirSync(paths.skills, { recursive: true, mode: 0o700 });
  } catch (err) {
    throw new KeiError('path_invalid', keiHomeProblem(home, err), { home });
  }
  for (const dir of [home, paths.logs]) tighten(dir, 0o700);
  for (const file of [paths.db, `${paths.db}-wal`, `${paths.db}-shm`, paths.config]) tighten(file, 0o600);
  for (const name of readdirSync(paths.logs)) tighten(join(paths.logs, name), 0o600);
  return paths;
}

/** Removes group and other access from a path we own; missing paths and foreign owners are left alone. */
function tighten(path: string, mode: number): void {
  try {
    const st = lstatSync(path);
    if (!st.isSymbolicLink() && (st.mode & 0o077) !== 0) chmodSync(path, mode);
  } catch {
    // Not there (yet), or not ours to change: nothing to tighten.
  }
}

/** Why the data home cannot be used, in words (instead of a raw EACCES/ENOTDIR on one of its subfolders). */
export function keiHomeProblem(home: string, err?: unknown): string {
  const fix = 'set KEI_HOME to a folder you can write to';
  const notFolder = nonFolderOnPath(home);
  if (notFolder) return `KEI_HOME ${home} cannot be used: ${notFolder} is a file, not a folder; move it away or ${fix}`;
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS' || !writable(home))
    return `KEI_HOME ${home} cannot be used: no permission to write there; run chmod u+rwx ${home} or ${fix}`;
  return `KEI_HOME ${home} cannot be used: ${(err as Error | undefined)?.message ?? 'unknown error'}; ${fix}`;
}

/** The first path from the root down to `path` that exists and is not a folder. */
function nonFolderOnPath(path: string): string | undefined {
  const chain: string[] = [];
  for (let p = resolve(path); ; p = dirname(p)) {
    chain.unshift(p);
    if (dirname(p) === p) break;
  }
  for (const p of chain) {
    try {
      if (!statSync(p).isDirectory()) return p;
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/** Whether the data home is a folder this user can create files in. */
export function keiHomeUsable(home: string): boolean {
  try {
    return statSync(home).isDirectory() && writable(home);
  } catch {
    return false;
  }
}

function writable(path: string): boolean {
  try {
    accessSync(path, constants.W_OK | constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
