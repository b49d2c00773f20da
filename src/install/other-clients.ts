import { join } from 'node:path';
import { executables, SERVER_NAME, type Executables } from './executables.js';
import { mcpChange } from './claude-code.js';
import { readOrNull, type FileChange } from './file-change.js';

export type Client = 'claude-code' | 'cursor' | 'zed' | 'vscode' | 'codex';
export const CLIENTS: readonly Client[] = ['claude-code', 'cursor', 'zed', 'vscode', 'codex'];

/** Cursor: `~/.cursor/mcp.json` (user) or `.cursor/mcp.json` (project), `mcpServers.kei`. */
export function planCursor(scope: 'user' | 'project', home: string, project: string, exe = executables(), remove = false): FileChange[] {
  const path = scope === 'user' ? join(home, '.cursor', 'mcp.json') : join(project, '.cursor', 'mcp.json');
  return [mcpChange(path, exe, remove, 'mcpServers')];
}

/** Zed: `context_servers.kei` in its settings.json (JSON with comments, which survive). */
export function planZed(home: string, exe = executables(), remove = false): FileChange[] {
  const path = join(home, '.config', 'zed', 'settings.json');
  return [mcpChange(path, exe, remove, 'context_servers', { source: 'custom', command: exe.node, args: [exe.mcp], env: {} })];
}

/** VS Code: `.vscode/mcp.json` of the project, `servers.kei` with type stdio. */
export function planVscode(project: string, exe = executables(), remove = false): FileChange[] {
  return [mcpChange(join(project, '.vscode', 'mcp.json'), exe, remove, 'servers', { type: 'stdio', command: exe.node, args: [exe.mcp] })];
}

/** Codex: a `[mcp_servers.kei]` table in `~/.codex/config.toml`, replaced in place; comments elsewhere stay. */
export function planCodex(home: string, exe = executables(), remove = false): FileChange[] {
  const path = join(home, '.codex', 'config.toml');
  const before = readOrNull(path);
  const table = `[mcp_servers.${SERVER_NAME}]\ncommand = ${tomlString(exe.node)}\nargs = [${tomlString(exe.mcp)}]\n`;
  const text = before ?? '';
  const section = new RegExp(`^\\[mcp_servers\\.${SERVER_NAME}\\][^\\n]*\\n(?:(?!\\[)[^\\n]*\\n?)*`, 'm');
  let after: string;
  if (section.test(text)) after = remove ? text.replace(section, '').replace(/\n{2,}$/, '\n') : text.replace(section, table);
  else if (remove) after = text;
  else after = `${text}${text === '' || text.endsWith('\n\n') ? '' : text.endsWith('\n') ? '\n' : '\n\n'}${table}`;
  return [{ path, before, after: before === null && after === '' ? null : after }];
}

function tomlString(s: string): string {
  return JSON.stringify(s);
}

export type { Executables };
