import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { childProcess } from '../core/lazy-builtin.js';
import { takeLeftBehindNotices, takeNotices } from '../ledger/notices.js';
import { lastReviewTurn, markReviewTurn } from '../ledger/review-turns.js';
import type { HookContext } from './types.js';

const MAX_REVIEWERS = 2;
const STALE_MS = 10 * 60 * 1000;

/** Announcements waiting for this session (e.g. what the reviewer saved), marked as shown. */
export function pendingNotice(ctx: HookContext, sessionId: string): string | undefined {
  return takeNotices(ctx.db, sessionId, ctx.now);
}

/** A session stays "live" this long after its last hook: its own next hook may still show its notices. */
const LEFT_BEHIND_AFTER_MS = 10 * 60 * 1000;

/**
 * At SessionStart: this session's own announcements (a resume) and those of earlier sessions whose reviewer
 * finished after their last hook, so "saved N memories" is never lost.
 */
export function startNotice(ctx: HookContext, sessionId: string): string | undefined {
  const own = takeNotices(ctx.db, sessionId, ctx.now);
  const left = takeLeftBehindNotices(ctx.db, sessionId, ctx.now, LEFT_BEHIND_AFTER_MS);
  return [own, left].filter((t) => t !== undefined).join('\n') || undefined;
}

/**
 * Every N user turns, starts `kei-skills review --session ID` detached and never waits for it.
 * At most two reviewers machine-wide: each holds one of two slot files, claimed atomically
 * (`O_EXCL`), so concurrent hooks can never start a third; one per session on top of that.
 */
export function maybeStartReviewer(ctx: HookContext, sessionId: string, turn: number): boolean {
  const every = ctx.config.reviewEveryTurns;
  if (every <= 0) return false;
  const locks = join(ctx.home, 'locks');
  const holders = liveSlots(locks);
  if (turn === 0 || turn % every !== 0) return false;
  const last = lastReviewTurn(ctx.db, sessionId);
  if (last === undefined || last >= turn || holders.includes(sessionId)) return false;
  mkdirSync(locks, { recursive: true });
  const slot = claimSlot(locks, sessionId);
  if (!slot) {
    ctx.log.info('reviewer not started: two already running', { session: sessionId });
    return false;
  }
  markReviewTurn(ctx.db, sessionId, turn);
  spawnReviewer(ctx, sessionId, slot);
  return true;
}

function spawnReviewer(ctx: HookContext, sessionId: string, slot: string): void {
  const cli = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'bin', 'kei-skills.js');
  const child = childProcess().spawn(process.execPath, [cli, 'review', '--session', sessionId], {
    detached: true,
    stdio: 'ignore',
    env: { ...ctx.env, KEI_HOME: ctx.home },
  });
  writeSlot(slot, child.pid ?? 0, sessionId, 'w');
  child.unref();
  ctx.log.info('reviewer started', { session: sessionId, pid: child.pid });
}

const slotPath = (dir: string, i: number) => join(dir, `review-slot-${i}.lock`);

/** The first free slot, claimed for this hook's own PID until the reviewer's is known. */
function claimSlot(dir: string, sessionId: string): string | undefined {
  for (let i = 0; i < MAX_REVIEWERS; i++) {
    try {
      writeSlot(slotPath(dir, i), process.pid, sessionId, 'wx');
      return slotPath(dir, i);
    } catch {
      // Taken by a live reviewer (stale slots were removed by liveSlots).
    }
  }
  return undefined;
}

function writeSlot(path: string, pid: number, sessionId: string, flag: 'w' | 'wx'): void {
  const fd = openSync(path, flag);
  writeSync(fd, `${pid} ${Date.now()} ${sessionId}`);
  closeSync(fd);
}

/**
 * The sessions whose reviewer is alive. A slot lives exactly as long as its process: the reviewer
 * never frees it (freeing it just before exiting would let a third start while it still runs);
 * hooks remove slots whose process is gone, a zombie, or older than ten minutes.
 */
function liveSlots(dir: string): string[] {
  const live: string[] = [];
  for (let i = 0; i < MAX_REVIEWERS; i++) {
    const path = slotPath(dir, i);
    let content: string;
    try {
      content = readFileSync(path, 'utf8');
    } catch {
      continue;
    }
    const [pid, at, session] = content.split(' ');
    if (isAlive(Number(pid), Number(at))) live.push(session);
    else rmSync(path, { force: true });
  }
  return live;
}

function isAlive(pid: number, at: number): boolean {
  if (!pid || !(Date.now() - at < STALE_MS)) return false;
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  return !isZombie(pid);
}

/** Exited but not yet reaped (a container's PID 1 may never reap it): dead for our purposes. Linux only. */
function isZombie(pid: number): boolean {
  try {
    return /^\d+ \(.*\) Z /.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}
