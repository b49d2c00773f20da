import { KeiError, errorMessage } from '../core/errors.js';
import type { LearnContext } from './context.js';
import { extractorReply } from './contracts.js';
import { renderEvidence, type TrajectoryEvidence } from './evidence.js';
import { EXTRACTOR_SYSTEM, extractionPrompt } from './extract-prompt.js';
import type { Invoker } from './invoker/invoker.js';
import { offlineSkillMd } from './offline-extractor.js';
import { personalScrubber, scrubEvidence, scrubProposed } from './personal.js';
import { parseProposedSkill, type ProposedSkill } from './skill-text.js';

export interface ExtractOutcome {
  skill: string;
  path: string;
  extractor: string;
  /** Why the offline extractor was used although a model was configured. */
  note?: string;
}

/**
 * Trajectory → SKILL.md (the model's, or the offline draft) → validated, guarded, atomic write
 * under KEI_HOME/skills/<category>/<name> with provenance in metadata → recorded in the ledger.
 */
export async function extractSkill(
  kit: Pick<LearnContext, 'clock' | 'db' | 'skills'>,
  invoker: Invoker,
  ev: TrajectoryEvidence,
  fingerprint: string[],
  signal?: AbortSignal,
): Promise<ExtractOutcome> {
  // Neither extractor sees the user's personal facts, names, home paths, hosts or secrets, and whatever either
  // proposes is scrubbed the same way before it is written: a skill is shared knowledge, not a diary.
  const scrubber = personalScrubber(ev);
  const offered = await propose(invoker, scrubEvidence(ev, scrubber), signal);
  const { extractor, note } = offered;
  const proposed = scrubProposed(offered.proposed, scrubber);
  const name = freeName(kit, proposed.name);
  const now = kit.clock.now();
  const metadata = {
    ...proposed.metadata,
    source_trajectory: ev.id,
    source_session: ev.sessionId,
    extractor,
    created: new Date(now).toISOString(),
    stability: 'draft',
  };
  const { skill } = kit.skills.writer.create({
    name,
    description: proposed.description,
    body: proposed.body,
    category: proposed.category,
    metadata,
    source: 'nightly:extract',
  });
  kit.db
    .prepare(
      'INSERT INTO learned_skills (name, folder, category, source_trajectory, fingerprint, extractor, ' +
        'created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)\n    ON CONFLICT(name) DO UPDATE SET folder ' +
        "= excluded.folder, status = 'active', fingerprint = excluded.fingerprint, updated_at = " +
        'excluded.updated_at',
    )
    .run(name, skill.folder, proposed.category, ev.id, JSON.stringify(fingerprint), extractor, now, now);
  markProcessed(kit, ev.id, `extracted ${name}`);
  return { skill: name, path: skill.path, extractor, note };
}

export function markProcessed(kit: Pick<LearnContext, 'clock' | 'db' | 'skills'>, trajectoryId: string, note: string): void {
  kit.db.prepare('UPDATE trajectories SET processed_at = ?, processed_note = ? WHERE id = ?').run(kit.clock.now(), note, trajectoryId);
}

async function propose(
  invoker: Invoker,
  ev: TrajectoryEvidence,
  signal?: AbortSignal,
): Promise<{ proposed: ProposedSkill; extractor: string; note?: string }> {
  if (!invoker.available) return { proposed: parseProposedSkill(offlineSkillMd(ev)), extractor: 'offline', note: invoker.reason };
  try {
    const reply = await invoker.ask({
      purpose: 'extract',
      system: EXTRACTOR_SYSTEM,
      prompt: extractionPrompt(renderEvidence(ev)),
      schema: extractorReply,
      signal,
    });
    return { proposed: parseProposedSkill(reply.skill_md), extractor: invoker.backendName ?? 'model' };
  } catch (err) {
    if (signal?.aborted) throw err;
    const why = err instanceof KeiError ? err.message : errorMessage(err);
    return { proposed: parseProposedSkill(offlineSkillMd(ev)), extractor: 'offline', note: `model not used: ${why}` };
  }
}

function freeName(kit: Pick<LearnContext, 'clock' | 'db' | 'skills'>, wanted: string): string {
  if (!kit.skills.registry.get(wanted)) return wanted;
  for (let i = 2; i < 100; i++) {
    const candidate = `${wanted.slice(0, 60)}-${i}`;
    if (!kit.skills.registry.get(candidate)) return candidate;
  }
  throw new KeiError('skill_exists', `skills named ${wanted} … ${wanted}-99 already exist`);
}
