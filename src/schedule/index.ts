import type { Kit } from '../kit.js';
import { JobStore } from './jobs.js';

export function jobStore(kit: Kit): JobStore {
  return new JobStore(kit.db, kit.clock, kit.config.schedule.minIntervalMs, kit.log, kit.env);
}

export { runDuePass, runJobNow } from './runner.js';
export { runDaemon } from './daemon.js';
export type { JobRow, CreateJob } from './jobs.js';
