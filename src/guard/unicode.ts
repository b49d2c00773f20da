import { excerptOf } from './excerpt.js';
import type { Finding, Severity } from './types.js';

/** Scripts whose letters join with ZWJ/ZWNJ in ordinary writing: a joiner between them is not smuggling. */
const JOINING_SCRIPT_NAMES = [
  'Arabic',
  'Syriac',
  'Devanagari',
  'Bengali',
  'Gurmukhi',
  'Gujarati',
  'Oriya',
  'Tamil',
  'Telugu',
  'Kannada',
  'Malayalam',
  'Sinhala',
  'Myanmar',
  'Khmer',
  'Mongolian',
];
const JOINING_SCRIPTS = new RegExp(`[${JOINING_SCRIPT_NAMES.map((s) => `\\p{Script=${s}}`).join('')}]`, 'u');
const PICTOGRAPHIC = /[\p{Extended_Pictographic}\p{Emoji_Modifier}\p{Regional_Indicator}]/u;
const WIDE_BASE =
  /[\p{Extended_Pictographic}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Emoji}\u2000-\u2bff\u3000-\u303f]/u;

/** Enough to explain a verdict; a text with thousands of hidden characters is not explained better by thousands of findings. */
const MAX_FINDINGS = 32;

interface CodePoint {
  cp: number;
  index: number;
  ch: string;
}
type Verdict = { rule: string; severity: Severity } | undefined;

/** Layer 1: characters that hide or reorder text. Returns one finding per run of the same rule. */
export function scanUnicode(text: string): Finding[] {
  const points = toCodePoints(text);
  const findings: Finding[] = [];
  let open: Finding | undefined;
  points.forEach((point, i) => {
    const verdict = classify(points, i);
    const end = point.index + point.ch.length;
    if (verdict && open && open.rule === verdict.rule && open.end === point.index) {
      open.end = end;
      return;
    }
    if (!verdict || findings.length >= MAX_FINDINGS) return;
    open = { rule: verdict.rule, category: 'unicode', severity: verdict.severity, start: point.index, end, excerpt: '' };
    findings.push(open);
  });
  for (const f of findings) f.excerpt = excerptOf(text, Math.max(0, f.start - 12), Math.min(text.length, f.end + 12));
  return findings;
}

function toCodePoints(text: string): CodePoint[] {
  const out: CodePoint[] = [];
  let index = 0;
  for (const ch of text) {
    out.push({ cp: ch.codePointAt(0) ?? 0, index, ch });
    index += ch.length;
  }
  return out;
}

function classify(points: CodePoint[], i: number): Verdict {
  const cp = points[i].cp;
  if (cp >= 0x20 && cp < 0x7f) return undefined;
  return controlRule(cp) ?? invisibleRule(points, i) ?? selectorRule(points, i) ?? tagRule(points, i) ?? privateUseRule(cp);
}

function controlRule(cp: number): Verdict {
  if (cp === 0x09 || cp === 0x0a || cp === 0x0d) return undefined;
  if (cp < 0x20 || cp === 0x7f || (cp >= 0x80 && cp <= 0x9f)) return { rule: 'unicode.control_char', severity: 'high' };
  if ((cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069)) return { rule: 'unicode.bidi_control', severity: 'critical' };
  if (cp >= 0xd800 && cp <= 0xdfff) return { rule: 'unicode.lone_surrogate', severity: 'medium' };
  return undefined;
}

function invisibleRule(points: CodePoint[], i: number): Verdict {
  const cp = points[i].cp;
  if (cp === 0x200d || cp === 0x200c) return joinerAllowed(points, i) ? undefined : { rule: 'unicode.zero_width', severity: 'high' };
  if (cp === 0x200b || cp === 0x2060 || cp === 0x180e || (cp === 0xfeff && i > 0)) return { rule: 'unicode.zero_width', severity: 'high' };
  if (cp >= 0x2061 && cp <= 0x2064) return { rule: 'unicode.invisible_operator', severity: 'high' };
  if (cp === 0x00ad) return { rule: 'unicode.soft_hyphen', severity: 'medium' };
  if (cp === 0x3164 || cp === 0x115f || cp === 0x1160 || cp === 0xffa0 || cp === 0x2800)
    return { rule: 'unicode.filler', severity: 'high' };
  return undefined;
}

function joinerAllowed(points: CodePoint[], i: number): boolean {
  const prev = points[i - 1]?.ch ?? '';
  const next = points[i + 1]?.ch ?? '';
  if (points[i].cp === 0x200d && (PICTOGRAPHIC.test(prev) || isSelector(points[i - 1]?.cp)) && PICTOGRAPHIC.test(next)) return true;
  return JOINING_SCRIPTS.test(prev) || JOINING_SCRIPTS.test(next);
}

function isSelector(cp: number | undefined): boolean {
  return cp !== undefined && cp >= 0xfe00 && cp <= 0xfe0f;
}

function selectorRule(points: CodePoint[], i: number): Verdict {
  const cp = points[i].cp;
  const basic = cp >= 0xfe00 && cp <= 0xfe0f;
  const supplement = cp >= 0xe0100 && cp <= 0xe01ef;
  if (!basic && !supplement) return undefined;
  const prev = points[i - 1];
  const afterSelector = prev !== undefined && (isSelector(prev.cp) || (prev.cp >= 0xe0100 && prev.cp <= 0xe01ef));
  if (afterSelector) return { rule: 'unicode.variation_selector_run', severity: 'critical' };
  const base = prev?.ch ?? '';
  if (basic && (WIDE_BASE.test(base) || /[0-9#*]/.test(base))) return undefined;
  if (supplement && /\p{Script=Han}/u.test(base)) return undefined;
  return { rule: 'unicode.variation_selector', severity: 'high' };
}

function tagRule(points: CodePoint[], i: number): Verdict {
  const cp = points[i].cp;
  if (cp < 0xe0000 || cp > 0xe007f) return undefined;
  return inFlagSequence(points, i) ? undefined : { rule: 'unicode.tag_smuggling', severity: 'critical' };
}

/** Subdivision flags (🏴 + lowercase tag letters + cancel tag) are the one legitimate use of tag characters. */
function inFlagSequence(points: CodePoint[], i: number): boolean {
  let start = i;
  while (start > 0 && points[start - 1].cp >= 0xe0020 && points[start - 1].cp <= 0xe007f) start--;
  if (start === 0 || points[start - 1].cp !== 0x1f3f4) return false;
  let end = i;
  while (end + 1 < points.length && points[end + 1].cp >= 0xe0020 && points[end + 1].cp <= 0xe007f) end++;
  if (points[end].cp !== 0xe007f) return false;
  for (let k = start; k < end; k++) {
    const c = points[k].cp;
    if (!((c >= 0xe0061 && c <= 0xe007a) || (c >= 0xe0030 && c <= 0xe0039))) return false;
  }
  return end - start <= 7;
}

function privateUseRule(cp: number): Verdict {
  if ((cp >= 0xe000 && cp <= 0xf8ff) || cp >= 0xf0000) return { rule: 'unicode.private_use', severity: 'medium' };
  return undefined;
}
