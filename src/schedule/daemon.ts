import { syncTeamIfDue, type AutoSyncState } from '../team/auto-sync.js';
import type { ScheduleContext } from './context.js';
import { runDuePass } from './runner.js';

/**
 * `kei-skills daemon`: runs due jobs, then sleeps until the next due time (or the poll interval,
 * so jobs added or changed by other processes are picked up without a restart). On SIGTERM/SIGINT
 * it stops starting work, kills running jobs, and leaves their occurrences to be resumed.
 * Between passes it syncs the team when a sync is due (src/team/auto-sync.ts).
 */
export async function runDaemon(kit: ScheduleContext, stop: AbortSignal): Promise<void> {
  kit.log.info('daemon started', { pid: process.pid });
  const team: AutoSyncState = { lastAttemptAt: 0 };
  while (!stop.aborted) {
    try {
      await runDuePass(kit, stop);
    } catch (err) {
      kit.log.error('scheduler pass failed', { error: String(err) });
    }
    await syncTeamIfDue(kit, team).catch((err: unknown) => kit.log.warn('team sync failed', { error: String(err) }));
    await sleepUntilNext(kit, stop);
  }
  team.session?.close();
  kit.log.info('daemon stopped', { pid: process.pid });
}

function sleepUntilNext(kit: ScheduleContext, stop: AbortSignal): Promise<void> {
  const row = kit.db.prepare('SELECT min(next_run_at) AS next FROM jobs WHERE enabled = 1').get() as { next: number | null };
  const poll = kit.config.schedule.pollMs;
  const wait = row.next === null ? poll : Math.max(20, Math.min(poll, row.next - kit.clock.now()));
  // The listener goes when the sleep ends either way: one left per poll would pile up on the
  // daemon's single signal for as long as it runs (Node warns of a leak after eleven).
  return new Promise((resolve) => {
    if (stop.aborted) return resolve();
    const wake = () => {
      clearTimeout(timer);
      stop.removeEventListener('abort', wake);
      resolve();
    };
    const timer = setTimeout(wake, wait);
    stop.addEventListener('abort', wake, { once: true });
  });
}
