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

type Verdict = { rule: string; severity: Severity } | undefined;

/**
 * Layer 1: characters that hide or reorder text. Returns one finding per run of the same rule.
 * Printable ASCII is skipped a character at a time without building anything, so a long text costs
 * one pass; the rest is judged by code point with its neighbours read in place.
 */
export function scanUnicode(text: string): Finding[] {
  const findings: Finding[] = [];
  let open: Finding | undefined;
  for (let i = 0; i < text.length;) {
    const unit = text.charCodeAt(i);
    if (unit >= 0x20 && unit < 0x7f) {
      i++;
      continue;
    }
    const cp = text.codePointAt(i) ?? unit;
    const end = i + (cp > 0xffff ? 2 : 1);
    if (ordinaryLetter(cp)) {
      i = end;
      continue;
    }
    const verdict = classify(text, i, cp);
    if (verdict && open && open.rule === verdict.rule && open.end === i) open.end = end;
    else if (verdict) {
      if (findings.length >= MAX_FINDINGS) break;
      open = { rule: verdict.rule, category: 'unicode', severity: verdict.severity, start: i, end, excerpt: '' };
      findings.push(open);
    }
    i = end;
  }
  for (const f of findings) f.excerpt = excerptOf(text, Math.max(0, f.start - 12), Math.min(text.length, f.end + 12));
  return findings;
}

/** Letters and symbols of the scripts no rule below is about: skipped without a lookup. */
function ordinaryLetter(cp: number): boolean {
  if (cp >= 0xa0 && cp < 0x2000) return cp !== 0xad && cp !== 0x115f && cp !== 0x1160 && cp !== 0x180e;
  return (cp >= 0x2070 && cp < 0x2800) || (cp > 0x2800 && cp < 0x3164) || (cp > 0x3164 && cp < 0xd800);
}

/** Start of the code point before UTF-16 index i, or -1. */
function before(text: string, i: number): number {
  if (i <= 0) return -1;
  const low = text.charCodeAt(i - 1);
  return low >= 0xdc00 && low <= 0xdfff && i >= 2 && (text.charCodeAt(i - 2) & 0xfc00) === 0xd800 ? i - 2 : i - 1;
}

function pointAt(text: string, i: number): number | undefined {
  return i < 0 || i >= text.length ? undefined : text.codePointAt(i);
}

function charAt(text: string, i: number): string {
  const cp = pointAt(text, i);
  return cp === undefined ? '' : String.fromCodePoint(cp);
}

function after(text: string, i: number): number {
  const cp = text.codePointAt(i) ?? 0;
  return i + (cp > 0xffff ? 2 : 1);
}

function classify(text: string, i: number, cp: number): Verdict {
  return controlRule(cp) ?? invisibleRule(text, i, cp) ?? selectorRule(text, i, cp) ?? tagRule(text, i, cp) ?? privateUseRule(cp);
}

function controlRule(cp: number): Verdict {
  if (cp === 0x09 || cp === 0x0a || cp === 0x0d) return undefined;
  if (cp < 0x20 || cp === 0x7f || (cp >= 0x80 && cp <= 0x9f)) return { rule: 'unicode.control_char', severity: 'high' };
  if ((cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069)) return { rule: 'unicode.bidi_control', severity: 'critical' };
  if (cp >= 0xd800 && cp <= 0xdfff) return { rule: 'unicode.lone_surrogate', severity: 'medium' };
  return undefined;
}

function invisibleRule(text: string, i: number, cp: number): Verdict {
  if (cp === 0x200d || cp === 0x200c) return joinerAllowed(text, i, cp) ? undefined : { rule: 'unicode.zero_width', severity: 'high' };
  if (cp === 0x200b || cp === 0x2060 || cp === 0x180e || (cp === 0xfeff && i > 0)) return { rule: 'unicode.zero_width', severity: 'high' };
  if (cp >= 0x2061 && cp <= 0x2064) return { rule: 'unicode.invisible_operator', severity: 'high' };
  if (cp === 0x00ad) return { rule: 'unicode.soft_hyphen', severity: 'medium' };
  if (cp === 0x3164 || cp === 0x115f || cp === 0x1160 || cp === 0xffa0 || cp === 0x2800)
    return { rule: 'unicode.filler', severity: 'high' };
  return undefined;
}

