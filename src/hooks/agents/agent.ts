import type { HookOutput, HookPayload } from '../types.js';

/** Agents whose hooks feed the one ledger; `sessions.client` holds one of these. */
export const AGENTS = ['claude-code', 'codex', 'gemini', 'cursor'] as const;
export type AgentName = (typeof AGENTS)[number];

/** An agent's event as the Claude Code handlers read it: a Claude Code event name and snake_case payload. */
export interface CanonicalEvent {
  event: string;
  payload: HookPayload;
}

/**
 * What one agent needs to share the handlers: its event names, its payload fields and tool names mapped
 * onto Claude Code's, and the handler's answer put back in the shape that agent reads.
 */
export interface AgentAdapter {
  name: AgentName;
  /** The agent's own event names set-up registers, in the order they are written. */
  events: readonly string[];
  /** Undefined for an event the ledger does not record. */
  toCanonical(event: string, payload: Record<string, unknown>): CanonicalEvent | undefined;
  /** Only fields the agent documents for that event: some (Codex) refuse an answer with others. */
  toAgentOutput(event: string, out: HookOutput): HookOutput;
  /** The agent's version when its payload carries it (Cursor does). */
  versionOf(payload: Record<string, unknown>): string | undefined;
}

/** Loads only the named agent's adapter (the hook path pays for nothing else); undefined for an unknown name. */
export async function adapterFor(name: string): Promise<AgentAdapter | undefined> {
  switch (name) {
    case 'codex':
      return (await import('./codex.js')).codexAdapter;
    case 'gemini':
      return (await import('./gemini.js')).geminiAdapter;
    case 'cursor':
      return (await import('./cursor.js')).cursorAdapter;
    default:
      return undefined;
  }
}

export const text = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

/** `{ hookSpecificOutput: { hookEventName, additionalContext } }` for an agent that reads Claude Code's shape, or nothing. */
export function contextOutput(hookEventName: string, out: HookOutput): Record<string, unknown> | undefined {
  const specific = out?.hookSpecificOutput as { additionalContext?: unknown } | undefined;
  const context = text(specific?.additionalContext);
  return context ? { hookSpecificOutput: { hookEventName, additionalContext: context } } : undefined;
}
