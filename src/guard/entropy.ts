import { excerptOf } from './excerpt.js';
import type { Finding } from './types.js';

/** Findings the scanner reports per text: a few are enough to judge a write. */
const SCAN_LIMIT = 8;

/** Random-looking tokens (24+ chars, three character classes, high Shannon entropy): probably a key. */
export function scanHighEntropy(text: string): Finding[] {
  return highEntropySpans(text, SCAN_LIMIT).map(({ start, end }) => ({
    rule: 'secret.high_entropy',
    category: 'secret',
    severity: 'high',
    start,
    end,
    excerpt: excerptOf(text, start, end, 16),
  }));
}

/**
 * Where the key-like tokens are. Unlimited by default: redaction must find every one (an env dump
 * holds dozens), whereas judging a write needs only the first few.
 */
export function highEntropySpans(text: string, limit = Number.POSITIVE_INFINITY): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  for (const m of text.matchAll(/[A-Za-z0-9+/_\-=.]{24,200}/g)) {
    if (!isKeyLike(m[0])) continue;
    spans.push({ start: m.index, end: m.index + m[0].length });
    if (spans.length >= limit) break;
  }
  return spans;
}

function isKeyLike(s: string): boolean {
  if (/^[a-f0-9]+$/i.test(s) || /^[a-z._/-]+$/i.test(s)) return false;
  if (/[./-]{2}|\/\w+\/|\./.test(s)) return false;
  // Random keys scatter digits; long CamelCase identifiers have none or a couple.
  if ((s.match(/\d/g) ?? []).length < 3) return false;
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/].filter((r) => r.test(s)).length;
  if (classes < 3) return false;
  return shannon(s) >= 4.3;
}

export function shannon(s: string): number {
  const counts = new Map<string, number>();
  for (const ch of s) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let bits = 0;
  for (const n of counts.values()) {
    const p = n / s.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}
