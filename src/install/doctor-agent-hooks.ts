import { statSync } from 'node:fs';
import { agentEvents, agentHooksFile, type HookAgent } from './agent-hooks.js';
import type { Check } from './doctor.js';
import { shellWords } from './doctor-hooks.js';
import { isOurHookCommand } from './executables.js';
import { readOrNull } from './file-change.js';
import { parseJsonc } from './jsonc.js';

const NAMES: Record<HookAgent, string> = { codex: 'Codex', gemini: 'Gemini CLI', cursor: 'Cursor' };
const SCOPES: Record<HookAgent, readonly ('user' | 'project')[]> = {
  codex: ['user'],
  gemini: ['user', 'project'],
  cursor: ['user', 'project'],
};

/**
 * The other agents' hooks, per file set-up writes: not installed is informational; some events missing, or a
 * command naming a node or kei-hook that is gone, fails (those sessions record nothing).
 */
export function agentHookChecks(home: string, project: string): Check[] {
  return (Object.keys(SCOPES) as HookAgent[]).flatMap((agent) => SCOPES[agent].map((scope) => agentHookCheck(agent, scope, home, project)));
}

function agentHookCheck(agent: HookAgent, scope: 'user' | 'project', home: string, project: string): Check {
  const name = `${NAMES[agent]} hooks${SCOPES[agent].length > 1 ? ` (${scope})` : ''}`;
  const fix = `kei-skills setup ${agent}${SCOPES[agent].length > 1 ? ` --scope ${scope}` : ''}`;
  const path = agentHooksFile(agent, scope, home, project);
  let hooks: Record<string, unknown>;
  try {
    hooks = (parseJsonc(readOrNull(path), path).hooks ?? {}) as Record<string, unknown>;
  } catch (err) {
    return { name, ok: false, detail: (err as Error).message, fix: `repair ${path}, then ${fix}` };
  }
  const events = agentEvents(agent);
  const ours = events.map((event) => ({ event, commands: ourCommands(hooks[event]) }));
  const installed = ours.filter((o) => o.commands.length > 0);
  if (installed.length === 0) return { name, ok: true, optional: true, detail: 'not installed', fix };
  const missing = ours.filter((o) => o.commands.length === 0).map((o) => o.event);
  if (missing.length > 0)
    return { name, ok: false, detail: `${installed.length} of ${events.length} events; missing ${missing.join(', ')}`, fix };
  for (const command of installed.flatMap((o) => o.commands)) {
    const gone = shellWords(command)
      .slice(0, 2)
      .find((word) => word.includes('/') && !isFile(word));
    if (gone) return { name, ok: false, detail: `points at missing ${gone}`, fix };
  }
  // Codex runs a hook from hooks.json only once the user has trusted it (its /hooks review); nothing here can see that.
  const trust = agent === 'codex' ? '; Codex runs them once trusted in its /hooks review' : '';
  return { name, ok: true, detail: `${installed.length} events in ${path}${trust}` };
}

/** Our commands among an event's entries, nested (`{hooks: [{command}]}`) or flat (`{command}`). */
function ourCommands(entries: unknown): string[] {
  if (!Array.isArray(entries)) return [];
  return (entries as { command?: unknown; hooks?: { command?: unknown }[] }[])
    .flatMap((e) => [e?.command, ...(Array.isArray(e?.hooks) ? e.hooks.map((h) => h?.command) : [])])
    .filter(isOurHookCommand) as string[];
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
