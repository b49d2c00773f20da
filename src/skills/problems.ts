import type { SkillProblem } from './types.js';

/**
 * Lines that say how many SKILL.md files were skipped and why, for `list` and `doctor`: a file that
 * does not load is otherwise invisible (it is only logged). At most `max` are named; the rest counted.
 */
export function describeSkipped(problems: readonly SkillProblem[], why = 'not loaded', max = 5): string[] {
  if (problems.length === 0) return [];
  const files = problems.length === 1 ? '1 SKILL.md file was' : `${problems.length} SKILL.md files were`;
  const lines = [`${files} skipped (${why}):`];
  for (const p of problems.slice(0, max)) lines.push(`  ${p.path}: ${p.reason}`);
  if (problems.length > max) lines.push(`  … and ${problems.length - max} more`);
  lines.push('Check one with: kei-skills validate <path>');
  return lines;
}

/** One line for a table cell: the count, then the first reason (before its path, so a narrow cell still says why). */
export function summarizeSkipped(problems: readonly SkillProblem[]): string {
  if (problems.length === 0) return 'none skipped';
  const first = problems[0];
  return `${problems.length} SKILL.md skipped; first: ${first.reason} (${first.path})`;
}
