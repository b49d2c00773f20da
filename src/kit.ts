import { systemClock, type Clock } from './core/clock.js';
import { loadConfig, withEnvOverrides, type KeiConfig } from './core/config.js';
import { openDatabase } from './core/db.js';
import { createLogger } from './core/log.js';
import { ensureKeiHome, resolveKeiHome } from './core/paths.js';
import { projectKeyFor } from './core/project-key.js';
import type { LearnContext } from './learn/context.js';
import { MemoryStore } from './memory/store.js';
import { openSkills, type Skills } from './skills/index.js';

export interface KitOptions {
  home?: string;
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  clock?: Clock;
  /** Log name (file `logs/<name>.log`). */
  logName?: string;
  logToStderr?: boolean;
  /** Use this instead of reading config.json (doctor, which reports a broken one and checks the rest on defaults). */
  config?: KeiConfig;
}

/**
 * Everything a KeiSeiKit process needs, opened once: the composition root the adapters share. Its parts are the
 * shape the domain describes (`LearnContext`; schedule and taps pick from it), so domain code never imports this file.
 */
export interface Kit extends LearnContext {
  close(): void;
}

export function openKit(options: KitOptions = {}): Kit {
  const env = options.env ?? process.env;
  const paths = ensureKeiHome(options.home ?? resolveKeiHome(env));
  const config = options.config ?? withEnvOverrides(loadConfig(paths.config), env);
  const log = createLogger({ dir: paths.logs, name: options.logName ?? 'kei', level: config.log.level, stderr: options.logToStderr });
  const db = openDatabase(paths.db);
  const clock = options.clock ?? systemClock;
  const projectKey = projectKeyFor(options.cwd ?? process.cwd());
  const memory = new MemoryStore({
    db,
    clock,
    log,
    projectKey,
    env,
    maxEntryChars: config.memory.maxEntryChars,
    defaultSearchLimit: config.memory.searchLimit,
    rankWindow: config.memory.rankWindow,
  });
  return assemble({ paths, config, db, log, clock, projectKey, memory, env });
}

type KitParts = Omit<Kit, 'skills' | 'close'>;

/** Adds the lazily opened skills and an idempotent close to the opened parts. */
function assemble(parts: KitParts): Kit {
  let closed = false;
  let skills: Skills | undefined;
  const { db, clock, log, env, paths, config, projectKey } = parts;
  // The project key is the project's root folder (its git root, else the working directory): skills live under it.
  const projectRoot = projectKey;
  const loadSkills = (): Skills =>
    openSkills({ db, clock, log, env }, log, {
      projectRoot,
      keiHome: paths.home,
      home: env.HOME,
      roots: config.skills.roots,
      extraRoots: config.skills.extraRoots,
    });
  return {
    ...parts,
    get skills() {
      skills ??= loadSkills();
      return skills;
    },
    close() {
      if (closed) return;
      closed = true;
      parts.memory.flush();
      void skills?.registry.close();
      db.close();
    },
  };
}
