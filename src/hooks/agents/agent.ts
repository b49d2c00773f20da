import type { HookOutput, HookPayload } from '../types.js';
import { canonicalToolName, type ToolNames } from './tool-names.js';

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

/**
 * An agent that speaks Claude Code's payloads under its own event and tool names (Codex, Gemini): what its
 * adapter needs to say, as tables. Cursor's payloads differ too, so it keeps its own mapping and reads
 * only `canonicalEvent` and the tool-name table from here.
 */
export interface AgentTables {
  name: AgentName;
  /** The agent's event name to Claude Code's, in the order set-up registers them; others are not recorded. */
  events: Readonly<Record<string, string>>;
  tools: ToolNames;
  /** The agent's events whose answer may carry `hookSpecificOutput.additionalContext`. */
  contextEvents: readonly string[];
  /** What a failed tool call reports as its error (stored as the payload's `error`); undefined when it succeeded. */
  toolError(payload: Record<string, unknown>): unknown;
  /** The payload of a non-tool event as the handler should read it, where the agent differs; as it came otherwise. */
  adjust?(event: string, payload: Record<string, unknown>): Record<string, unknown>;
}

/** The agent's event under Claude Code's name, or undefined for one the ledger does not record. */
export function canonicalEvent(events: Readonly<Record<string, string>>, event: string): string | undefined {
  return Object.hasOwn(events, event) ? events[event] : undefined;
}

/** The adapter of an agent described by `AgentTables`: a tool call becomes PostToolUse or PostToolUseFailure. */
export function tableAdapter(tables: AgentTables): AgentAdapter {
  return {
    name: tables.name,
    events: Object.keys(tables.events),
    toCanonical(event, payload): CanonicalEvent | undefined {
      const canonical = canonicalEvent(tables.events, event);
      if (!canonical) return undefined;
      if (canonical !== 'PostToolUse') return { event: canonical, payload: tables.adjust?.(event, payload) ?? payload };
      const error = tables.toolError(payload);
      const tool_name = canonicalToolName(tables.tools, payload.tool_name);
      if (error === undefined) return { event: canonical, payload: { ...payload, tool_name } };
      return { event: 'PostToolUseFailure', payload: { ...payload, tool_name, error } };
    },
    toAgentOutput(event, out): HookOutput {
      if (!out) return undefined;
      const answer: Record<string, unknown> = { ...(tables.contextEvents.includes(event) ? contextOutput(event, out) : {}) };
      const message = text(out.systemMessage);
      if (message) answer.systemMessage = message;
      return Object.keys(answer).length > 0 ? answer : undefined;
    },
    versionOf: () => undefined,
  };
}
