import type { HookOutput } from '../types.js';
import { contextOutput, text, type AgentAdapter, type CanonicalEvent } from './agent.js';
import { canonicalToolName } from './tool-names.js';

/**
 * Codex CLI (`~/.codex/hooks.json`, hooks on by default since the `hooks` feature became stable): Claude Code's
 * event names and snake_case payloads plus `turn_id`; tool names `Bash`, `apply_patch`, `mcp__<server>__<tool>`.
 * SessionStart and UserPromptSubmit take `hookSpecificOutput.additionalContext`; every answer is checked against a
 * schema that refuses unknown fields, so only documented ones are returned.
 */
const EVENTS = ['SessionStart', 'UserPromptSubmit', 'PostToolUse', 'Stop', 'PreCompact'] as const;
const CONTEXT_EVENTS = new Set(['SessionStart', 'UserPromptSubmit']);

export const codexAdapter: AgentAdapter = {
  name: 'codex',
  events: EVENTS,
  toCanonical(event, payload): CanonicalEvent | undefined {
    if (!(EVENTS as readonly string[]).includes(event)) return undefined;
    if (event !== 'PostToolUse') return { event, payload };
    const failed = commandFailed(payload.tool_response);
    return {
      event: failed ? 'PostToolUseFailure' : 'PostToolUse',
      payload: { ...payload, tool_name: canonicalToolName('codex', payload.tool_name), ...(failed ? { error: payload.tool_response } : {}) },
    };
  },
  toAgentOutput(event, out): HookOutput {
    if (!out) return undefined;
    const answer: Record<string, unknown> = { ...(CONTEXT_EVENTS.has(event) ? contextOutput(event, out) : {}) };
    const message = text(out.systemMessage);
    if (message) answer.systemMessage = message;
    return Object.keys(answer).length > 0 ? answer : undefined;
  },
  versionOf: () => undefined,
};

/** A shell call that exited non-zero: Codex reports `exit_code` in an object, or `Exit code: N` at the head of the text. */
function commandFailed(response: unknown): boolean {
  if (typeof response === 'string') return /^Exit code: (?!0\b)\d+/m.test(response.slice(0, 200));
  if (!response || typeof response !== 'object') return false;
  const r = response as Record<string, unknown>;
  const code = r.exit_code ?? r.exitCode;
  return (typeof code === 'number' && code !== 0) || r.success === false || r.is_error === true;
}
