import { projectKeyFor } from '../../core/project-key.js';
import { boundedId } from '../../ledger/bounds.js';
import { currentTurn, ensureSession } from '../../ledger/sessions.js';
import { recordInvocation } from '../../ledger/skill-invocations.js';
import { endTurn, refreshTrajectory, startTurn } from '../../ledger/turns.js';
import { relevantMemories } from '../../memory/prompt-memories.js';
import type { HookContext, HookOutput, HookPayload } from '../types.js';
import { pendingNotice, maybeStartReviewer } from '../review-trigger.js';

/** UserPromptSubmit: a new turn; maybe a few strongly relevant memories; news from the reviewer. */
export function onUserPromptSubmit(p: HookPayload, ctx: HookContext): HookOutput {
  const sessionId = p.session_id as string;
  ensureSession(ctx.db, sessionId, ctx.now, {
    cwd: p.cwd,
    projectKey: p.cwd ? projectKeyFor(p.cwd) : undefined,
    transcriptPath: p.transcript_path,
  });
  const prompt = typeof p.prompt === 'string' ? p.prompt : '';
  startTurn(ctx.db, sessionId, prompt, ctx.now);
  const out: Record<string, unknown> = {};
  const context =
    ctx.config.promptContextChars > 0 && p.cwd ? relevantMemories(ctx.db, prompt, projectKeyFor(p.cwd), ctx.config.promptContextChars) : '';
  if (context) out.hookSpecificOutput = { hookEventName: 'UserPromptSubmit', additionalContext: context };
  const notice = pendingNotice(ctx, sessionId);
  if (notice) out.systemMessage = notice;
  return Object.keys(out).length > 0 ? out : undefined;
}

/** UserPromptExpansion: a typed /skill runs no Skill tool, so this is where its use is recorded. */
export function onUserPromptExpansion(p: HookPayload, ctx: HookContext): HookOutput {
  const sessionId = p.session_id as string;
  const name = String(p.command_name ?? '').replace(/^\//, '');
  if (!name || (p.expansion_type !== undefined && p.expansion_type !== 'slash_command')) return undefined;
  ensureSession(ctx.db, sessionId, ctx.now, { cwd: p.cwd, transcriptPath: p.transcript_path });
  recordInvocation(ctx.db, {
    skillName: name,
    source: 'slash-command',
    at: ctx.now,
    sessionId,
    turnIndex: currentTurn(ctx.db, sessionId) + 1,
    agentId: p.agent_id,
  });
  return undefined;
}

/** Stop: the turn ended normally; refresh the trajectory; every N turns, the reviewer. */
export function onStop(p: HookPayload, ctx: HookContext): HookOutput {
  const sessionId = p.session_id as string;
  ensureSession(ctx.db, sessionId, ctx.now, { cwd: p.cwd, transcriptPath: p.transcript_path });
  const turn = currentTurn(ctx.db, sessionId);
  endTurn(ctx.db, sessionId, turn, ctx.now);
  refreshTrajectory(ctx.db, sessionId, true, 'stopped', ctx.now);
  // The reviewer reads the session's row, which holds the id as the ledger bounded it.
  maybeStartReviewer(ctx, boundedId(sessionId), turn);
  const notice = pendingNotice(ctx, sessionId);
  return notice ? { systemMessage: notice } : undefined;
}

/** PreCompact: nothing is lost from the ledger by compaction; note when it happened. */
export function onPreCompact(p: HookPayload, ctx: HookContext): HookOutput {
  ensureSession(ctx.db, p.session_id as string, ctx.now, { cwd: p.cwd, transcriptPath: p.transcript_path });
  ctx.log.info('session compacted', { session: p.session_id, trigger: p.trigger });
  return undefined;
}
