import type { Skill } from './types.js';

export interface SkillHit {
  skill: Skill;
  score: number;
}

const words = (s: string) =>
  s
    .toLowerCase()
    .normalize('NFKC')
    .match(/[\p{L}\p{N}]+/gu) ?? [];

/**
 * Ranks skills for a query: a word in the name counts most, then the description, then the body
 * (with diminishing returns for repeats). Ties go to the name order.
 */
export function searchSkills(skills: readonly Skill[], query: string, limit = 10): SkillHit[] {
  const terms = [...new Set(words(query))];
  if (terms.length === 0) return skills.slice(0, limit).map((skill) => ({ skill, score: 0 }));
  const hits: SkillHit[] = [];
  for (const skill of skills) {
    const score = scoreSkill(skill, terms);
    if (score > 0) hits.push({ skill, score });
  }
  return hits.sort((a, b) => b.score - a.score || a.skill.name.localeCompare(b.skill.name)).slice(0, limit);
}

function scoreSkill(skill: Skill, terms: string[]): number {
  const name = new Set(words(skill.name.replace(/-/g, ' ')));
  const description = words(skill.description);
  const body = words(skill.body.slice(0, 20_000));
  let score = 0;
  for (const term of terms) {
    const inName = name.has(term) || skill.name.includes(term);
    const inDescription = description.filter((w) => w.startsWith(term)).length;
    const inBody = body.filter((w) => w === term).length;
    if (!inName && inDescription === 0 && inBody === 0) continue;
    score += (inName ? 5 : 0) + Math.min(3, inDescription) * 2 + Math.log2(1 + inBody);
  }
  return Math.round(score * 100) / 100;
}
