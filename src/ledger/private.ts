import { redactSecrets } from '../guard/redact.js';

const PRIVATE = /<private>[\s\S]*?(?:<\/private>|$)/gi;

/** Nothing between <private> and </private> is ever stored (an unclosed tag hides the rest). */
export function stripPrivate(text: string): string {
  return text.replace(PRIVATE, '[private]');
}

/** What the ledger keeps of outside text: private parts removed, secrets redacted, length capped. */
export function sanitizeForLedger(value: unknown, maxChars = 2000): string {
  let text: string;
  try {
    text = typeof value === 'string' ? value : JSON.stringify(value) ?? '';
  } catch {
    text = String(value);
  }
  const clean = redactSecrets(stripPrivate(text));
  return clean.length > maxChars ? `${clean.slice(0, maxChars)}…[+${clean.length - maxChars} chars]` : clean;
}
