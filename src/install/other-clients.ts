import { join } from 'node:path';
import { executables, SERVER_NAME, type Executables } from './executables.js';
import { mcpChange } from './claude-code.js';
import { agentHooksChange, agentHooksFile } from './agent-hooks.js';
import { readOrNull, type FileChange } from './file-change.js';
import { parseJsonc, removeProperty } from './jsonc.js';

export type Client = 'claude-code' | 'cursor' | 'zed' | 'vscode' | 'codex' | 'gemini';
export const CLIENTS: readonly Client[] = ['claude-code', 'cursor', 'zed', 'vscode', 'codex', 'gemini'];

/** What people call each client, in messages. */
export const CLIENT_NAMES: Record<Client, string> = {
  'claude-code': 'Claude Code',
  cursor: 'Cursor',
  zed: 'Zed',
  vscode: 'VS Code',
  codex: 'Codex',
  gemini: 'Gemini CLI',
};

/** Cursor: `~/.cursor/mcp.json` (user) or `.cursor/mcp.json` (project), `mcpServers.kei`; its hooks in `hooks.json` beside it. */
export function planCursor(scope: 'user' | 'project', home: string, project: string, exe = executables(), remove = false): FileChange[] {
  const path = scope === 'user' ? join(home, '.cursor', 'mcp.json') : join(project, '.cursor', 'mcp.json');
  return [
    mcpChange(path, exe, remove, 'mcpServers'),
    agentHooksChange('cursor', agentHooksFile('cursor', scope, home, project), exe, remove),
  ];
}

/** Gemini CLI: `~/.gemini/settings.json` (user) or `.gemini/settings.json` (project), `mcpServers.kei` and `hooks`, one change. */
export function planGemini(scope: 'user' | 'project', home: string, project: string, exe = executables(), remove = false): FileChange[] {
  const path = agentHooksFile('gemini', scope, home, project);
  const mcp = mcpChange(path, exe, remove, 'mcpServers');
  // `mcpServers` that set-up added around `kei` goes with it (an empty one configures nothing).
  const servers = parseJsonc(mcp.after, path).mcpServers;
  if (remove && mcp.after !== null && servers && Object.keys(servers).length === 0) mcp.after = removeProperty(mcp.after, ['mcpServers']);
  return [agentHooksChange('gemini', path, exe, remove, mcp)];
}

/** Zed: `context_servers.kei` in its settings.json (JSON with comments, which survive). */
export function planZed(home: string, exe = executables(), remove = false): FileChange[] {
  const path = join(home, '.config', 'zed', 'settings.json');
  return [mcpChange(path, exe, remove, 'context_servers', { source: 'custom', command: exe.node, args: [exe.mcp], env: {} })];
}

/** VS Code: `servers.kei` with type stdio, in the project's `.vscode/mcp.json` or the user profile's `mcp.json`. */
export function planVscode(
  scope: 'user' | 'project',
  home: string,
  project: string,
  exe = executables(),
  remove = false,
  platform: NodeJS.Platform = process.platform,
): FileChange[] {
  const path = scope === 'project' ? join(project, '.vscode', 'mcp.json') : join(vscodeUserFolder(home, platform), 'mcp.json');
  return [mcpChange(path, exe, remove, 'servers', { type: 'stdio', command: exe.node, args: [exe.mcp] })];
}

/** Where VS Code keeps the default profile's settings (its user `mcp.json` lives there). */
export function vscodeUserFolder(home: string, platform: NodeJS.Platform = process.platform): string {
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'Code', 'User');
  if (platform === 'win32') return join(process.env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'Code', 'User');
  return join(process.env.XDG_CONFIG_HOME || join(home, '.config'), 'Code', 'User');
}

/** Codex: a `[mcp_servers.kei]` table in `~/.codex/config.toml`, replaced in place (comments elsewhere stay); hooks in `~/.codex/hooks.json`. */
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
  // A file left empty by uninstall was set-up's: removed, not left as an empty stub.
  const config = { path, before, after: after.trim() === '' && (before === null || remove) ? null : after };
  return [config, agentHooksChange('codex', agentHooksFile('codex', 'user', home, home), exe, remove)];
}

function tomlString(s: string): string {
  return JSON.stringify(s);
}

export type { Executables };
