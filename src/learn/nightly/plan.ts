import type { KeiConfig } from '../../core/config.js';
import type { Db } from '../../core/db.js';
import type { LearnContext } from '../context.js';
import type { Skill } from '../../skills/types.js';
import { loadEvidence, type TrajectoryEvidence } from '../evidence.js';
import { SimilarityIndex, fingerprintOf, type Similar } from '../fingerprint.js';
import { NO_USE, skillMetrics, type SkillMetrics } from './metrics.js';

export type NightlyConfig = KeiConfig['nightly'];

/** A skill the cycle may manage: one it extracted, or (opted in) one in the kit's own folder. */
export interface ManagedSkill {
  name: string;
  folder: string;
  auto: boolean;
  createdAt: number;
  stability?: string;
}

export interface Plan {
  extract: { evidence: TrajectoryEvidence; fingerprint: string[] }[];
  duplicates: { trajectory: string; similar: Similar }[];
  reextract: { skill: ManagedSkill; metrics: SkillMetrics }[];
  archive: { skill: ManagedSkill; lastUse?: number }[];
  validate: { skill: ManagedSkill; metrics: SkillMetrics }[];
  skipped: { subject: string; reason: string }[];
  /** Work the caps pushed to the next night. */
  deferred: { subject: string; reason: string }[];
}

export interface PlanInput {
  db: Db;
  now: number;
  config: NightlyConfig;
  skills: Skill[];
  keiSkillsDir: string;
  /** Cap for this cycle (the config's, or `--max`). */
  maxChanges: number;
}

const DAY = 86_400_000;

/** The plan's inputs for this kit: its ledger, clock, nightly config, visible skills and own skills folder. */
export function planInputFor(
  kit: Pick<LearnContext, 'clock' | 'config' | 'db' | 'paths' | 'skills'>,
  maxChanges = kit.config.nightly.maxChangesPerCycle,
): PlanInput {
  return {
    db: kit.db,
    now: kit.clock.now(),
    config: kit.config.nightly,
    skills: kit.skills.registry.all(),
    keiSkillsDir: kit.paths.skills,
    maxChanges,
  };
}

/** Decides the whole cycle from the ledger and the skills on disk; reads only, so `--dry-run` shows exactly this. */
export function planNightly(input: PlanInput): Plan {
  const plan: Plan = { extract: [], duplicates: [], reextract: [], archive: [], validate: [], skipped: [], deferred: [] };
  const managed = managedSkills(input);
  planSkillRules(input, managed, plan);
  planExtractions(input, managed, plan);
  return plan;
}

export function managedSkills(input: PlanInput): ManagedSkill[] {
  const learned = input.db.prepare("SELECT name, folder, created_at FROM learned_skills WHERE status = 'active'").all() as {
    name: string;
    folder: string;
    created_at: number;
  }[];
  const byName = new Map(input.skills.map((s) => [s.name, s]));
  const out: ManagedSkill[] = learned
    .filter((l) => byName.get(l.name)?.folder === l.folder)
    .map((l) => ({
      name: l.name,
      folder: l.folder,
      auto: true,
      createdAt: l.created_at,
      stability: byName.get(l.name)?.metadata.stability,
    }));
  if (!input.config.manageUserSkills) return out;
  const auto = new Set(out.map((s) => s.name));
  for (const s of input.skills) {
    if (auto.has(s.name) || !s.folder.startsWith(`${input.keiSkillsDir}/`)) continue;
    out.push({
      name: s.name,
      folder: s.folder,
      auto: false,
      createdAt: firstVersionAt(input.db, s.folder) ?? s.mtimeMs,
      stability: s.metadata.stability,
    });
  }
  return out;
}

/** When the kit first recorded the skill (its clock), which survives copies that reset the file time. */
function firstVersionAt(db: Db, folder: string): number | undefined {
  return (
    (db.prepare('SELECT min(created_at) AS at FROM skill_versions WHERE folder = ?').get(folder) as { at: number | null }).at ?? undefined
  );
}

