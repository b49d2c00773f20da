import type pg from 'pg';
import { KeiError } from '../core/errors.js';
import type { TeamContext } from './context.js';
import { projectIdentity } from './identity.js';
import { readLink, recordSyncResult, requireLink, type TeamLink } from './link.js';
import { pullAll, type PullReport } from './pull.js';
import { pushAll } from './push.js';
import { connectTeam, markSynced, unreachable } from './remote.js';
import { rememberProject } from './state.js';
import { unpark } from './unpark.js';

export interface SyncReport extends PullReport {
  team: string;
  member: string;
  pushed: number;
  /** Entries of this project pulled earlier, before this machine had a folder for it, now stored. */
  unparked: number;
  ms: number;
}

/**
 * Push then pull, on a connection of its own. Both halves are idempotent and resumable (see push.ts and pull.ts), so
 * a sync killed at any point is finished by the next one. The result (or the error) is kept for `team status` and
 * `doctor`.
 */
export async function syncTeam(ctx: TeamContext): Promise<SyncReport> {
  const session = openTeamSession(ctx);
  try {
    return await session.sync();
  } finally {
    session.close();
  }
}

/**
 * Syncs that share one connection (the daemon, a benchmark): opening a Postgres connection costs more than a sync
 * with nothing to do. A failed sync drops the connection; the next one opens a new one.
 */
export function openTeamSession(ctx: TeamContext): { sync(): Promise<SyncReport>; close(): void } {
  let client: pg.Client | undefined;
  const drop = (): void => {
    void client?.end().catch(() => undefined);
    client = undefined;
  };
  return {
    async sync() {
      const started = performance.now();
      const link = requireLink(ctx.db);
      const identity = noteCurrentProject(ctx);
      try {
        client ??= await connectTeam(link.url, ctx.paths.home, ctx.env);
        const report = await syncOn(ctx, client, link, identity);
        report.ms = Math.round(performance.now() - started);
        recordSyncResult(ctx.db, ctx.clock.now(), null, JSON.stringify(report));
        return report;
      } catch (error) {
        drop();
        recordSyncResult(ctx.db, ctx.clock.now(), messageOf(error), null);
        throw error instanceof KeiError ? error : unreachable(link.url, error);
      }
    },
    close: drop,
  };
}

async function syncOn(ctx: TeamContext, client: pg.Client, link: TeamLink, identity: string | undefined): Promise<SyncReport> {
  const pushed = await pushAll(ctx, client, link);
  const pulled = await pullAll(ctx, client, readLink(ctx.db) ?? link);
  const unparked = identity ? unpark(ctx, identity) : 0;
  await markSynced(client, link.team, link.member);
  return { team: link.team, member: link.member, pushed, ...pulled, unparked, ms: 0 };
}

/** This project's identity, recorded with its folder so that pulled project memories land here. */
function noteCurrentProject(ctx: TeamContext): string | undefined {
  const identity = projectIdentity(ctx.projectKey);
  if (identity) rememberProject(ctx.db, identity, ctx.projectKey, ctx.clock.now());
  return identity;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
