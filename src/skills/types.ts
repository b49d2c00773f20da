export type FindingSeverity = 'error' | 'warning';

export interface SkillFinding {
  severity: FindingSeverity;
  rule: string;
  message: string;
}

/** Fields the Agent Skills specification defines; anything else is kept as-is in `extra`. */
export const SPEC_FIELDS = ['name', 'description', 'license', 'compatibility', 'metadata', 'allowed-tools'] as const;

export interface Skill {
  name: string;
  description: string;
  license?: string;
  compatibility?: string;
  metadata: Record<string, string>;
  allowedTools?: string | string[];
  /** Frontmatter fields outside the spec, preserved as parsed. */
  extra: Record<string, unknown>;
  body: string;
  /** Absolute folder of the skill and its SKILL.md. */
  folder: string;
  path: string;
  /** The root it was found under, and that root's label (project, kei, claude-user, …). */
  root: string;
  rootLabel: string;
  /** `<category>` for `<root>/<category>/<name>/SKILL.md` layouts, else undefined. */
  category?: string;
  /** Supporting files, relative to the folder. */
  files: string[];
  findings: SkillFinding[];
  mtimeMs: number;
}

export interface SkillProblem {
  path: string;
  reason: string;
}
