/**
 * Tool names as the ledger stores them: each agent's built-in tools under the Claude Code name of the tool
 * that does the same (so statistics, the reviewer and extraction see one `Bash`, not three shells); MCP tools
 * as `mcp__<server>__<tool>`, which is how `skill_load` through kei-mcp is recognised. Unknown names stay as they are.
 */
const CANONICAL: Record<string, Record<string, string>> = {
  codex: { Bash: 'Bash', shell: 'Bash', local_shell: 'Bash', exec_command: 'Bash', apply_patch: 'Edit', view_image: 'Read' },
  gemini: {
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
  cursor: { Shell: 'Bash', Read: 'Read', Write: 'Write', Edit: 'Edit', StrReplace: 'Edit', Delete: 'Delete', Grep: 'Grep', Glob: 'Glob', Task: 'Task' },
};

export function canonicalToolName(agent: string, name: unknown): string {
  const raw = typeof name === 'string' && name !== '' ? name : 'unknown';
  // Cursor names an MCP tool `MCP:<tool>` without its server.
  if (agent === 'cursor' && raw.startsWith('MCP:')) return `mcp__cursor__${raw.slice(4)}`;
  return CANONICAL[agent]?.[raw] ?? raw;
}