/**
 * A joiner belongs to joining scripts and emoji sequences. A non-joiner is standard Persian and
 * Indic spelling, also where it touches a Latin word or punctuation inside such text ("PDF‌ها"),
 * so a lone ZWNJ within a few words of a joining-script letter is writing, not smuggling; runs of
 * invisible characters are still flagged.
 */
function joinerAllowed(text: string, i: number, cp: number): boolean {
  const prevAt = before(text, i);
  const prev = charAt(text, prevAt);
  const next = charAt(text, after(text, i));
  if (cp === 0x200d && (PICTOGRAPHIC.test(prev) || isSelector(pointAt(text, prevAt))) && PICTOGRAPHIC.test(next)) return true;
  if (JOINING_SCRIPTS.test(prev) || JOINING_SCRIPTS.test(next)) return true;
  if (cp !== 0x200c || INVISIBLE.test(prev) || INVISIBLE.test(next)) return false;
  return JOINING_SCRIPTS.test(text.slice(Math.max(0, i - NEARBY), i + NEARBY));
}

const INVISIBLE = /[\u200b-\u200f\u2060-\u2064\ufeff\u180e]/u;
const NEARBY = 24;

function isSelector(cp: number | undefined): boolean {
  return cp !== undefined && cp >= 0xfe00 && cp <= 0xfe0f;
}

function selectorRule(text: string, i: number, cp: number): Verdict {
  const basic = cp >= 0xfe00 && cp <= 0xfe0f;
  const supplement = cp >= 0xe0100 && cp <= 0xe01ef;
  if (!basic && !supplement) return undefined;
  const prevAt = before(text, i);
  const prev = pointAt(text, prevAt);
  const afterSelector = prev !== undefined && (isSelector(prev) || (prev >= 0xe0100 && prev <= 0xe01ef));
  if (afterSelector) return { rule: 'unicode.variation_selector_run', severity: 'critical' };
  const base = charAt(text, prevAt);
  if (basic && (WIDE_BASE.test(base) || /[0-9#*]/.test(base))) return undefined;
  if (supplement && /\p{Script=Han}/u.test(base)) return undefined;
  return { rule: 'unicode.variation_selector', severity: 'high' };
}

function tagRule(text: string, i: number, cp: number): Verdict {
  if (cp < 0xe0000 || cp > 0xe007f) return undefined;
  return inFlagSequence(text, i) ? undefined : { rule: 'unicode.tag_smuggling', severity: 'critical' };
}

const isTag = (cp: number | undefined) => cp !== undefined && cp >= 0xe0020 && cp <= 0xe007f;

/** Subdivision flags (🏴 + lowercase tag letters + cancel tag) are the one legitimate use of tag characters. */
function inFlagSequence(text: string, i: number): boolean {
  let start = i;
  let count = 0;
  while (isTag(pointAt(text, before(text, start))) && count++ < 8) start = before(text, start);
  if (pointAt(text, before(text, start)) !== 0x1f3f4) return false;
  let end = i;
  while (isTag(pointAt(text, after(text, end))) && count++ < 8) end = after(text, end);
  if (pointAt(text, end) !== 0xe007f) return false;
  for (let k = start; k < end; k = after(text, k)) {
    const c = text.codePointAt(k) ?? 0;
    if (!((c >= 0xe0061 && c <= 0xe007a) || (c >= 0xe0030 && c <= 0xe0039))) return false;
  }
  return true;
}

function privateUseRule(cp: number): Verdict {
  if ((cp >= 0xe000 && cp <= 0xf8ff) || cp >= 0xf0000) return { rule: 'unicode.private_use', severity: 'medium' };
  return undefined;
}
