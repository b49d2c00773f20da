import { basename } from 'node:path';
import { KeiError } from '../../core/errors.js';
import type { Kit } from '../../kit.js';
import { archivedFolders, archiveSkill, unarchiveSkill } from '../../learn/archive.js';
import { skillUsage, skillUsesByDay } from '../../ledger/dashboard.js';
import { latestInvocation, recordInvocation, setInvocationOutcome } from '../../ledger/skill-invocations.js';
import type { Skill } from '../../skills/index.js';
import { SkillVersions } from '../../skills/versions.js';
import type { Route } from '../router.js';

const SOURCE = 'ui';
const DAY = 86_400_000;

function skillOf(kit: Kit, name: string): Skill {
  const skill = kit.skills.registry.get(name);
  if (!skill) throw new KeiError('skill_not_found', `no skill named "${name}"`, { field: 'name' });
  return skill;
}

/** Where a skill came from: the session the nightly cycle extracted it from, when it was. */
const provenance = (s: Skill) => ({
  session: s.metadata.source_session ?? null,
  trajectory: s.metadata.source_trajectory ?? null,
  extractor: s.metadata.extractor ?? null,
  created: s.metadata.created ?? null,
  root: s.rootLabel,
});

/** Skills: stability, uses and success rate, provenance, versions with revert, archive and unarchive, feedback. */
export function skillRoutes(kit: Kit): Route[] {
  return [
    { method: 'GET', path: '/api/skills', handler: () => listSkills(kit) },
    { method: 'GET', path: '/api/skills/:name', handler: ({ params }) => skillDetail(kit, params.name) },
    {
      method: 'POST',
      path: '/api/skills/:name/revert',
      handler: ({ params, body }) => kit.skills.writer.revert(skillOf(kit, params.name).name, Number(body.version), SOURCE),
    },
    { method: 'POST', path: '/api/skills/:name/archive', handler: ({ params }) => ({ archivedTo: archiveSkill(kit, params.name) }) },
    { method: 'POST', path: '/api/skills/:name/unarchive', handler: ({ params }) => ({ restoredTo: unarchiveSkill(kit, params.name) }) },
    {
      method: 'POST',
      path: '/api/skills/:name/feedback',
      handler: ({ params, body }) => {
        const name = skillOf(kit, params.name).name;
        const id = latestInvocation(kit.db, name)?.id ?? recordInvocation(kit.db, { skillName: name, source: 'mcp', at: kit.clock.now() });
        const note =
          typeof body.note === 'string' && body.note.trim() ? body.note.trim().slice(0, 1000) : body.success ? 'worked' : 'did not work';
        setInvocationOutcome(kit.db, id, body.success === true, `feedback (dashboard): ${note}`);
        return { invocation: id, success: body.success === true };
      },
    },
  ];
}

function listSkills(kit: Kit) {
  const usage = skillUsage(kit.db);
  const active = kit.skills.registry.all().map((s) => ({
    name: s.name,
    description: s.description,
    category: s.category ?? null,
    stability: s.metadata.stability ?? null,
    root: s.rootLabel,
    usage: usage.get(s.name) ?? null,
    provenance: provenance(s),
    archived: false,
  }));
  const archived = archivedFolders(kit.paths.archive).map((folder) => ({
    name: basename(folder),
    stability: 'archived',
    usage: usage.get(basename(folder)) ?? null,
    archived: true,
  }));
  return { skills: active, archived };
}

function skillDetail(kit: Kit, name: string) {
  const s = skillOf(kit, name);
  const versions = new SkillVersions(kit.db)
    .list(s.folder)
    .map((v) => ({ version: v.version, file: v.file, action: v.action, source: v.source, at: v.created_at, content: v.content }));
  return {
    name: s.name,
    description: s.description,
    category: s.category ?? null,
    stability: s.metadata.stability ?? null,
    metadata: s.metadata,
    body: s.body,
    files: kit.skills.registry.filesOf(s),
    folder: s.folder,
    findings: s.findings,
    provenance: provenance(s),
    usage: skillUsage(kit.db).get(s.name) ?? null,
    usesByDay: skillUsesByDay(kit.db, kit.clock.now() - 30 * DAY, s.name),
    versions,
    archivable: s.folder.startsWith(kit.paths.skills) && !s.folder.startsWith(kit.paths.archive),
  };
}
