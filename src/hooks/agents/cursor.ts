import type { HookOutput, HookPayload } from '../types.js';
import { canonicalEvent, text, type AgentAdapter, type CanonicalEvent } from './agent.js';
import { canonicalToolName } from './tool-names.js';

/**
 * Cursor (`~/.cursor/hooks.json` or `.cursor/hooks.json`, `version: 1`, a flat `{command}` list per event):
 * camelCase event names, `conversation_id` for the session, `workspace_roots` for the folder, `cursor_version`.
 * Only sessionStart takes added context (`additional_context`); beforeSubmitPrompt answers `continue` and nothing
 * the model reads, and a stop answer would be a follow-up prompt, so none is given. The older per-tool events
 * (afterShellExecution, afterMCPExecution, afterFileEdit) are understood but not registered: postToolUse covers them.
 */
const CANONICAL: Record<string, string> = {
  sessionStart: 'SessionStart',
  beforeSubmitPrompt: 'UserPromptSubmit',
  postToolUse: 'PostToolUse',
  postToolUseFailure: 'PostToolUseFailure',
  stop: 'Stop',
  preCompact: 'PreCompact',
  sessionEnd: 'SessionEnd',
};
const TOOLS = { Shell: 'Bash', Read: 'Read', Write: 'Write', Edit: 'Edit', StrReplace: 'Edit', Delete: 'Delete', Grep: 'Grep', Glob: 'Glob', Task: 'Task' };
const LEGACY_TOOL_EVENTS = new Set(['afterShellExecution', 'afterMCPExecution', 'afterFileEdit']);

export const cursorAdapter: AgentAdapter = {
  name: 'cursor',
  events: Object.keys(CANONICAL),
  toCanonical(event, p): CanonicalEvent | undefined {
    const canonical = canonicalEvent(CANONICAL, event) ?? (LEGACY_TOOL_EVENTS.has(event) ? 'PostToolUse' : undefined);
    if (!canonical) return undefined;
    const roots = Array.isArray(p.workspace_roots) ? p.workspace_roots : [];
    const common: HookPayload = {
      session_id: text(p.conversation_id) ?? text(p.session_id),
      cwd: text(p.cwd) ?? text(roots[0]),
      transcript_path: text(p.transcript_path),
      model: text(p.model),
      prompt: text(p.prompt),
      reason: text(p.reason) ?? text(p.status),
      duration_ms: typeof p.duration === 'number' ? p.duration : undefined,
    };
    return { event: canonical, payload: { ...common, ...(canonical.startsWith('PostToolUse') ? toolCall(event, p) : {}) } };
  },
  toAgentOutput(event, out): HookOutput {
    if (event === 'beforeSubmitPrompt') return { continue: true };
    const context = text((out?.hookSpecificOutput as { additionalContext?: unknown } | undefined)?.additionalContext);
    return event === 'sessionStart' && context ? { additional_context: context } : undefined;
  },
  versionOf: (p) => text(p.cursor_version),
};

function toolCall(event: string, p: Record<string, unknown>): HookPayload {
  switch (event) {
    case 'afterShellExecution':
      return { tool_name: 'Bash', tool_input: { command: p.command }, tool_response: p.output };
    case 'afterMCPExecution':
      return { tool_name: cursorToolName(`MCP:${String(p.tool_name)}`), tool_input: parsed(p.tool_input), tool_response: p.result_json };
    case 'afterFileEdit':
      return { tool_name: 'Edit', tool_input: { file_path: p.file_path, edits: p.edits } };
    default:
      return {
        tool_name: cursorToolName(p.tool_name),
        tool_use_id: text(p.tool_use_id),
        tool_input: parsed(p.tool_input),
        tool_response: p.tool_output,
        error: p.error_message,
      };
  }
}

/** Built-in tools through the table; Cursor names an MCP tool `MCP:<tool>`, without its server. */
function cursorToolName(name: unknown): string {
  const canonical = canonicalToolName(TOOLS, name);
  return canonical.startsWith('MCP:') ? `mcp__cursor__${canonical.slice(4)}` : canonical;
}

/** Cursor sends some tool inputs as a JSON string: stored as the object it encodes. */
function parsed(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}
