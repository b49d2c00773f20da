/**
 * Tool names as the ledger stores them: each agent's built-in tools under the Claude Code name of the tool
 * that does the same (so statistics, the reviewer and extraction see one `Bash`, not three shells); MCP tools
 * as `mcp__<server>__<tool>`, which is how `skill_load` through kei-mcp is recognised. Each adapter holds its
 * agent's table; unknown names stay as they are.
 */
export type ToolNames = Readonly<Record<string, string>>;

export function canonicalToolName(names: ToolNames, name: unknown): string {
  const raw = typeof name === 'string' && name !== '' ? name : 'unknown';
  return Object.hasOwn(names, raw) ? names[raw] : raw;
}
