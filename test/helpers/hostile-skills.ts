import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { writeSkill } from './skills.js';
import { tempDir } from './temp.js';

/** "Billion laughs" frontmatter: nine levels of nine aliases each stand for 9^9 (387 million) strings. */
export function aliasBomb(field: string): string {
  const lines = [`${field}:`, '  a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  let prev = 'a';
  for (const c of 'bcdefghi') {
    lines.push(`  ${c}: &${c} [${Array(9).fill(`*${prev}`).join(',')}]`);
    prev = c;
  }
  return `${lines.join('\n')}\n`;
}

/** A project whose .claude/skills holds one good skill and alias bombs in a spec field and a non-spec field. */
export function hostileProject(): { project: string; root: string } {
  const project = tempDir('kei-proj-');
  mkdirSync(join(project, '.git'));
  const root = join(project, '.claude', 'skills');
  writeSkill(root, 'good-skill', { description: 'Use when testing hostile files' });
  writeSkill(root, 'bomb-metadata', { extra: aliasBomb('metadata') });
  writeSkill(root, 'bomb-extra', { extra: aliasBomb('x-hermes') });
  return { project, root };
}
