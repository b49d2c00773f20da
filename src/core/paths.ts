import { chmodSync, existsSync, mkdirSync } from 'node:fs';
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

/** Creates the data home on first use, private to the user (0700). */
export function ensureKeiHome(home: string): KeiPaths {
  const paths = keiPaths(home);
  if (!existsSync(home)) {
    mkdirSync(home, { recursive: true, mode: 0o700 });
    chmodSync(home, 0o700);
  }
  mkdirSync(paths.logs, { recursive: true, mode: 0o700 });
  mkdirSync(paths.skills, { recursive: true, mode: 0o700 });
  return paths;
}
