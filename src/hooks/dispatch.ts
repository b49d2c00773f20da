import type { HookHandler } from './types.js';

/** Each event loads only its own handler: the hook path pays for nothing it does not use. */
export async function handlerFor(event: string): Promise<HookHandler | undefined> {
  switch (event) {
    case 'SessionStart':
      return (await import('./handlers/session.js')).onSessionStart;
    case 'SessionEnd':
      return (await import('./handlers/session.js')).onSessionEnd;
    case 'UserPromptSubmit':
      return (await import('./handlers/turn.js')).onUserPromptSubmit;
    case 'UserPromptExpansion':
      return (await import('./handlers/turn.js')).onUserPromptExpansion;
    case 'Stop':
      return (await import('./handlers/turn.js')).onStop;
    case 'PreCompact':
      return (await import('./handlers/turn.js')).onPreCompact;
    case 'PostToolUse':
      return (await import('./handlers/tool.js')).onToolUse(true);
    case 'PostToolUseFailure':
      return (await import('./handlers/tool.js')).onToolUse(false);
    default:
      return undefined;
  }
}

export const HOOK_EVENTS = [
  'SessionStart',
  'UserPromptSubmit',
  'UserPromptExpansion',
  'PostToolUse',
  'PostToolUseFailure',
  'Stop',
  'PreCompact',
  'SessionEnd',
] as const;
