import { redactSecrets } from '../guard/redact.js';

const PRIVATE = /<private>[\s\S]*?(?:<\/private>|$)/gi;

/**
 * How far past the stored length redaction still reads: a secret that starts before the cut is
 * found whole (a token is far shorter; a key block cut here is redacted as a truncated block),
 * while a 1 MB tool response costs a hook no more than a short one.
 */
const LOOKAHEAD_CHARS = 16 * 1024;

/** Nothing between <private> and </private> is ever stored (an unclosed tag hides the rest). */
export function stripPrivate(text: string): string {
  return text.replace(PRIVATE, '[private]');
}

/** What the ledger keeps of outside text: private parts removed, secrets redacted, NUL bytes dropped, length capped. */
export function sanitizeForLedger(value: unknown, maxChars = 2000): string {
  const text = asText(value);
  const head = text.length > maxChars + LOOKAHEAD_CHARS ? text.slice(0, maxChars + LOOKAHEAD_CHARS) : text;
  const clean = redactSecrets(stripPrivate(head)).replaceAll('\u0000', '');
  return clean.length > maxChars ? `${clean.slice(0, maxChars)}…[+${text.length - maxChars} chars]` : clean;
}

function asText(value: unknown): string {
  try {
    return typeof value === 'string' ? value : (JSON.stringify(value) ?? '');
  } catch {
    return String(value);
  }
}
