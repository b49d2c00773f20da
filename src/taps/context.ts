import type { Clock } from '../core/clock.js';
import type { Db } from '../core/db.js';
import type { KeiPaths } from '../core/paths.js';
import type { Skills } from '../skills/index.js';

/** What installing and maintaining skills from taps may use of an opened process (kit.ts satisfies it). */
export interface TapsContext {
  paths: KeiPaths;
  db: Db;
  clock: Clock;
  readonly skills: Skills;
}
