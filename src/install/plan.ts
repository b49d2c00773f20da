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
export function planSetup(o: PlanOptions): FileChange[] {
  if (!(CLIENTS as readonly string[]).includes(o.client)) throw new KeiError('unknown_client', `unknown client "${o.client}"; use one of ${CLIENTS.join(', ')}`);
  const exe = executables();
  const scope = o.scope ?? 'user';
  switch (o.client as Client) {
    case 'claude-code': return planClaudeCode(scope, o.home, o.project, exe, o.remove);
    case 'cursor': return planCursor(scope, o.home, o.project, exe, o.remove);
    case 'zed': return planZed(o.home, exe, o.remove);
    case 'vscode': return planVscode(o.project, exe, o.remove);
    case 'codex': return planCodex(o.home, exe, o.remove);
  }
}
