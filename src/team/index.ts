export type { TeamContext } from './context.js';
export { joinTeam, leaveTeam, isJoined, type JoinOptions, type JoinResult } from './membership.js';
export { openTeamSession, syncTeam, type SyncReport } from './sync.js';
export { teamStatus, type TeamStatus } from './status.js';
export { normaliseRemoteUrl, projectIdentity } from './identity.js';
export { shareSkill, unshareSkill } from './skills-share.js';
export { teamSkillCounts } from './skill-state.js';
