import { join } from 'node:path';
import { codexAdapter } from '../hooks/agents/codex.js';
import { cursorAdapter } from '../hooks/agents/cursor.js';
import { geminiAdapter } from '../hooks/agents/gemini.js';
import { commandLine, isOurHookCommand, type Executables } from './executables.js';
import { readOrNull, type FileChange } from './file-change.js';
import { appendJsonc, insertProperty, isEmptyShell, parseJsonc, removeArrayElement, removeProperty } from './jsonc.js';

/**
 * Hooks for the other agents, merged into their files the way Claude Code's are: our entries (a command naming
 * kei-hook) added after the user's, removed one by one on uninstall so every other byte stays, the file deleted
 * when nothing but ours was in it. Codex and Gemini CLI nest `{matcher, hooks: [{type, command, timeout}]}` like
 * Claude Code (Codex's timeout in seconds, Gemini's in ms); Cursor keeps a flat `{command}` list beside `version: 1`.
 */
export type HookAgent = 'codex' | 'gemini' | 'cursor';

const ADAPTERS = { codex: codexAdapter, gemini: geminiAdapter, cursor: cursorAdapter } as const;
const TOOL_EVENTS = new Set(['PostToolUse', 'AfterTool']);
const TIMEOUT_S = 5;

/** Where each agent reads hooks: Codex per user, Gemini CLI and Cursor per user or project. */
export function agentHooksFile(agent: HookAgent, scope: 'user' | 'project', home: string, project: string): string {
  const base = scope === 'user' ? home : project;
  if (agent === 'codex') return join(home, '.codex', 'hooks.json');
  return agent === 'gemini' ? join(base, '.gemini', 'settings.json') : join(base, '.cursor', 'hooks.json');
}

/** The agent's event names set-up registers (the adapter's list: what `kei-hook --agent` records). */
export const agentEvents = (agent: HookAgent): readonly string[] => ADAPTERS[agent].events;

export const agentHookCommand = (exe: Executables, agent: HookAgent, event: string): string =>
  commandLine([exe.node, exe.hook, '--agent', agent, event]);

/** The change to the agent's hooks file; `base` is that file's text after an earlier change in the same plan (Gemini: MCP). */
export function agentHooksChange(agent: HookAgent, path: string, exe: Executables, remove: boolean, base?: FileChange): FileChange {
  const before = base ? base.before : readOrNull(path);
  const start = base ? base.after : before;
  // A hooks.json set-up creates for Cursor starts with the version it requires.
  let after = agent === 'cursor' && !remove && (start ?? '').trim() === '' ? '{\n  "version": 1\n}\n' : start;
  for (const event of agentEvents(agent)) {
    after = removeOurs(after, path, event, agent === 'cursor');
    if (!remove) after = addOurs(after, path, event, entryFor(agent, exe, event));
  }
  if (agent === 'cursor' && !remove && parseJsonc(after, path).version === undefined) after = insertProperty(after, [], 'version', 1);
  if (remove && after !== start) after = dropEmpty(after, path, agent === 'cursor');
  // Unchanged in substance (our entries were there already, in place): the file is left alone.
  if (after !== null && start !== null && JSON.stringify(parseJsonc(after, path)) === JSON.stringify(parseJsonc(start, path)))
    after = start;
  return { path, before, after };
}

function entryFor(agent: HookAgent, exe: Executables, event: string): Record<string, unknown> {
  const command = agentHookCommand(exe, agent, event);
  if (agent === 'cursor') return { command, timeout: TIMEOUT_S };
  const timeout = agent === 'gemini' ? TIMEOUT_S * 1000 : TIMEOUT_S;
  const hook = { type: 'command', ...(agent === 'gemini' ? { name: `kei-${event}` } : {}), command, timeout };
  return { ...(TOOL_EVENTS.has(event) ? { matcher: '*' } : {}), hooks: [hook] };
}

function addOurs(text: string | null, path: string, event: string, entry: Record<string, unknown>): string {
  const exists = Array.isArray(((parseJsonc(text, path).hooks ?? {}) as Record<string, unknown>)[event]);
  return exists ? appendJsonc(text, ['hooks', event], entry) : insertProperty(text, ['hooks'], event, [entry]);
}

type Entry = { command?: string; hooks?: { command?: string }[] };

/** Deletes our entries (last first); a nested group left with none of the user's hooks goes too. */
function removeOurs(text: string | null, path: string, event: string, flat: boolean): string | null {
  const entries = ((parseJsonc(text, path).hooks ?? {}) as Record<string, Entry[]>)[event];
  if (!Array.isArray(entries)) return text;
  let out = text as string;
  for (let i = entries.length - 1; i >= 0; i--) {
    if (flat) {
      if (isOurHookCommand(entries[i]?.command)) out = removeArrayElement(out, ['hooks', event], i);
      continue;
    }
    const hooks = Array.isArray(entries[i]?.hooks) ? (entries[i].hooks as { command?: string }[]) : [];
    const ours = hooks.map((h, j) => (isOurHookCommand(h?.command) ? j : -1)).filter((j) => j >= 0);
    if (ours.length === 0) continue;
    if (ours.length === hooks.length) out = removeArrayElement(out, ['hooks', event], i);
    else for (const j of ours.reverse()) out = removeArrayElement(out, ['hooks', event, i, 'hooks'], j);
  }
  return out;
}

/** After uninstall: empty event lists and an empty `hooks` go; a file left with nothing (Cursor: only `version`) is deleted. */
function dropEmpty(text: string | null, path: string, flat: boolean): string | null {
  let out = text as string;
  const hooks = (parseJsonc(out, path).hooks ?? {}) as Record<string, unknown[]>;
  for (const [event, list] of Object.entries(hooks))
    if (Array.isArray(list) && list.length === 0) out = removeProperty(out, ['hooks', event]);
  const data = parseJsonc(out, path);
  if ('hooks' in data && Object.keys((data.hooks ?? {}) as object).length === 0) out = removeProperty(out, ['hooks']);
  if (flat && JSON.stringify(parseJsonc(out, path)) === '{"version":1}') return null;
  return isEmptyShell(out, path) ? null : out;
}
