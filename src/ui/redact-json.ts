import { redactSecrets } from '../guard/redact.js';

/** Keys that hold the kit's own identifiers: the page needs them intact to link and act on a row. */
const ID_KEYS = new Set(['id', 'session', 'sessionId', 'session_id', 'hid', 'name', 'job', 'folder', 'path', 'day', 'csrf']);

/**
 * Every string the dashboard sends passes the guard's redaction, so a secret stored in a memory, a prompt or a tool
 * summary never renders (nor reaches the page's memory). Identifiers the kit made are kept as they are.
 */
export function redactDeep(value: unknown, key = ''): unknown {
  if (typeof value === 'string') return ID_KEYS.has(key) ? value : redactSecrets(value);
  if (Array.isArray(value)) return value.map((v) => redactDeep(v, key));
  if (value instanceof Map) return redactDeep(Object.fromEntries(value), key);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = redactDeep(v, k);
    return out;
  }
  return value;
}
