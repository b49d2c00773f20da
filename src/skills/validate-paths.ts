import { statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import fg from 'fast-glob';
import { parseSkillText } from './parse.js';
import { readFileSync } from 'node:fs';

export interface ValidationReport {
  path: string;
  name: string | null;
  loaded: boolean;
  findings: { severity: 'error' | 'warning'; rule: string; message: string }[];
}

/**
 * `kei-skills validate`: every SKILL.md under the given paths, with every spec violation as an
 * error (even where a lenient client still loads the skill) and advice as warnings.
 */
export function validatePaths(paths: readonly string[]): ValidationReport[] {
  const files = new Set<string>();
  for (const p of paths) {
    const abs = resolve(p);
    if (statSync(abs).isDirectory())
      for (const f of fg.sync('**/SKILL.md', { cwd: abs, absolute: true, dot: true, ignore: ['**/node_modules/**', '**/.git/**'] }))
        files.add(f);
    else files.add(abs);
  }
  return [...files].sort().map(validateFile);
}

function validateFile(path: string): ValidationReport {
  const outcome = parseSkillText(readFileSync(path, 'utf8'), path, { path: dirname(dirname(path)), label: 'validate' });
  if ('problem' in outcome) {
    return { path, name: null, loaded: false, findings: [{ severity: 'error', rule: 'not-loadable', message: outcome.problem.reason }] };
  }
  return { path, name: outcome.skill.name, loaded: true, findings: outcome.skill.findings };
}
