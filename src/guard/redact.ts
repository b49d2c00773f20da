import { scanHighEntropy } from './entropy.js';
import { SECRET_RULES } from './rules/secrets.js';

/** Replaces every secret the guard's secret rules find with `[REDACTED:<rule>]`. */
export function redactSecrets(text: string): string {
  const spans: { start: number; end: number; rule: string }[] = [];
  for (const rule of SECRET_RULES) {
    if (rule.view !== 'raw') continue;
    rule.pattern.lastIndex = 0;
    for (const m of text.matchAll(rule.pattern)) spans.push({ start: m.index, end: m.index + m[0].length, rule: rule.rule });
  }
  for (const f of scanHighEntropy(text)) spans.push({ start: f.start, end: f.end, rule: f.rule });
  spans.sort((a, b) => a.start - b.start);
  let out = '';
  let last = 0;
  for (const span of spans) {
    if (span.start < last) continue;
    out += `${text.slice(last, span.start)}[REDACTED:${span.rule}]`;
    last = span.end;
  }
  return out + text.slice(last);
}
