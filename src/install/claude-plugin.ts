import { join } from 'node:path';
import { HOOK_EVENTS } from '../hooks/dispatch.js';
import { claudeCodeFiles, type Scope } from './claude-code.js';
import { isOurHook } from './executables.js';
import { readOrNull } from './file-change.js';
import { parseJsonc } from './jsonc.js';

const PLUGIN_NAME = 'keiseikit';

/**
 * The kit's Claude Code plugin when it is installed and enabled for this user or project, by its id
 * (`keiseikit@<marketplace>`). Claude Code lists installs in ~/.claude/plugins/installed_plugins.json and switches
 * them on in `enabledPlugins` of a settings file (local over project over user).
 */
export function enabledKitPlugin(home: string, project: string): string | undefined {
  const installed = readJson(join(home, '.claude', 'plugins', 'installed_plugins.json')).plugins;
  const ids = Object.keys(installed && typeof installed === 'object' ? installed : {}).filter((id) => id.split('@')[0] === PLUGIN_NAME);
  const settings = [
    join(home, '.claude', 'settings.json'),
    join(project, '.claude', 'settings.json'),
    join(project, '.claude', 'settings.local.json'),
  ].map((file) => (readJson(file).enabledPlugins ?? {}) as Record<string, unknown>);
  return ids.find((id) => settings.reduce<unknown>((on, s) => (id in s ? s[id] : on), undefined) === true);
}

/** The scopes whose settings.json holds the kit's hooks (put there by `kei-skills setup claude-code`). */
export function settingsHookScopes(home: string, project: string): Scope[] {
  return (['user', 'project'] as const).filter((scope) => {
    const hooks = (readJson(claudeCodeFiles(scope, home, project).settings).hooks ?? {}) as Record<string, unknown>;
    return HOOK_EVENTS.some((event) => hasOurCommand(hooks[event]));
  });
}

function hasOurCommand(groups: unknown): boolean {
  if (!Array.isArray(groups)) return false;
  return groups.some(
    (g: { hooks?: { command?: unknown; args?: unknown }[] }) => Array.isArray(g?.hooks) && g.hooks.some((h) => isOurHook(h)),
  );
}

/**
 * When both the plugin and settings.json hooks are there: which one records (the settings.json hooks; the plugin's
 * step aside, see bin/plugin/defer.js) and how to keep only one. Undefined when there is only one installation.
 */
export function duplicateInstallation(home: string, project: string): string | undefined {
  const plugin = enabledKitPlugin(home, project);
  const scopes = settingsHookScopes(home, project);
  if (!plugin || scopes.length === 0) return undefined;
  const where = scopes.map((s) => `${s} settings.json`).join(' and ');
  return (
    `both the plugin ${plugin} and kei-hook in the ${where} are installed: the settings.json hooks record each event ` +
    `and the plugin's hooks step aside (each event once). To keep only the plugin: ` +
    `${scopes.map((s) => `kei-skills uninstall claude-code --scope ${s}`).join(' and ')}; ` +
    `to keep only the settings.json set-up: claude plugin uninstall ${plugin}`
  );
}

function readJson(path: string): Record<string, unknown> {
  try {
    return parseJsonc(readOrNull(path), path);
  } catch {
    return {};
  }
}
