import { existsSync, readFileSync, statSync } from 'node:fs';
import { errorMessage, KeiError } from '../core/errors.js';
import { dirname, resolve } from 'node:path';
import fg from 'fast-glob';
import { parseSkillText } from './parse.js';

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
    if (!existsSync(abs)) throw new KeiError('file_not_found', `${p}: no such file or folder (give SKILL.md files or folders holding them)`);
    if (statSync(abs).isDirectory())
      for (const f of fg.sync('**/SKILL.md', { cwd: abs, absolute: true, dot: true, ignore: ['**/node_modules/**', '**/.git/**'] }))
        files.add(f);
    else files.add(abs);
  }
  return [...files].sort().map(validateFile);
}

/** One file's report; a file that cannot be read or parsed is a not-loadable error, never the end of the run. */
function validateFile(path: string): ValidationReport {
  let outcome: ReturnType<typeof parseSkillText>;
  try {
    outcome = parseSkillText(readFileSync(path, 'utf8'), path, { path: dirname(dirname(path)), label: 'validate' });
  } catch (err) {
    outcome = { problem: { path, reason: `cannot read: ${errorMessage(err)}` } };
  }
  if ('problem' in outcome) {
    return { path, name: null, loaded: false, findings: [{ severity: 'error', rule: 'not-loadable', message: outcome.problem.reason }] };
  }
  return { path, name: outcome.skill.name, loaded: true, findings: outcome.skill.findings };
}
