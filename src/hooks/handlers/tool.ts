import { currentTurn, ensureSession } from '../../ledger/sessions.js';
import { adoptMcpInvocation, recordInvocation } from '../../ledger/skill-invocations.js';
import { recordToolCall } from '../../ledger/turns.js';
import type { HookContext, HookOutput, HookPayload } from '../types.js';

const MCP_SKILL_LOAD = /^mcp__(.+)__skill_load$/;

/** PostToolUse and PostToolUseFailure: the call (the ledger summarises, redacts and bounds it); skill uses from either path. */
export function onToolUse(ok: boolean) {
  return (p: HookPayload, ctx: HookContext): HookOutput => {
    const sessionId = p.session_id as string;
    const toolName = String(p.tool_name ?? 'unknown');
    ensureSession(ctx.db, sessionId, ctx.now, { cwd: p.cwd, transcriptPath: p.transcript_path });
    const turnIndex = currentTurn(ctx.db, sessionId);
    const failed = !ok || looksFailed(p.tool_response);
    recordToolCall(ctx.db, {
      sessionId,
      turnIndex,
      toolUseId: p.tool_use_id,
      toolName,
      ok: !failed,
      inputSummary: p.tool_input,
      responseSummary: ok ? p.tool_response : (p.error ?? p.tool_response),
      durationMs: typeof p.duration_ms === 'number' ? p.duration_ms : undefined,
      at: ctx.now,
    });
    recordSkillUse(p, ctx, sessionId, turnIndex, toolName);
    return undefined;
  };
}

function recordSkillUse(p: HookPayload, ctx: HookContext, sessionId: string, turnIndex: number, toolName: string): void {
  const input = (p.tool_input ?? {}) as Record<string, unknown>;
  if (toolName === 'Skill') {
    const name = String(input.skill ?? input.name ?? input.command ?? '').replace(/^\//, '');
    if (name) recordInvocation(ctx.db, { skillName: name, source: 'skill-tool', at: ctx.now, sessionId, turnIndex, agentId: p.agent_id });
    return;
  }
  if (!MCP_SKILL_LOAD.test(toolName) || typeof input.name !== 'string') return;
  // kei-mcp already recorded this load without knowing the session: adopt that row instead of counting twice.
  const adopted = adoptMcpInvocation(ctx.db, { skillName: input.name, at: ctx.now, sessionId, turnIndex, agentId: p.agent_id });
  if (!adopted) recordInvocation(ctx.db, { skillName: input.name, source: 'mcp', at: ctx.now, sessionId, turnIndex, agentId: p.agent_id });
}

function looksFailed(response: unknown): boolean {
  if (!response || typeof response !== 'object') return false;
  const r = response as Record<string, unknown>;
  return r.is_error === true || r.isError === true || r.interrupted === true;
}
