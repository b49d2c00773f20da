import type { Db } from '../../core/db.js';
import { TRAJECTORY_PREFIX } from '../../ledger/turns.js';
import { teamSkillCounts } from '../../team/skill-state.js';

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

/** Per skill, the invocations of the last `windowDays`, plus other team members' counts of shared skills. */
export function skillMetrics(db: Db, now: number, windowDays: number): Map<string, SkillMetrics> {
  const out = localSkillMetrics(db, now, windowDays);
  addTeamCounts(db, out);
  return out;
}

/** Per skill, this data home's invocations of the last `windowDays`, in one pass over the ledger. */
function localSkillMetrics(db: Db, now: number, windowDays: number): Map<string, SkillMetrics> {
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
    const rate = r.known > 0 ? r.successes / r.known : undefined;
    out.set(r.skill_name, { uses: r.uses, known: r.known, successes: r.successes, rate, lastUse: r.last, failing: [] });
  }
  for (const f of failing) {
    const m = out.get(f.skill_name);
    if (m && !m.failing.includes(f.traj)) m.failing.push(f.traj);
  }
  return out;
}

/**
 * Other members' use and success counts of shared skills (src/team), added to this data home's own: the archive,
 * validate and re-extract rules then judge a team's skill by the whole team's use. The failing sessions stay local.
 */
function addTeamCounts(db: Db, out: Map<string, SkillMetrics>): void {
  for (const [skill, t] of teamSkillCounts(db)) {
    const m = out.get(skill) ?? { uses: 0, known: 0, successes: 0, failing: [] };
    m.uses += t.uses;
    m.known += t.known;
    m.successes += t.successes;
    m.rate = m.known > 0 ? m.successes / m.known : undefined;
    m.lastUse = Math.max(m.lastUse ?? 0, t.lastUse ?? 0) || undefined;
    out.set(skill, m);
  }
}

export const NO_USE: SkillMetrics = { uses: 0, known: 0, successes: 0, failing: [] };
