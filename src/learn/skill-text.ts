import { KeiError } from '../core/errors.js';
import { parseFrontmatter, splitSkillFile } from '../skills/frontmatter.js';

export interface ProposedSkill {
  name: string;
  description: string;
  category: string;
  metadata: Record<string, string>;
  body: string;
}

const NAME = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Reads a whole SKILL.md proposed by a model (or the offline extractor) into the parts the writer takes. */
export function parseProposedSkill(text: string): ProposedSkill {
  const parts = splitSkillFile(text.replace(/^\s*```(?:markdown|md)?\n/, '').replace(/\n```\s*$/, '\n'));
  if (!parts) throw new KeiError('skill_invalid', 'the proposed SKILL.md has no YAML frontmatter between --- lines');
  const fm = parseFrontmatter(parts.rawFrontmatter);
  const name = typeof fm.name === 'string' ? fm.name.trim() : '';
  if (!NAME.test(name) || name.length > 64)
    throw new KeiError('skill_invalid', `the proposed name "${name}" is not lowercase letters, digits and hyphens (at most 64)`);
  const description = typeof fm.description === 'string' ? fm.description.trim() : '';
  if (!description) throw new KeiError('skill_invalid', 'the proposed SKILL.md has no description');
  const metadata: Record<string, string> = {};
  if (fm.metadata && typeof fm.metadata === 'object')
    for (const [k, v] of Object.entries(fm.metadata)) if (typeof v === 'string' || typeof v === 'number') metadata[k] = String(v);
  const rawCategory = String(fm.category ?? metadata.category ?? 'learned')
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/^-+|-+$/g, '');
  const category = /^[a-z0-9][a-z0-9-]{0,40}$/.test(rawCategory) ? rawCategory : 'learned';
  if (!parts.body.trim()) throw new KeiError('skill_invalid', 'the proposed SKILL.md has an empty body');
  return { name, description, category, metadata: { ...metadata, category }, body: parts.body };
}
