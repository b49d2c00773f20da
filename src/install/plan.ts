import { KeiError } from '../core/errors.js';
import { planClaudeCode, type Scope } from './claude-code.js';
import { executables } from './executables.js';
import type { FileChange } from './file-change.js';
import { CLIENTS, planCodex, planCursor, planGemini, planVscode, planZed, type Client } from './other-clients.js';

export interface PlanOptions {
  client: string;
  /** user or project; anything else is refused. Unset: the client's default (VS Code: project, others: user). */
  scope?: string;
  home: string;
  project: string;
  remove?: boolean;
}

/** Every file a set-up (or, with `remove`, an uninstall) of one client would change. */
export function planSetup(options: PlanOptions): FileChange[] {
  if (!(CLIENTS as readonly string[]).includes(options.client))
    throw new KeiError('unknown_client', `unknown client "${options.client}"; use one of ${CLIENTS.join(', ')}`);
  const exe = executables();
  const client = options.client as Client;
  const scope = scopeFor(client, options.scope);
  switch (client) {
    case 'claude-code':
      return planClaudeCode(scope, options.home, options.project, exe, options.remove);
    case 'cursor':
      return planCursor(scope, options.home, options.project, exe, options.remove);
    case 'zed':
      return planZed(options.home, exe, options.remove);
    case 'vscode':
      return planVscode(scope, options.home, options.project, exe, options.remove);
    case 'codex':
      return planCodex(options.home, exe, options.remove);
    case 'gemini':
      return planGemini(scope, options.home, options.project, exe, options.remove);
  }
}

/** Zed and Codex keep MCP servers per user only; a scope we do not know is an error, never a silent default. */
const USER_ONLY: readonly Client[] = ['zed', 'codex'];

function scopeFor(client: Client, scope: string | undefined): Scope {
  const chosen = scope ?? (client === 'vscode' ? 'project' : 'user');
  if (chosen !== 'user' && chosen !== 'project')
    throw new KeiError('invalid_scope', `unknown scope "${chosen}"; use --scope user or --scope project`);
  if (chosen === 'project' && USER_ONLY.includes(client))
    throw new KeiError('invalid_scope', `${client} is set up per user only; leave out --scope project`);
  return chosen;
}
