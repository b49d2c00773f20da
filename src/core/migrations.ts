import { memoriesSql as memories } from './schema/memory.js';
import {
  guardEventsSql as guardEvents,
  guardEventsExcerptSql as guardEventsExcerpt,
  guardEventsJudgeSql as guardEventsJudge,
} from './schema/guard-events.js';
import { ledgerSql as ledger, sessionAgentVersionSql as sessionAgentVersion } from './schema/ledger.js';
import { skillVersionsSql as skillVersions } from './schema/skill-versions.js';
import { sandboxesSql as sandboxes } from './schema/sandboxes.js';
import { jobsSql as jobs } from './schema/jobs.js';
import { tapsSql as taps } from './schema/taps.js';
import { learnSql as learn } from './schema/learn.js';
import { memoryVersionSql as memoryVersion } from './schema/memory-version.js';
import { memoryContextSql as memoryContext } from './schema/memory-context.js';
import { memoryTeamScopeSql as memoryTeamScope } from './schema/memory-team-scope.js';
import { teamSkillsSql as teamSkills, teamSql as team } from './schema/team.js';

/** One ordered list for the whole database; each entry runs once, inside the migration transaction. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'memories', sql: memories },
  { version: 2, name: 'guard-events', sql: guardEvents },
  { version: 3, name: 'ledger', sql: ledger },
  { version: 4, name: 'skill-versions', sql: skillVersions },
  { version: 5, name: 'sandboxes', sql: sandboxes },
  { version: 6, name: 'jobs', sql: jobs },
  { version: 7, name: 'taps', sql: taps },
  { version: 8, name: 'learn', sql: learn },
  { version: 9, name: 'memory-version', sql: memoryVersion },
  { version: 10, name: 'memory-context', sql: memoryContext },
  { version: 11, name: 'session-agent-version', sql: sessionAgentVersion },
  { version: 12, name: 'memory-team-scope', sql: memoryTeamScope },
  { version: 13, name: 'team', sql: team },
  { version: 14, name: 'guard-events-judge', sql: guardEventsJudge },
  { version: 15, name: 'team-skills', sql: teamSkills },
  { version: 16, name: 'guard-events-excerpt', sql: guardEventsExcerpt },
];
