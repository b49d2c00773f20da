import { tableAdapter } from './agent.js';

/**
 * Codex CLI (`~/.codex/hooks.json`, hooks on by default since the `hooks` feature became stable): Claude Code's
 * event names and snake_case payloads plus `turn_id`; tool names `Bash`, `apply_patch`, `mcp__<server>__<tool>`.
 * SessionStart and UserPromptSubmit take `hookSpecificOutput.additionalContext`; every answer is checked against a
 * schema that refuses unknown fields, so only documented ones are returned.
 */
export const codexAdapter = tableAdapter({
  name: 'codex',
  events: {
    SessionStart: 'SessionStart',
    UserPromptSubmit: 'UserPromptSubmit',
    PostToolUse: 'PostToolUse',
    Stop: 'Stop',
    PreCompact: 'PreCompact',
  },
  tools: { Bash: 'Bash', shell: 'Bash', local_shell: 'Bash', exec_command: 'Bash', apply_patch: 'Edit', view_image: 'Read' },
  contextEvents: ['SessionStart', 'UserPromptSubmit'],
  toolError: (payload) => (commandFailed(payload.tool_response) ? payload.tool_response : undefined),
});

/** A shell call that exited non-zero: Codex reports `exit_code` in an object, or `Exit code: N` at the head of the text. */
function commandFailed(response: unknown): boolean {
  if (typeof response === 'string') return /^Exit code: (?!0\b)\d+/m.test(response.slice(0, 200));
  if (!response || typeof response !== 'object') return false;
  const r = response as Record<string, unknown>;
  const code = r.exit_code ?? r.exitCode;
  return (typeof code === 'number' && code !== 0) || r.success === false || r.is_error === true;
}
