import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HOOK_EVENTS } from '../hooks/dispatch.js';
import { executables, installationRoot, isOurHook, SERVER_NAME, type Executables } from './executables.js';
import { readOrNull, type FileChange } from './file-change.js';
import { appendJsonc, insertProperty, isEmptyShell, parseJsonc, removeArrayElement, removeProperty } from './jsonc.js';

export type Scope = 'user' | 'project';

interface HookGroup {
  matcher?: string;
  hooks?: { type?: string; command?: string; args?: string[]; timeout?: number; async?: boolean }[];
}

const TOOL_EVENTS = new Set(['PostToolUse', 'PostToolUseFailure']);
/**
 * Events whose answer Claude Code does not need: it runs these hooks in the background (`async`), so a tool
 * call never waits for the ledger. Not Stop (it may show the reviewer's news, and an async hook's output
 * goes to the model, not the user) nor SessionEnd (Claude Code ends async hooks still running when it exits).
 */
export const ASYNC_EVENTS = new Set(['PostToolUse', 'PostToolUseFailure', 'PreCompact']);

/** Where Claude Code keeps hooks and MCP servers, per scope. */
export function claudeCodeFiles(scope: Scope, home: string, project: string): { settings: string; mcp: string; skills: string } {
  return scope === 'user'
    ? { settings: join(home, '.claude', 'settings.json'), mcp: join(home, '.claude.json'), skills: join(home, '.claude', 'skills') }
    : { settings: join(project, '.claude', 'settings.json'), mcp: join(project, '.mcp.json'), skills: join(project, '.claude', 'skills') };
}

/** The skills shipped with the kit (`/extract-skill`), copied so Claude Code offers them as slash commands. */
export const SHIPPED_SKILLS = ['extract-skill'];

function shippedSkillChange(skillsDir: string, name: string, remove: boolean): FileChange {
  const path = join(skillsDir, name, 'SKILL.md');
  const ours = readFileSync(join(installationRoot(), 'skills', name, 'SKILL.md'), 'utf8');
  const before = readOrNull(path);
  // A copy the user edited is theirs: never overwritten, never removed.
  if (before !== null && before !== ours) return { path, before, after: before };
  return { path, before, after: remove ? null : ours };
}

/** Our hook entries merged into settings.json (others' entries untouched), and `kei` in the MCP servers. */
export function planClaudeCode(
  scope: Scope,
  home: string,
  project: string,
  exe: Executables = executables(),
  remove = false,
): FileChange[] {
  const files = claudeCodeFiles(scope, home, project);
  return [
    hooksChange(files.settings, exe, remove),
    mcpChange(files.mcp, exe, remove, 'mcpServers'),
    ...SHIPPED_SKILLS.map((n) => shippedSkillChange(files.skills, n, remove)),
  ];
}

function hooksChange(path: string, exe: Executables, remove: boolean): FileChange {
  const before = readOrNull(path);
  let after = before;
  for (const event of HOOK_EVENTS) {
    after = removeOurHooks(after, path, event);
    if (remove) continue;
    const exists = Array.isArray(((parseJsonc(after, path).hooks ?? {}) as Record<string, unknown>)[event]);
    after = exists
      ? appendJsonc(after, ['hooks', event], ourGroup(exe, event))
      : insertProperty(after, ['hooks'], event, [ourGroup(exe, event)]);
  }
  if (remove && after !== before) after = dropEmpty(after, path);
  if (remove && after !== before && isEmptyShell(after, path)) after = null;
  // Unchanged in substance (our entries were already there, in place): leave the file alone.
  if (after !== null && before !== null && JSON.stringify(parseJsonc(after, path)) === JSON.stringify(parseJsonc(before, path)))
    after = before;
  return { path, before, after };
}

function ourGroup(exe: Executables, event: string): HookGroup {
  return {
    ...(TOOL_EVENTS.has(event) ? { matcher: '*' } : {}),
    hooks: [
      {
        // Exec form: Claude Code spawns node itself, no shell in between, and no quoting of the paths.
        type: 'command',
        command: exe.node,
        args: [exe.hook, event],
        timeout: event === 'SessionEnd' ? 2 : ASYNC_EVENTS.has(event) ? 15 : 5,
        ...(ASYNC_EVENTS.has(event) ? { async: true } : {}),
      },
    ],
  };
}

/** Deletes our hook objects one by one (last first), and groups left empty by that; others' bytes stay. */
function removeOurHooks(text: string | null, path: string, event: string): string | null {
  const groups = ((parseJsonc(text, path).hooks ?? {}) as Record<string, HookGroup[]>)[event] ?? [];
  let out = text;
  for (let g = groups.length - 1; g >= 0; g--) {
    const hooks = groups[g].hooks ?? [];
    const ours = hooks.map((h, i) => (isOurHook(h) ? i : -1)).filter((i) => i >= 0);
    if (ours.length === 0) continue;
    if (ours.length === hooks.length) out = removeArrayElement(out as string, ['hooks', event], g);
    else for (const i of ours.reverse()) out = removeArrayElement(out as string, ['hooks', event, g, 'hooks'], i);
  }
  return out;
}

function dropEmpty(text: string | null, path: string): string | null {
  const hooks = (parseJsonc(text, path).hooks ?? {}) as Record<string, unknown[]>;
  let out = text;
  for (const [event, groups] of Object.entries(hooks))
    if (Array.isArray(groups) && groups.length === 0) out = removeProperty(out as string, ['hooks', event]);
  if (Object.keys((parseJsonc(out, path).hooks ?? {}) as object).length === 0 && 'hooks' in parseJsonc(out, path))
    out = removeProperty(out as string, ['hooks']);
  return out;
}

/** `kei` under the given key of an MCP config (Claude Code, Cursor: mcpServers). */
export function mcpChange(
  path: string,
  exe: Executables,
  remove: boolean,
  key: string,
  entry: Record<string, unknown> = { command: exe.node, args: [exe.mcp] },
): FileChange {
  const before = readOrNull(path);
  const current = (parseJsonc(before, path)[key] ?? {}) as Record<string, unknown>;
  const wanted = remove ? undefined : entry;
  if (JSON.stringify(current[SERVER_NAME]) === JSON.stringify(wanted)) return { path, before, after: before };
  let after = before !== null && current[SERVER_NAME] !== undefined ? removeProperty(before, [key, SERVER_NAME]) : before;
  if (wanted) after = insertProperty(after, [key], SERVER_NAME, wanted);
  // Nothing but our entry was there: the file was set-up's, so uninstall removes it rather than leave `{}`.
  if (remove && isEmptyShell(after, path)) after = null;
  return { path, before, after };
}
