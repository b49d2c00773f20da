import { findCarriers } from './decode.js';
import { scanHighEntropy } from './entropy.js';
import { excerptOf } from './excerpt.js';
import { scanMaintainedSecrets } from './maintained-secrets.js';
import { deepWindows } from './long-text.js';
import { scanLearned } from './learned/layer.js';
import { foldText, type FoldedText } from './normalize.js';
import type { PatternRule } from './rule-types.js';
import { ALL_RULES } from './rules/index.js';
import { scanUnicode } from './unicode.js';
import { BLOCK_THRESHOLD, SEVERITY_WEIGHT, type Finding, type ScanOptions, type ScanResult, type Surface } from './types.js';

/** Up to this length the text is one window; longer text is read whole through `deepWindows`. */
const SINGLE_WINDOW = 40 * 1024;
const MATCHES_PER_RULE = 4;

/** Scans text that is about to be stored or shown to a model. Pure, never throws, linear in input size. */
export function scanText(input: unknown, options: ScanOptions = {}): ScanResult {
  const surface = options.surface ?? 'memory';
  const text = asText(input);
  const findings = scanWhole(text, surface);
  findings.push(...scanLearned(text, surface, options.learnedModel));
  return judge(findings, surface);
}

/** Every character is read: short text in one window; long text by `deepWindows`, linear at any size. */
function scanWhole(text: string, surface: Surface): Finding[] {
  // Invisible characters anywhere, in one pass; rules and decoders where the sieve sends them.
  const findings = scanUnicode(text);
  if (text.length <= SINGLE_WINDOW) return [...findings, ...scanWindow(text, surface)];
  const seen = new Set<string>();
  for (const w of deepWindows(text)) {
    for (const f of scanWindow(text.slice(w.start, w.end), surface)) {
      const key = `${f.rule}@${f.start + w.start}`;
      if (seen.has(key)) continue;
      seen.add(key);
      findings.push(shift(f, w.start));
    }
  }
  return findings;
}

function scanWindow(text: string, surface: Surface): Finding[] {
  const folded = foldText(text);
  const direct = [...runRules(text, folded, surface), ...scanMaintainedSecrets(text), ...scanHighEntropy(text)];
  const seen = new Set(direct.map((f) => f.rule));
  for (const carrier of findCarriers(text)) {
    for (const inner of runRules(carrier.decoded, foldText(carrier.decoded), surface)) {
      if (seen.has(inner.rule)) continue;
      seen.add(inner.rule);
      direct.push({
        ...inner,
        rule: `obfuscation.${carrier.kind}:${inner.rule}`,
        start: carrier.start,
        end: carrier.end,
        excerpt: excerptOf(text, carrier.start, carrier.end),
      });
    }
  }
  return direct;
}

function runRules(raw: string, folded: FoldedText, surface: Surface): Finding[] {
  const findings: Finding[] = [];
  for (const rule of ALL_RULES) {
    if (rule.surfaces && !rule.surfaces.includes(surface)) continue;
    collectMatches(rule, raw, folded, findings);
  }
  return findings;
}

function collectMatches(rule: PatternRule, raw: string, folded: FoldedText, out: Finding[]): void {
  const subject = rule.view === 'folded' ? folded.text : raw;
  if (rule.requires && !rule.requires.every((gate) => gate.test(subject))) return;
  rule.pattern.lastIndex = 0;
  let count = 0;
  for (const m of subject.matchAll(rule.pattern)) {
    if (rule.negatable && isNegated(subject, m.index)) continue;
    const [start, end] = rule.view === 'folded' ? mapSpan(folded, m.index, m.index + m[0].length) : [m.index, m.index + m[0].length];
    out.push({ rule: rule.rule, category: rule.category, severity: rule.severity, start, end, excerpt: excerptOf(raw, start, end) });
    if (++count >= MATCHES_PER_RULE) break;
  }
}

const NEGATION = /\b(?:never|not|don't|dont|do not|no need to|avoid|without)\s+(?:\S+\s+)?$/;

function isNegated(subject: string, index: number): boolean {
  return NEGATION.test(subject.slice(Math.max(0, index - 28), index));
}

function mapSpan(folded: FoldedText, start: number, end: number): [number, number] {
  const from = folded.origin[start] ?? 0;
  const last = folded.origin[Math.max(start, end - 1)] ?? from;
  return [from, last + 1];
}

function judge(all: Finding[], surface: Surface): ScanResult {
  const findings = dropOverlapsWithinCategory(all);
  const strongest = new Map<string, number>();
  for (const f of findings) strongest.set(f.rule, Math.max(strongest.get(f.rule) ?? 0, SEVERITY_WEIGHT[f.severity]));
  let score = 0;
  for (const weight of strongest.values()) score += weight;
  score = Math.min(100, score);
  const critical = findings.some((f) => f.severity === 'critical');
  const verdict = critical || score >= BLOCK_THRESHOLD[surface] ? 'block' : 'allow';
  // Among equally heavy findings a rule comes before the learned layer: it names what the text does, where the
  // layer can only name the words that raised its score, so the error a user reads explains itself.
  const learnedLast = (f: Finding) => (f.category === 'learned' ? 1 : 0);
  findings.sort(
    (a, b) => SEVERITY_WEIGHT[b.severity] - SEVERITY_WEIGHT[a.severity] || learnedLast(a) - learnedLast(b) || a.start - b.start,
  );
  return { verdict, score, findings };
}

/** Two rules of one category matching the same words are one signal, not two: keep the heavier. */
function dropOverlapsWithinCategory(findings: Finding[]): Finding[] {
  const sorted = [...findings].sort((a, b) => SEVERITY_WEIGHT[b.severity] - SEVERITY_WEIGHT[a.severity] || a.start - b.start);
  const kept: Finding[] = [];
  for (const f of sorted) {
    const twin = kept.find((k) => k.category === f.category && k.rule !== f.rule && k.start < f.end && f.start < k.end);
    if (!twin) kept.push(f);
  }
  return kept;
}

function asText(input: unknown): string {
  if (typeof input === 'string') return input;
  if (input === null || input === undefined) return '';
  if (input instanceof Uint8Array) return Buffer.from(input).toString('utf8');
  try {
    return typeof input === 'object' ? (JSON.stringify(input) ?? '') : String(input);
  } catch {
    return '';
  }
}

function shift(f: Finding, offset: number): Finding {
  return offset === 0 ? f : { ...f, start: f.start + offset, end: f.end + offset };
}
