import { KeiError } from '../core/errors.js';
import type { LearnContext } from './context.js';
import { latestSessionOf, sessionExists } from '../ledger/sessions.js';
import { refreshTrajectory, trajectoryIdOf } from '../ledger/turns.js';
import { loadEvidence } from './evidence.js';
import { extractSkill, type ExtractOutcome } from './extract.js';
import { fingerprintOf } from './fingerprint.js';
import type { Invoker } from './invoker/invoker.js';
import { managedSkills, planInputFor, similarityIndex } from './nightly/plan.js';

/** The session a request is about: the one given, else the most recently active one of this project. */
export function currentSession(
  kit: Pick<LearnContext, 'clock' | 'config' | 'db' | 'paths' | 'projectKey' | 'skills'>,
  sessionId?: string,
): string {
  if (sessionId) {
    if (!sessionExists(kit.db, sessionId))
      throw new KeiError('session_not_found', `no session "${sessionId}" in the ledger`, { field: 'session_id' });
    return sessionId;
  }
  const latest = latestSessionOf(kit.db, kit.projectKey);
  if (!latest)
    throw new KeiError(
      'session_not_found',
      `no recorded session for ${kit.projectKey}; are the KeiSeiKit hooks installed (kei-skills setup claude-code)?`,
      { field: 'session_id' },
    );
  return latest;
}

/**
 * Extracts a skill from a session now (the `skill_extract` tool and `kei-skills extract`): the same
 * pipeline as the nightly cycle, with its dedupe and its cap on auto-extracted skills; the
 * session need not be finished.
 */
export async function extractFromSession(
  kit: Pick<LearnContext, 'clock' | 'config' | 'db' | 'paths' | 'projectKey' | 'skills'>,
  invoker: Invoker,
  sessionId?: string,
  signal?: AbortSignal,
): Promise<ExtractOutcome> {
  const session = currentSession(kit, sessionId);
  const trajectory = trajectoryIdOf(session);
  const row = kit.db.prepare('SELECT completed, outcome FROM trajectories WHERE id = ?').get(trajectory) as
    { completed: number; outcome: string | null } | undefined;
  refreshTrajectory(kit.db, session, row?.completed === 1, row?.outcome ?? 'in progress', kit.clock.now());
  const evidence = loadEvidence(kit.db, trajectory);
  if (!evidence || !evidence.calls.some((c) => c.ok))
    throw new KeiError('nothing_to_extract', `session ${session} has no successful tool call recorded yet; a skill needs steps to follow`);
  const config = kit.config.nightly;
  const input = planInputFor(kit);
  const active = managedSkills(input).filter((s) => s.auto).length;
  if (active >= config.maxAutoSkills)
    throw new KeiError(
      'cap_reached',
      `${active} auto-extracted skills are active (nightly.maxAutoSkills = ${config.maxAutoSkills}); archive some first`,
    );
  const fingerprint = fingerprintOf(evidence);
  const similar = similarityIndex(input).best(fingerprint);
  if (similar && similar.score >= config.similarity) {
    throw new KeiError(
      'duplicate_skill',
      `not extracted: this session is ${Math.round(similar.score * 100)}% similar to the skill ${similar.skill} (` +
        `${similar.measure}); use or patch that one`,
      { skill: similar.skill },
    );
  }
  return extractSkill(kit, invoker, evidence, fingerprint, signal);
}
