import type { GateContext } from '../gate/guard-gate.js';
import type { Logger } from '../core/log.js';
import { SkillRegistry } from './registry.js';
import { skillRoots, type RootOptions } from './roots.js';
import { SkillWriter } from './writer.js';

export interface Skills {
  registry: SkillRegistry;
  writer: SkillWriter;
}

/** Opens the skills of this project and user: registry loaded, writer ready. */
export function openSkills(gate: GateContext, log: Logger, roots: RootOptions): Skills {
  const registry = new SkillRegistry(skillRoots(roots), log).load();
  const writer = new SkillWriter(gate, registry, `${roots.keiHome}/skills`);
  return { registry, writer };
}

export { SkillRegistry } from './registry.js';
export type { Skill, SkillFinding, SkillProblem } from './types.js';
