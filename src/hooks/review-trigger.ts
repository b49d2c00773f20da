import { spawn } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { HookContext } from './types.js';

const MAX_REVIEWERS = 2;
const STALE_MS = 10 * 60 * 1000;

/** Announcements waiting for this session (e.g. what the reviewer saved), marked as shown. */
export function pendingNotice(ctx: HookContext, sessionId: string): string | undefined {
  const rows = ctx.db.prepare('SELECT id, text FROM notices WHERE session_id = ? AND shown_at IS NULL ORDER BY id').all(sessionId) as { id: number; text: string }[];
  if (rows.length === 0) return undefined;
  ctx.db.prepare(`UPDATE notices SET shown_at = ? WHERE id IN (${rows.map(() => '?').join(',')})`).run(ctx.now, ...rows.map((r) => r.id));
  return rows.map((r) => r.text).join('\n');
}

/**
 * Every N user turns, starts `kei-skills review --session ID` detached and never waits for it.
 * One reviewer per session (a PID lock with a staleness check) and at most two machine-wide.
 */
export function maybeStartReviewer(ctx: HookContext, sessionId: string, turn: number): boolean {
  const every = ctx.config.reviewEveryTurns;
  if (every <= 0 || turn === 0 || turn % every !== 0) return false;
  const row = ctx.db.prepare('SELECT last_review_turn FROM sessions WHERE id = ?').get(sessionId) as { last_review_turn: number } | undefined;
  if (!row || row.last_review_turn >= turn) return false;
  const locks = join(ctx.home, 'locks');
  mkdirSync(locks, { recursive: true });
  if (liveReviewers(locks) >= MAX_REVIEWERS) {
    ctx.log.info('reviewer not started: two already running', { session: sessionId });
    return false;
  }
  const lock = join(locks, `review-${sessionId.replace(/[^\w-]/g, '_')}.lock`);
  if (!claimLock(lock)) return false;
  ctx.db.prepare('UPDATE sessions SET last_review_turn = ? WHERE id = ?').run(turn, sessionId);
  spawnReviewer(ctx, sessionId, lock);
  return true;
}

function spawnReviewer(ctx: HookContext, sessionId: string, lock: string): void {
  const cli = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'bin', 'kei-skills.js');
  const child = spawn(process.execPath, [cli, 'review', '--session', sessionId, '--lock', lock], {
    detached: true, stdio: 'ignore', env: { ...ctx.env, KEI_HOME: ctx.home },
  });
  writeLockPid(lock, child.pid ?? 0);
  child.unref();
  ctx.log.info('reviewer started', { session: sessionId, pid: child.pid });
}

function claimLock(path: string): boolean {
  try {
    const fd = openSync(path, 'wx');
    closeSync(fd);
    return true;
  } catch {
    if (isStale(path)) {
      rmSync(path, { force: true });
      return claimLock(path);
    }
    return false;
  }
}

function writeLockPid(path: string, pid: number): void {
  const fd = openSync(path, 'w');
  writeSync(fd, `${pid} ${Date.now()}`);
  closeSync(fd);
}

function isStale(path: string): boolean {
  try {
    const [pid, at] = readFileSync(path, 'utf8').split(' ').map(Number);
    if (!pid || Date.now() - at > STALE_MS) return true;
    process.kill(pid, 0);
    return false;
  } catch {
    return true;
  }
}

function liveReviewers(dir: string): number {
  return readdirSync(dir).filter((f) => f.startsWith('review-') && !isStale(join(dir, f))).length;
}
