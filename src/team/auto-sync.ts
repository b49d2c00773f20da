import { latestSessionEnd } from '../ledger/sessions.js';
import type { KeiConfig } from '../core/config.js';
import type { TeamContext } from './context.js';
import { readLink } from './link.js';
import type { SyncReport } from './sync.js';

/** After a failed attempt the daemon waits this long before the next one, whatever else is due. */
const RETRY_AFTER_MS = 60_000;

export interface AutoSyncState {
  lastAttemptAt: number;
  /** The daemon's connection, kept between syncs (see openTeamSession). */
  session?: { sync(): Promise<SyncReport>; close(): void };
}

/**
 * The daemon's team sync: every `team.syncMinutes`, and soon after a session ends (seen in the ledger, so the hook
 * itself does nothing), in the daemon's own process, never on a hook's path. Undefined when nothing was due.
 */
export async function syncTeamIfDue(
  ctx: TeamContext & { config: Pick<KeiConfig, 'team'> },
  state: AutoSyncState,
): Promise<SyncReport | undefined> {
  const minutes = ctx.config.team.syncMinutes;
  const link = readLink(ctx.db);
  if (!link || minutes === 0) return undefined;
  const now = ctx.clock.now();
  if (link.lastSyncError && now - state.lastAttemptAt < RETRY_AFTER_MS) return undefined;
  const periodDue = now - (link.lastSyncAt ?? 0) >= minutes * 60_000;
  const sessionEnded = (latestSessionEnd(ctx.db) ?? 0) > Math.max(state.lastAttemptAt, link.lastSyncAt ?? 0);
  if (!periodDue && !sessionEnded) return undefined;
  state.lastAttemptAt = now;
  const { openTeamSession } = await import('./sync.js'); // the daemon loads node-postgres only once it is in a team
  state.session ??= openTeamSession(ctx);
  const report = await state.session.sync();
  ctx.log.info('team synced', { pushed: report.pushed, pulled: report.pulled, ms: report.ms });
  return report;
}
