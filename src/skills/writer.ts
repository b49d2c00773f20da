import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { writeFileAtomic } from '../core/atomic-write.js';
import { KeiError, errorMessage } from '../core/errors.js';
import { scanText } from '../guard/index.js';
import { guardWrite, type GateContext } from '../gate/guard-gate.js';
import { renderFrontmatter } from './frontmatter.js';
import { parseSkillText } from './parse.js';
import { fuzzyReplace } from './patch/apply.js';
import type { SkillRegistry } from './registry.js';
import { resolveInside } from '../core/safe-path.js';
import type { Skill } from './types.js';
import { SkillVersions } from './versions.js';
import { frontmatterOf, type CreateSkillInput, type PatchInput } from './writer-inputs.js';

export type { CreateSkillInput, PatchInput } from './writer-inputs.js';

const MAX_FILE_BYTES = 1024 * 1024;
const CATEGORY = /^[a-z0-9][a-z0-9-]{0,40}$/;

/** Every change to a skill on disk: validated, guarded on the `skill` surface, atomic and versioned. */
export class SkillWriter {
  readonly versions: SkillVersions;

  constructor(
    private readonly gate: GateContext,
    private readonly registry: SkillRegistry,
    private readonly keiSkillsDir: string,
  ) {
    this.versions = new SkillVersions(gate.db);
  }

  create(input: CreateSkillInput): { skill: Skill; version: number } {
    const category = input.category ?? 'general';
    if (!CATEGORY.test(category))
      throw new KeiError('invalid_category', `category "${category}" must be lowercase letters, digits and hyphens`, { field: 'category' });
    const existing = this.registry.get(input.name);
    if (existing)
      throw new KeiError('skill_exists', `a skill named "${input.name}" already exists at ${existing.path}; patch it instead`, {
        field: 'name',
      });
    const folder = join(this.keiSkillsDir, category, input.name);
    const text = `---\n${renderFrontmatter(frontmatterOf(input))}\n---\n\n${input.body.trim()}\n`;
    this.checkSkillText(text, folder, true);
    guardWrite(this.gate, text, 'skill', input.source ?? 'skill_create');
    this.write(join(folder, 'SKILL.md'), text, folder);
    const version = this.versions.record({
      skill: input.name,
      folder,
      file: 'SKILL.md',
      before: null,
      after: text,
      action: 'create',
      source: input.source ?? 'skill_create',
      at: this.gate.clock.now(),
    });
    return { skill: this.reloaded(input.name, folder), version };
  }

  patch(input: PatchInput): { skill: Skill; strategy: string; replacements: number; version: number } {
    const skill = this.require(input.name);
    const file = input.file ?? 'SKILL.md';
    const path = resolveInside(skill.folder, file);
    if (!existsSync(path)) throw new KeiError('file_not_found', `${file} does not exist in skill ${skill.name}`, { field: 'file' });
    const before = readFileSync(path, 'utf8');
    const result = fuzzyReplace(before, input.old, input.new, input.replaceAll);
    const relFile = relative(skill.folder, path);
    if (relFile === 'SKILL.md') this.checkSkillText(result.content, skill.folder, false, before);
    this.guardChange(before, result.content, input.new, input.source ?? 'skill_patch');
    this.write(path, result.content, skill.folder, skill);
    const version = this.versions.record({
      skill: skill.name,
      folder: skill.folder,
      file: relFile,
      before,
      after: result.content,
      action: `patch:${result.strategy}`,
      source: input.source ?? 'skill_patch',
      at: this.gate.clock.now(),
    });
    return { skill: this.reloaded(skill.name, skill.folder), strategy: result.strategy, replacements: result.replacements, version };
  }

  writeFile(name: string, file: string, content: string, source = 'skill_write_file'): { path: string; version: number } {
    const skill = this.require(name);
    const path = resolveInside(skill.folder, file);
    if (Buffer.byteLength(content) > MAX_FILE_BYTES)
      throw new KeiError('file_too_large', `content is over ${MAX_FILE_BYTES} bytes`, { field: 'content' });
    const relFile = relative(skill.folder, path);
    const before = existsSync(path) ? readFileSync(path, 'utf8') : null;
    if (relFile === 'SKILL.md') this.checkSkillText(content, skill.folder, false, before ?? undefined);
    this.guardChange(before ?? '', content, content, source);
    this.write(path, content, skill.folder, skill);
    const version = this.versions.record({
      skill: skill.name,
      folder: skill.folder,
      file: relFile,
      before,
      after: content,
      action: before === null ? 'add-file' : 'write-file',
      source,
      at: this.gate.clock.now(),
    });
    this.registry.refresh(skill.folder);
    return { path, version };
  }

