import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fg from 'fast-glob';
import { describe, expect, it } from 'vitest';
import { joinSkillFile, splitSkillFile } from '../../src/skills/frontmatter.js';
import { readSkill } from '../../src/skills/parse.js';
import { SHARED } from '../helpers/temp.js';

const CORPUS = join(SHARED, 'skills-corpus');
const files = fg.sync('**/SKILL.md', { cwd: CORPUS, absolute: true, dot: true });

describe('the real skills corpus', () => {
  it('has all 177 files', () => {
    expect(files).toHaveLength(177);
  });

  it('round-trips every file byte for byte', () => {
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      const parts = splitSkillFile(text);
      expect(parts, file).toBeDefined();
      expect(joinSkillFile(parts!), file).toBe(text);
    }
  });

  it('loads every file leniently, reporting spec violations as findings', () => {
    const outcomes = files.map((f) => readSkill(f, { path: CORPUS, label: 'corpus' }));
    const problems = outcomes.flatMap((o) => ('problem' in o ? [o.problem] : []));
    expect(problems).toEqual([]);
    const skills = outcomes.flatMap((o) => ('skill' in o ? [o.skill] : []));
    const rules = new Set(skills.flatMap((s) => s.findings.map((f) => f.rule)));
    // The corpus README names these kinds of real violations.
    expect(rules).toContain('name-folder-mismatch');
    expect(rules).toContain('description-length');
    expect(rules).toContain('non-spec-field');
  });
});

describe('kei-skills validate over the corpus', () => {
  it('loads every file and lists exactly the real spec violations', async () => {
    const { validatePaths } = await import('../../src/skills/validate-paths.js');
    const reports = validatePaths([CORPUS]);
    expect(reports).toHaveLength(177);
    expect(reports.every((r) => r.loaded)).toBe(true);
    const errors = reports.flatMap((r) =>
      r.findings.filter((f) => f.severity === 'error').map((f) => `${r.path.replace(`${CORPUS}/`, '')} ${f.rule}`),
    );
    expect(errors.sort()).toEqual([
      'K-Dense-AI__claude-scientific-skills/scientific-skills/database-lookup/SKILL.md description-length',
      'K-Dense-AI__claude-scientific-skills/scientific-skills/markdown-mermaid-writing/SKILL.md metadata-value-type',
      'K-Dense-AI__claude-scientific-skills/scientific-skills/rowan/SKILL.md metadata-value-type',
      'anthropics__skills/skills/claude-api/SKILL.md description-length',
      'vercel-labs__agent-skills/skills/composition-patterns/SKILL.md name-folder-mismatch',
      'vercel-labs__agent-skills/skills/react-best-practices/SKILL.md name-folder-mismatch',
      'vercel-labs__agent-skills/skills/react-native-skills/SKILL.md name-folder-mismatch',
      'vercel-labs__agent-skills/skills/react-view-transitions/SKILL.md name-folder-mismatch',
    ]);
    const warnings = reports.flatMap((r) => r.findings.filter((f) => f.severity === 'warning').map((f) => f.rule));
    expect(warnings.filter((w) => w === 'non-spec-field')).toHaveLength(1);
  });
});
