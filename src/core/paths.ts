import { chmodSync, lstatSync, mkdirSync, readdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

/** The data home: `KEI_HOME`, else `~/.keiseikit`. */
export function resolveKeiHome(env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = env.KEI_HOME?.trim();
  return resolve(fromEnv && fromEnv.length > 0 ? fromEnv : join(homedir(), '.keiseikit'));
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
  mkdirSync(home, { recursive: true, mode: 0o700 });
  mkdirSync(paths.logs, { recursive: true, mode: 0o700 });
  mkdirSync(paths.skills, { recursive: true, mode: 0o700 });
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
