import { cached, type Db } from '../core/db.js';

export interface SharedSkillRow {
  name: string;
  shared_at: number;
  unshared: number;
  pushed_hash: string | null;
  pushed_stats: string | null;
}

export function sharedSkills(db: Db): SharedSkillRow[] {
  return cached(db, 'SELECT * FROM team_shared_skills ORDER BY name').all() as SharedSkillRow[];
}

export function markShared(db: Db, name: string, at: number): void {
  cached(
    db,
    `INSERT INTO team_shared_skills (name, shared_at) VALUES (?, ?)
     ON CONFLICT (name) DO UPDATE SET unshared = 0, pushed_hash = NULL, pushed_stats = NULL`,
  ).run(name, at);
}

export function markUnshared(db: Db, name: string): boolean {
  return cached(db, 'UPDATE team_shared_skills SET unshared = 1 WHERE name = ?').run(name).changes > 0;
}

export function notePushed(db: Db, name: string, hash: string | null, stats: string | null): void {
  cached(
    db,
    'UPDATE team_shared_skills SET pushed_hash = coalesce(?, pushed_hash), pushed_stats = coalesce(?, pushed_stats) WHERE name = ?',
  ).run(hash, stats, name);
}

export function forgetShared(db: Db, name: string): void {
  cached(db, 'DELETE FROM team_shared_skills WHERE name = ? AND unshared = 1').run(name);
}

/** Another member's counts for a skill, as pulled. */
export function saveMemberStats(
  db: Db,
  s: { skill: string; member: string; uses: number; known: number; successes: number; lastUse: number | null },
): void {
  cached(
    db,
    `INSERT INTO team_skill_stats (skill, member, uses, known, successes, last_use) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (skill, member) DO UPDATE SET uses = excluded.uses, known = excluded.known, successes = excluded.successes,
       last_use = excluded.last_use`,
  ).run(s.skill, s.member, s.uses, s.known, s.successes, s.lastUse);
}

/** The other members' counts per skill, summed: what the nightly rules add to this data home's own. */
export function teamSkillCounts(db: Db): Map<string, { uses: number; known: number; successes: number; lastUse: number | null }> {
  const rows = cached(
    db,
    `SELECT skill, sum(uses) AS uses, sum(known) AS known, sum(successes) AS successes, max(last_use) AS lastUse
     FROM team_skill_stats WHERE member != coalesce((SELECT member FROM team_link WHERE id = 1), '') GROUP BY skill`,
  ).all() as { skill: string; uses: number; known: number; successes: number; lastUse: number | null }[];
  return new Map(rows.map((r) => [r.skill, { uses: r.uses, known: r.known, successes: r.successes, lastUse: r.lastUse }]));
}
