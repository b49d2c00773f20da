import type { HookOutput } from '../types.js';
import { contextOutput, text, type AgentAdapter, type CanonicalEvent } from './agent.js';
import { canonicalToolName } from './tool-names.js';

/**
 * Gemini CLI (`hooks` in `~/.gemini/settings.json` or `.gemini/settings.json`): session_id, transcript_path, cwd,
 * hook_event_name, timestamp in every payload. BeforeAgent is the prompt, AfterAgent the end of a turn, AfterTool a
 * tool call whose `tool_response.error` says it failed. SessionStart (`source`) and BeforeAgent take
 * `hookSpecificOutput.additionalContext`; SessionEnd is not waited for.
 */
const CANONICAL: Record<string, string> = {
  SessionStart: 'SessionStart',
  BeforeAgent: 'UserPromptSubmit',
  AfterTool: 'PostToolUse',
  AfterAgent: 'Stop',
  PreCompress: 'PreCompact',
  SessionEnd: 'SessionEnd',
};
const CONTEXT_EVENTS = new Set(['SessionStart', 'BeforeAgent']);

export const geminiAdapter: AgentAdapter = {
  name: 'gemini',
  events: Object.keys(CANONICAL),
  toCanonical(event, payload): CanonicalEvent | undefined {
    const canonical = CANONICAL[event];
    if (!canonical) return undefined;
    // A resumed session goes on in its first chat log; the new file Gemini names at resume holds only its context.
    if (event === 'SessionStart' && payload.source === 'resume') return { event: canonical, payload: { ...payload, transcript_path: undefined } };
    if (canonical !== 'PostToolUse') return { event: canonical, payload };
    const error = (payload.tool_response as { error?: unknown } | undefined)?.error;
    const failed = error !== undefined && error !== null && error !== '';
    return {
      event: failed ? 'PostToolUseFailure' : 'PostToolUse',
      payload: { ...payload, tool_name: canonicalToolName('gemini', payload.tool_name), ...(failed ? { error } : {}) },
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
