import { crypto } from '../core/lazy-builtin.js';
import { sanitizeForLedger } from './private.js';

/**
 * How long a ledger field may be. Hook payloads come from whatever runs the hooks, so every field
 * is bounded here, in the domain, where every adapter's writes pass:
 * - ids and names (session, tool-use, agent ids; tool and skill names): 200. Real ones are far
 *   shorter (session ids are 36-char UUIDs, tool names at most 64, MCP ones ~100).
 * - paths (cwd, project, transcript): 4096, Linux's PATH_MAX; no longer path can be opened.
 * - labels (client, model, end reason, outcome): 200.
 * Prompts and tool summaries have their own caps where they are stored (4,000 and 2,000).
 */
export const FIELD_LIMITS = { id: 200, path: 4096, label: 200 } as const;

const HASH_CHARS = 16;

/**
 * An id or name as stored: NUL bytes dropped; one over the limit becomes its head plus a hash of
 * the whole, so distinct long ids stay distinct and the same id always maps to the same value
 * (a session's events still find its row). Idempotent: a bounded value comes back unchanged.
 */
export function boundedId(value: string, limit: number = FIELD_LIMITS.id): string {
  // Payload fields are typed but not validated: a number where a string belongs must not throw.
  const text = String(value).replaceAll('\u0000', '');
  if (text.length <= limit) return text;
  const hash = crypto().createHash('sha256').update(text).digest('hex').slice(0, HASH_CHARS);
  return `${text.slice(0, limit - HASH_CHARS - 2)}…#${hash}`;
}

export function boundedPath(value: string): string {
  return boundedId(value, FIELD_LIMITS.path);
}

/** The same for optional fields: absent stays absent. */
export function optionalId(value: string | null | undefined, limit: number = FIELD_LIMITS.id): string | null {
  return value === null || value === undefined || value === '' ? null : boundedId(value, limit);
}

/** A short free-text label (an end reason, a model name): secrets redacted, NUL dropped, capped. */
export function boundedLabel(value: string): string {
  return sanitizeForLedger(value, FIELD_LIMITS.label);
}
