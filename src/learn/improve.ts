import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { KeiError, errorMessage } from '../core/errors.js';
import type { LearnContext } from './context.js';
import { joinSkillFile, parseFrontmatter, splitSkillFile, updateFrontmatter } from '../skills/frontmatter.js';
import { extractorReply } from './contracts.js';
import { clip, loadEvidence, renderEvidence } from './evidence.js';
import { EXTRACTOR_SYSTEM, reextractionPrompt } from './extract-prompt.js';
import type { Invoker } from './invoker/invoker.js';
import { personalScrubber, scrubEvidence, scrubProposed } from './personal.js';
import { parseProposedSkill } from './skill-text.js';

/**
 * A new version of a failing skill, written from the failing trajectories (the model's rewrite, or
 * offline: the errors met appended as pitfalls). Versioned, so `kei-skills revert` undoes it.
 */
export async function reextractSkill(
  kit: Pick<LearnContext, 'clock' | 'db' | 'skills'>,
  invoker: Invoker,
  name: string,
  failing: string[],
  signal?: AbortSignal,
): Promise<{ version: number; extractor: string; note?: string }> {
  const skill = kit.skills.registry.get(name);
  if (!skill) throw new KeiError('skill_not_found', `no skill named "${name}"`);
  const current = readFileSync(skill.path, 'utf8');
  const raw = failing
    .slice(0, 3)
    .map((id) => loadEvidence(kit.db, id))
    .filter((e) => e !== undefined);
  // As for a new skill: neither the model nor the pitfalls written offline see what is personal in the sessions.
  const scrubber = personalScrubber({ prompts: raw.flatMap((e) => e.prompts), calls: raw.flatMap((e) => e.calls) });
  const evidence = raw.map((e) => scrubEvidence(e, scrubber));
  let text: string | undefined;
  let extractor = 'offline';
  let note: string | undefined;
  if (invoker.available && evidence.length > 0) {
    try {
      const reply = await invoker.ask({
        purpose: 'reextract',
        system: EXTRACTOR_SYSTEM,
        prompt: reextractionPrompt(
          current,
          evidence.map((e) => renderEvidence(e, 6000)),
        ),
        schema: extractorReply,
        signal,
      });
      const proposed = scrubProposed(parseProposedSkill(reply.skill_md), scrubber);
      text =
        `---\n${updateFrontmatter(splitSkillFile(current)?.rawFrontmatter ?? '', { description: proposed.description })}\n---\n` +
        `${proposed.body.startsWith('\n') ? '' : '\n'}${proposed.body}`;
      extractor = invoker.backendName ?? 'model';
    } catch (err) {
      if (signal?.aborted) throw err;
      note = `model not used: ${err instanceof KeiError ? err.message : errorMessage(err)}`;
    }
  } else note = evidence.length === 0 ? 'no failing trajectory in the ledger' : invoker.reason;
  text ??= withPitfalls(
    current,
    evidence.flatMap((e) =>
      e.calls
        .filter((c) => !c.ok)
        .map((c) => `\`${c.tool}\` failed in session ${e.sessionId}: ${clip(c.response.replace(/\s+/g, ' '), 160) || 'no output'}`),
    ),
  );
  const stamped = withMetadata(text, { extractor, reextracted: new Date(kit.clock.now()).toISOString(), stability: 'draft' });
  const { version } = kit.skills.writer.writeFile(name, 'SKILL.md', stamped, 'nightly:reextract');
  kit.db.prepare('UPDATE learned_skills SET updated_at = ? WHERE name = ?').run(kit.clock.now(), name);
  return { version, extractor, note };
}

/** Sets metadata keys in a SKILL.md, keeping every other key and the body byte for byte. */
export function withMetadata(text: string, changes: Record<string, string>): string {
  const parts = splitSkillFile(text);
  if (!parts) throw new KeiError('skill_invalid', 'the skill has no frontmatter');
  const metadata = parseFrontmatter(parts.rawFrontmatter).metadata;
  const merged = { ...(metadata && typeof metadata === 'object' ? (metadata as Record<string, unknown>) : {}), ...changes };
  return joinSkillFile({ ...parts, rawFrontmatter: updateFrontmatter(parts.rawFrontmatter, { metadata: merged }) });
}

function withPitfalls(text: string, lines: string[]): string {
  const items = (lines.length > 0 ? lines : ["Recent uses failed; check each step's result before going on."])
    .slice(0, 8)
    .map((l) => `- ${l}`)
    .join('\n');
  const heading = /^## Pitfalls[^\n]*\n/m.exec(text);
  if (!heading) return `${text.trimEnd()}\n\n## Pitfalls\n\n${items}\n`;
  const at = heading.index + heading[0].length;
  return `${text.slice(0, at)}\n${items}\n${text.slice(at)}`;
}

/** Marks a skill `stability: validated` in its metadata (a versioned write). */
export function validateSkill(kit: Pick<LearnContext, 'clock' | 'db' | 'skills'>, name: string): number {
  const skill = kit.skills.registry.get(name);
  if (!skill) throw new KeiError('skill_not_found', `no skill named "${name}"`);
  const text = withMetadata(readFileSync(join(skill.folder, 'SKILL.md'), 'utf8'), { stability: 'validated' });
  return kit.skills.writer.writeFile(name, 'SKILL.md', text, 'nightly:validate').version;
}
