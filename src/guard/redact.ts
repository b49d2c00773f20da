import { highEntropySpans } from './entropy.js';
import { maintainedSecretSpans } from './maintained-secrets.js';
import { privateKeySpans } from './private-key.js';
import type { PatternRule } from './rule-types.js';
import { REDACT_ONLY_RULES, SECRET_RULES } from './rules/secrets.js';

interface Span {
  start: number;
  end: number;
  rule: string;
}

/**
 * Replaces every secret found with `[REDACTED:<rule>]`: all matches of every secret rule (no cap per
 * text: an env dump holds dozens), private keys as whole blocks, every key-like token. Overlapping
 * finds merge into one redaction (the maintained list's included), so a key inside a longer match is never half-kept.
 */
export function redactSecrets(text: string): string {
  const spans: Span[] = [];
  for (const rule of [...SECRET_RULES, ...REDACT_ONLY_RULES]) collect(rule, text, spans);
  for (const s of maintainedSecretSpans(text)) spans.push({ start: s.start, end: s.end, rule: s.rule });
  for (const s of privateKeySpans(text)) spans.push({ ...s, rule: 'secret.private_key' });
  for (const s of highEntropySpans(text)) spans.push({ ...s, rule: 'secret.high_entropy' });
  if (spans.length === 0) return text;
  // Longest first among equal starts: a key block wins over its own header's match.
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  let out = '';
  let last = 0;
  for (const span of spans) {
    if (span.start < last) {
      if (span.end > last) last = span.end;
      continue;
    }
    out += `${text.slice(last, span.start)}[REDACTED:${span.rule}]`;
    last = span.end;
  }
  return out + text.slice(last);
}

function collect(rule: PatternRule, text: string, spans: Span[]): void {
  if (rule.view !== 'raw') return;
  rule.pattern.lastIndex = 0;
  for (const m of text.matchAll(rule.pattern)) {
    if (m[0].length > 0) spans.push({ start: m.index, end: m.index + m[0].length, rule: rule.rule });
  }
}
