import { accessSync, constants, statSync } from 'node:fs';
import { HOOK_EVENTS } from '../hooks/dispatch.js';
import { claudeCodeFiles, type Scope } from './claude-code.js';
import { duplicateInstallation, enabledKitPlugin, settingsHookScopes } from './claude-plugin.js';
import type { Check } from './doctor.js';
import { hookCommandLine, isOurHookCommand, type CommandHook } from './executables.js';
import { readOrNull } from './file-change.js';
import { parseJsonc } from './jsonc.js';

type HookGroups = Record<string, { hooks?: CommandHook[] }[] | undefined>;

/**
 * Claude Code hooks per scope: not installed is informational, but an install missing some events, or whose
 * commands name a node or kei-hook that is gone (node upgraded, package moved), fails: those sessions record nothing.
 */
export function hookChecks(home: string, project: string): Check[] {
  return [...(['user', 'project'] as const).map((scope) => hookCheck(scope, home, project)), installationCheck(home, project)];
}

/** Which installation records Claude Code's events: the plugin, settings.json hooks, or both (then one steps aside). */
function installationCheck(home: string, project: string): Check {
  const name = 'Claude Code installation';
  const both = duplicateInstallation(home, project);
  if (both) return { name, ok: true, detail: both };
  const plugin = enabledKitPlugin(home, project);
  if (plugin) return { name, ok: true, detail: `the plugin ${plugin} (its hooks and MCP server)` };
  const scopes = settingsHookScopes(home, project);
  if (scopes.length > 0) return { name, ok: true, detail: `kei-hook in the ${scopes.join(' and ')} settings.json` };
  const fix = 'kei-skills setup claude-code, or claude plugin install keiseikit@<marketplace>';
  return { name, ok: true, optional: true, detail: 'neither the plugin nor settings.json hooks', fix };
}

function hookCheck(scope: Scope, home: string, project: string): Check {
  const name = `Claude Code hooks (${scope})`;
  const fix = `kei-skills setup claude-code --scope ${scope}`;
  const { settings } = claudeCodeFiles(scope, home, project);
  let hooks: HookGroups;
  try {
    hooks = (parseJsonc(readOrNull(settings), settings).hooks ?? {}) as HookGroups;
  } catch (err) {
    return { name, ok: false, detail: (err as Error).message, fix: `repair ${settings}, then ${fix}` };
  }
  const ours = HOOK_EVENTS.map((event) => ({ event, commands: commandsOf(hooks[event]) }));
  const installed = ours.filter((o) => o.commands.length > 0);
  if (installed.length === 0) return { name, ok: true, optional: true, detail: 'not installed', fix };
  const missingEvents = ours.filter((o) => o.commands.length === 0).map((o) => o.event);
  if (missingEvents.length > 0)
    return { name, ok: false, detail: `${installed.length} of ${HOOK_EVENTS.length} events; missing ${missingEvents.join(', ')}`, fix };
  for (const command of installed.flatMap((o) => o.commands)) {
    const problem = commandProblem(command);
    if (problem) return { name, ok: false, detail: problem, fix };
  }
  return { name, ok: true, detail: `${installed.length} events → ${shellWords(installed[0].commands[0])[1] ?? ''}` };
}

function commandsOf(groups: HookGroups[string]): string[] {
  if (!Array.isArray(groups)) return [];
  return groups
    .flatMap((g) => (Array.isArray(g?.hooks) ? g.hooks : []))
    .map(hookCommandLine)
    .filter(isOurHookCommand) as string[];
}

/** Why a hook command set-up wrote (`<node> <kei-hook.cjs> <Event>`) cannot run, or undefined. */
function commandProblem(command: string): string | undefined {
  const [program, script] = shellWords(command);
  const scriptIndex = /kei-hook(\.c?js)?$/.test(program ?? '') ? 0 : 1;
  const hook = scriptIndex === 0 ? program : script;
  if (scriptIndex === 1 && program && program.includes('/') && !runnable(program))
    return `node binary ${program} is missing or not executable`;
  if (hook && hook.includes('/') && !isFile(hook)) return `points at missing ${hook}`;
  return undefined;
}

/** Splits a command line the way set-up quotes it (`commandLine`): words, single quotes, `'\''`. */
export function shellWords(command: string): string[] {
  const words: string[] = [];
  const re = /'((?:[^']|'\\'')*)'|(\S+)/g;
  for (let m = re.exec(command); m; m = re.exec(command)) words.push(m[1] !== undefined ? m[1].replace(/'\\''/g, "'") : m[2]);
  return words;
}

function runnable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
