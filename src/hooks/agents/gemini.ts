import { tableAdapter } from './agent.js';

/**
 * Gemini CLI (`hooks` in `~/.gemini/settings.json` or `.gemini/settings.json`): session_id, transcript_path, cwd,
 * hook_event_name, timestamp in every payload. BeforeAgent is the prompt, AfterAgent the end of a turn, AfterTool a
 * tool call whose `tool_response.error` says it failed. SessionStart (`source`) and BeforeAgent take
 * `hookSpecificOutput.additionalContext`; SessionEnd is not waited for.
 */
export const geminiAdapter = tableAdapter({
  name: 'gemini',
  events: {
    SessionStart: 'SessionStart',
    BeforeAgent: 'UserPromptSubmit',
    AfterTool: 'PostToolUse',
    AfterAgent: 'Stop',
    PreCompress: 'PreCompact',
    SessionEnd: 'SessionEnd',
  },
  tools: {
    run_shell_command: 'Bash',
    read_file: 'Read',
    read_many_files: 'Read',
    write_file: 'Write',
    replace: 'Edit',
    glob: 'Glob',
    grep_search: 'Grep',
    search_file_content: 'Grep',
    list_directory: 'LS',
    web_fetch: 'WebFetch',
    google_web_search: 'WebSearch',
  },
  contextEvents: ['SessionStart', 'BeforeAgent'],
  toolError(payload) {
    const error = (payload.tool_response as { error?: unknown } | undefined)?.error;
    return error === null || error === '' ? undefined : error;
  },
  // A resumed session goes on in its first chat log; the new file Gemini names at resume holds only its context.
  adjust: (event, payload) => (event === 'SessionStart' && payload.source === 'resume' ? { ...payload, transcript_path: undefined } : payload),
});
