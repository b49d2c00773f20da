import type { Clock } from '../core/clock.js';
import type { Db } from '../core/db.js';
import type { Logger } from '../core/log.js';
import type { KeiPaths } from '../core/paths.js';
import type { Skills } from '../skills/index.js';

/** What team sync reads from the kit (the kit satisfies it; src/team never imports kit.ts). */
export interface TeamContext {
  db: Db;
  clock: Clock;
  log: Logger;
  env: NodeJS.ProcessEnv;
  paths: Pick<KeiPaths, 'home'>;
  /** The project this process works in: its identity is recorded, so pulled project memories find their folder. */
  projectKey: string;
  /** Shared skills are read from and pulled ones written through it (loaded on first use). */
  readonly skills: Pick<Skills, 'registry'>;
}