  removeFile(name: string, file: string, source = 'skill_remove_file'): { version: number } {
    const skill = this.require(name);
    const path = resolveInside(skill.folder, file);
    const relFile = relative(skill.folder, path);
    if (relFile === 'SKILL.md')
      throw new KeiError('cannot_remove_skill_md', 'SKILL.md cannot be removed this way; it is the skill itself', { field: 'file' });
    if (!existsSync(path)) throw new KeiError('file_not_found', `${file} does not exist in skill ${skill.name}`, { field: 'file' });
    const before = readFileSync(path, 'utf8');
    rmSync(path);
    const version = this.versions.record({
      skill: skill.name,
      folder: skill.folder,
      file: relFile,
      before,
      after: null,
      action: 'remove-file',
      source,
      at: this.gate.clock.now(),
    });
    this.registry.refresh(skill.folder);
    return { version };
  }

  /** Restores every tracked file to version `to` (default: the one before the latest); itself a new version. */
  revert(name: string, to?: number, source = 'revert'): { version: number; restored: number } {
    const skill = this.require(name);
    const latest = this.versions.latest(skill.folder);
    if (latest === 0) throw new KeiError('no_versions', `skill ${name} has no recorded versions`);
    const target = to ?? latest - 1;
    if (!Number.isInteger(target) || target < 1 || target > latest)
      throw new KeiError('invalid_version', `version must be between 1 and ${latest} (got ${to ?? target})`, { field: 'to' });
    let version = latest;
    let restored = 0;
    for (const [file, content] of this.versions.stateAt(skill.folder, target)) {
      const path = join(skill.folder, file);
      const current = existsSync(path) ? readFileSync(path, 'utf8') : null;
      if (current === content) continue;
      if (content === null) rmSync(path, { force: true });
      else this.write(path, content, skill.folder, skill);
      version = this.versions.record({
        skill: skill.name,
        folder: skill.folder,
        file,
        before: current,
        after: content,
        action: `revert-to:${target}`,
        source,
        at: this.gate.clock.now(),
      });
      restored++;
    }
    this.registry.refresh(skill.folder);
    return { version, restored };
  }

  private require(name: string): Skill {
    const skill = this.registry.get(name);
    if (!skill) throw new KeiError('skill_not_found', `no skill named "${name}"`, { field: 'name' });
    return skill;
  }

  /** A SKILL.md we write must parse, keep its description, and add no new spec errors. */
  private checkSkillText(text: string, folder: string, strict: boolean, before?: string): void {
    const outcome = parseSkillText(text, join(folder, 'SKILL.md'), { path: folder, label: 'write' });
    if ('problem' in outcome) throw new KeiError('skill_invalid', `the result would not load: ${outcome.problem.reason}`);
    const errors = outcome.skill.findings.filter((f) => f.severity === 'error');
    const old = before ? parseSkillText(before, join(folder, 'SKILL.md'), { path: folder, label: 'write' }) : undefined;
    const oldRules = new Set(old && 'skill' in old ? old.skill.findings.map((f) => f.rule) : []);
    const fresh = strict ? errors : errors.filter((f) => !oldRules.has(f.rule));
    if (fresh.length > 0)
      throw new KeiError('skill_invalid', `the result breaks the Agent Skills spec: ${fresh.map((f) => f.message).join('; ')}`);
  }

  /** Blocks when the new text itself is flagged, or when the file turns from allowed to blocked. */
  private guardChange(before: string, after: string, added: string, caller: string): void {
    guardWrite(this.gate, added, 'skill', caller);
    if (scanText(before, { surface: 'skill' }).verdict === 'allow') guardWrite(this.gate, after, 'skill', caller);
  }

  private write(path: string, text: string, folder: string, skill?: Skill): void {
    try {
      writeFileAtomic(path, text);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'EACCES' || code === 'EROFS' || code === 'EPERM') {
        throw new KeiError(
          'skill_read_only',
          `cannot write ${path}: ${skill ? `the ${skill.rootLabel} root (${skill.root})` : folder} is not writable here; nothing was copied elsewhere`,
        );
      }
      throw new KeiError('write_failed', `cannot write ${path}: ${errorMessage(err)}`);
    }
  }

  private reloaded(name: string, folder: string): Skill {
    this.registry.refresh(folder);
    return this.registry.get(name) as Skill;
  }
}
