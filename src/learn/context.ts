import type { Clock } from '../core/clock.js';
import type { KeiConfig } from '../core/config.js';
import type { Db } from '../core/db.js';
import type { Logger } from '../core/log.js';
import type { KeiPaths } from '../core/paths.js';
import type { MemoryStore } from '../memory/store.js';
import type { Skills } from '../skills/index.js';

/**
 * What learning may use of an opened process. Each learn function takes only the parts it needs
 * (`Pick<LearnContext, …>`), so a test or another entry point can call it without a whole kit, and
 * learn/ never reaches up to the composition root (kit.ts satisfies this shape).
 */
export interface LearnContext {
  paths: KeiPaths;
  config: KeiConfig;
  db: Db;
  log: Logger;
  clock: Clock;
  projectKey: string;
  memory: MemoryStore;
  /** Loaded on first use: commands that never touch skills never pay for discovery. */
  readonly skills: Skills;
  env: NodeJS.ProcessEnv;
}
