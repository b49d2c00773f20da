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
export function skillRoots(o: RootOptions): SkillRoot[] {
  if (o.roots && o.roots.length > 0) return o.roots.map((p, i) => ({ path: resolve(o.projectRoot, p), label: `configured-${i + 1}` }));
  const home = o.home ?? homedir();
  const roots: SkillRoot[] = [
    { path: join(o.projectRoot, '.claude', 'skills'), label: 'project-claude' },
    { path: join(o.projectRoot, '.agents', 'skills'), label: 'project-agents' },
    { path: join(o.projectRoot, '.keiseikit', 'skills'), label: 'project-kei' },
    { path: join(o.keiHome, 'skills'), label: 'kei' },
    { path: join(home, '.claude', 'skills'), label: 'claude-user' },
    { path: join(home, '.agents', 'skills'), label: 'agents-user' },
    { path: join(home, '.codex', 'skills'), label: 'codex-user' },
    { path: join(home, '.hermes', 'skills'), label: 'hermes-user' },
  ];
  for (const [i, p] of (o.extraRoots ?? []).entries()) roots.push({ path: resolve(o.projectRoot, p), label: `extra-${i + 1}` });
  return dedupeRoots(roots);
}

function dedupeRoots(roots: SkillRoot[]): SkillRoot[] {
  const seen = new Set<string>();
  return roots.filter((r) => (seen.has(r.path) ? false : (seen.add(r.path), true)));
}
