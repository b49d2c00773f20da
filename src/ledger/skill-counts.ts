import type { Db } from '../core/db.js';

export interface SkillCounts {
  uses: number;
  known: number;
  successes: number;
  lastUse: number | null;
}

/** One skill's recorded uses since `since`: how many, how many with a known outcome, how many succeeded, the latest. */
export function skillCounts(db: Db, skill: string, since = 0): SkillCounts {
  const row = db
    .prepare(
      `SELECT count(*) AS uses, count(success) AS known, coalesce(sum(success), 0) AS successes, max(ts) AS lastUse
       FROM skill_invocations WHERE skill_name = ? AND ts >= ?`,
    )
    .get(skill, since) as SkillCounts;
  return row;
}