function planSkillRules(input: PlanInput, managed: ManagedSkill[], plan: Plan): void {
  const { config, now } = input;
  const metrics = skillMetrics(input.db, now, config.windowDays);
  let changes = 0;
  for (const skill of managed) {
    const m = metrics.get(skill.name) ?? NO_USE;
    if (m.uses === 0) {
      if (now - skill.createdAt >= config.windowDays * DAY) plan.archive.push({ skill, lastUse: lastUseEver(input.db, skill.name) });
      continue;
    }
    if (m.rate !== undefined && m.rate < 0.6 && m.uses > 5) {
      if (changes < input.maxChanges) {
        plan.reextract.push({ skill, metrics: m });
        changes++;
      } else
        plan.deferred.push({ subject: skill.name, reason: `re-extraction: the cap of ${input.maxChanges} changes per cycle is reached` });
    } else if (m.rate !== undefined && m.rate > 0.9 && m.uses > 20 && skill.stability !== 'validated')
      plan.validate.push({ skill, metrics: m });
  }
}

function lastUseEver(db: Db, skill: string): number | undefined {
  return (
    (db.prepare('SELECT max(ts) AS last FROM skill_invocations WHERE skill_name = ?').get(skill) as { last: number | null }).last ??
    undefined
  );
}

function planExtractions(input: PlanInput, managed: ManagedSkill[], plan: Plan): void {
  const { db, config } = input;
  const index = similarityIndex(input);
  let room = input.maxChanges - plan.reextract.length;
  let active = managed.filter((s) => s.auto).length - plan.archive.filter((a) => a.skill.auto).length;
  const candidates = extractionCandidates(input);
  let left = 0;
  for (const { id } of candidates) {
    const evidence = loadEvidence(db, id);
    if (!evidence) continue;
    const fingerprint = fingerprintOf(evidence);
    const similar = index.best(fingerprint);
    if (similar && similar.score >= config.similarity) {
      plan.duplicates.push({ trajectory: id, similar });
      continue;
    }
    if (room <= 0 || active >= config.maxAutoSkills) {
      left++;
      continue;
    }
    index.addTrajectorySkill(`(planned from ${id})`, fingerprint);
    plan.extract.push({ evidence, fingerprint });
    room--;
    active++;
  }
  if (left === 0) return;
  const why =
    room <= 0
      ? `the cap of ${input.maxChanges} changes per cycle is reached`
      : `${config.maxAutoSkills} auto-extracted skills are active (nightly.maxAutoSkills)`;
  plan.deferred.push({ subject: `${left} trajectories`, reason: `extraction: ${why}` });
}

/** Completed, unprocessed, big enough; a session still going (seen within the hour, not ended) waits for a later night. */
function extractionCandidates(input: PlanInput): { id: string }[] {
  const { db, config } = input;
  return db
    .prepare(
      `SELECT t.id FROM trajectories t LEFT JOIN sessions s ON s.id = t.session_id
    WHERE t.completed = 1 AND t.processed_at IS NULL AND t.tool_call_count >= ? AND t.last_turn - t.first_turn + 1 >= ?
      AND (s.id IS NULL OR s.ended_at IS NOT NULL OR coalesce(s.last_seen_at, s.started_at) < ?)
    ORDER BY t.created_at, t.id`,
    )
    .all(config.minToolCalls, config.minTurns, input.now - 3_600_000) as { id: string }[];
}

export function similarityIndex(input: PlanInput): SimilarityIndex {
  const index = new SimilarityIndex();
  const learned = input.db.prepare('SELECT name, fingerprint FROM learned_skills').all() as { name: string; fingerprint: string }[];
  const learnedNames = new Set(learned.map((l) => l.name));
  for (const l of learned) index.addTrajectorySkill(l.name, JSON.parse(l.fingerprint) as string[]);
  for (const s of input.skills)
    if (!learnedNames.has(s.name)) index.addDescribedSkill(s.name, `${s.name.replace(/-/g, ' ')} ${s.description}`);
  return index;
}
