import type { Db } from '../../core/db.js';
import { TRAJECTORY_PREFIX } from '../../ledger/turns.js';

export interface SkillMetrics {
  uses: number;
  known: number;
  successes: number;
  /** Successes over invocations with a known outcome; undefined when none is known. */
  rate?: number;
  lastUse?: number;
  /** Trajectories where the skill failed in the window, newest first. */
  failing: string[];
}

/** Per skill, the invocations of the last `windowDays`, in one pass over the ledger. */
export function skillMetrics(db: Db, now: number, windowDays: number): Map<string, SkillMetrics> {
  const since = now - windowDays * 86_400_000;
  const rows = db
    .prepare(
      `SELECT skill_name, count(*) AS uses, count(success) AS known, coalesce(sum(success), 0) AS successes, max(ts) AS last
    FROM skill_invocations WHERE ts >= ? GROUP BY skill_name`,
    )
    .all(since) as { skill_name: string; uses: number; known: number; successes: number; last: number }[];
  const failing = db
    .prepare(
      `SELECT skill_name, coalesce(trajectory_id, ? || session_id) AS traj FROM skill_invocations
    WHERE ts >= ? AND success = 0 AND session_id IS NOT NULL ORDER BY ts DESC`,
    )
    .all(TRAJECTORY_PREFIX, since) as { skill_name: string; traj: string }[];
  const out = new Map<string, SkillMetrics>();
  for (const r of rows) {
    out.set(r.skill_name, {
      uses: r.uses,
      known: r.known,
      successes: r.successes,
      rate: r.known > 0 ? r.successes / r.known : undefined,
      lastUse: r.last,
      failing: [],
    });
  }
  for (const f of failing) {
    const m = out.get(f.skill_name);
    if (m && !m.failing.includes(f.traj)) m.failing.push(f.traj);
  }
  return out;
}

export const NO_USE: SkillMetrics = { uses: 0, known: 0, successes: 0, failing: [] };
