import { excerptOf } from './excerpt.js';
import type { Finding } from './types.js';

/** Random-looking tokens (24+ chars, three character classes, high Shannon entropy): probably a key. */
export function scanHighEntropy(text: string): Finding[] {
  const findings: Finding[] = [];
  for (const m of text.matchAll(/[A-Za-z0-9+/_\-=.]{24,200}/g)) {
    const candidate = m[0];
    if (!isKeyLike(candidate)) continue;
    findings.push({
      rule: 'secret.high_entropy', category: 'secret', severity: 'high',
      start: m.index, end: m.index + candidate.length, excerpt: excerptOf(text, m.index, m.index + candidate.length, 16),
    });
    if (findings.length >= 8) break;
  }
  return findings;
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

function shannon(s: string): number {
  const counts = new Map<string, number>();
  for (const ch of s) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let bits = 0;
  for (const n of counts.values()) {
    const p = n / s.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}
