import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import type { SkillRoot } from './parse.js';

export interface RootOptions {
  projectRoot: string;
  keiHome: string;
  home?: string;
  /** Replaces the default list when given (config `skills.roots`). */
  roots?: readonly string[];
  /** Added after the defaults (config `skills.extraRoots`). */
  extraRoots?: readonly string[];
}

/** Skill roots in precedence order: the project's over the user's; KeiSeiKit's own first among the user's. */
export function skillRoots(options: RootOptions): SkillRoot[] {
  if (options.roots && options.roots.length > 0)
    return options.roots.map((p, i) => ({ path: resolve(options.projectRoot, p), label: `configured-${i + 1}` }));
  const home = options.home ?? homedir();
  const roots: SkillRoot[] = [
    { path: join(options.projectRoot, '.claude', 'skills'), label: 'project-claude' },
    { path: join(options.projectRoot, '.agents', 'skills'), label: 'project-agents' },
    { path: join(options.projectRoot, '.keiseikit', 'skills'), label: 'project-kei' },
    { path: join(options.keiHome, 'skills'), label: 'kei' },
    { path: join(home, '.claude', 'skills'), label: 'claude-user' },
    { path: join(home, '.agents', 'skills'), label: 'agents-user' },
    { path: join(home, '.codex', 'skills'), label: 'codex-user' },
    { path: join(home, '.hermes', 'skills'), label: 'hermes-user' },
  ];
  for (const [i, p] of (options.extraRoots ?? []).entries()) roots.push({ path: resolve(options.projectRoot, p), label: `extra-${i + 1}` });
  return dedupeRoots(roots);
}

function dedupeRoots(roots: SkillRoot[]): SkillRoot[] {
  const seen = new Set<string>();
  return roots.filter((r) => (seen.has(r.path) ? false : (seen.add(r.path), true)));
}
