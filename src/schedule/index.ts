import type { ScheduleContext } from './context.js';
import { JobStore } from './jobs.js';

export function jobStore(kit: ScheduleContext): JobStore {
  return new JobStore(kit.db, kit.clock, kit.config.schedule.minIntervalMs, kit.log, kit.env);
}

export { runDuePass, runJobNow } from './runner.js';
export { runDaemon } from './daemon.js';
export type { JobRow, CreateJob } from './jobs.js';
