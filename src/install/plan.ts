import { KeiError } from '../core/errors.js';
import { planClaudeCode } from './claude-code.js';
import { executables } from './executables.js';
import type { FileChange } from './file-change.js';
import { CLIENTS, planCodex, planCursor, planVscode, planZed, type Client } from './other-clients.js';

export interface PlanOptions {
  client: string;
  scope?: 'user' | 'project';
  home: string;
  project: string;
  remove?: boolean;
}

/** Every file a set-up (or, with `remove`, an uninstall) of one client would change. */
export function planSetup(options: PlanOptions): FileChange[] {
  if (!(CLIENTS as readonly string[]).includes(options.client))
    throw new KeiError('unknown_client', `unknown client "${options.client}"; use one of ${CLIENTS.join(', ')}`);
  const exe = executables();
  const scope = options.scope ?? 'user';
  switch (options.client as Client) {
    case 'claude-code':
      return planClaudeCode(scope, options.home, options.project, exe, options.remove);
    case 'cursor':
      return planCursor(scope, options.home, options.project, exe, options.remove);
    case 'zed':
      return planZed(options.home, exe, options.remove);
    case 'vscode':
      return planVscode(options.project, exe, options.remove);
    case 'codex':
      return planCodex(options.home, exe, options.remove);
  }
}
