import type { Logger } from '../../core/log.js';
import type { HookContext, HookOutput, HookPayload } from '../types.js';
import { adapterFor, text } from './agent.js';
import { recordAgentOf } from './record.js';

/** One event of any agent, ready for a Claude Code handler, and what to do around that handler. */
export interface TranslatedEvent {
  event: string;
  payload: HookPayload;
  /** In the handler's transaction: names the session's agent and version. */
  afterHandler(ctx: HookContext): void;
  /** The handler's answer in the agent's shape. */
  answer(out: HookOutput): HookOutput;
}

/**
 * `kei-hook --agent <name> <Event>`: the agent's event mapped onto Claude Code's; without `--agent`, Claude Code's
 * own. Undefined (logged) for an unknown agent or an event the ledger does not record.
 */
export async function translateEvent(
  agent: string | undefined,
  event: string,
  payload: Record<string, unknown>,
  log: Logger,
): Promise<TranslatedEvent | undefined> {
  if (agent === undefined || agent === 'claude-code') return claudeCode(event, payload);
  const adapter = await adapterFor(agent);
  if (!adapter) {
    log.warn('unknown agent ignored', { agent, event });
    return undefined;
  }
  const mapped = adapter.toCanonical(event, payload);
  if (!mapped) {
    log.warn('event not recorded for this agent', { agent, event });
    return undefined;
  }
  const version = adapter.versionOf(payload);
  return {
    ...mapped,
    afterHandler: (ctx) => {
      const id = text(mapped.payload.session_id);
      if (id) recordAgentOf(ctx, adapter.name, mapped.event, { id, transcriptPath: text(mapped.payload.transcript_path), version });
    },
    answer: (out) => adapter.toAgentOutput(event, out),
  };
}

function claudeCode(event: string, payload: HookPayload): TranslatedEvent {
  return {
    event,
    payload,
    afterHandler: (ctx) => {
      // Claude Code's version is on every transcript line; looked for once, when a turn ends and the file exists.
      const id = text(payload.session_id);
      if (id && event === 'Stop') recordAgentOf(ctx, 'claude-code', event, { id, transcriptPath: text(payload.transcript_path) });
    },
    answer: (out) => out,
  };
}
