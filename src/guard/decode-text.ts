/**
 * Carriers that rewrite the words themselves: HTML entities, text written backwards, words cut
 * by hyphens. Each decodes at most MAX_DECODED characters, so hostile input buys bounded work.
 */
import type { DecodedCarrier } from './decode.js';

export type TextCarrierKind = 'entities' | 'reversed' | 'hyphenated' | 'escaped' | 'spaced';

const MAX_DECODED = 8192;
const NAMED_ENTITIES: Record<string, string> = {
  lt: '<',
  gt: '>',
  amp: '&',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  sol: '/',
  colon: ':',
  period: '.',
  comma: ',',
};

/** Text written as HTML entities (named and numeric), at least four in a run or a third of the text. */
export function entityCarriers(text: string): DecodedCarrier[] {
  const count = (text.match(/&(?:#\d{1,7}|#x[0-9a-f]{1,6}|[a-z]{2,8});/gi) ?? []).length;
  if (count < 4) return [];
  const decoded = text.slice(0, MAX_DECODED).replace(/&(#\d{1,7}|#x[0-9a-f]{1,6}|[a-z]{2,8});/gi, (whole, body: string) => {
    if (body[0] !== '#') return NAMED_ENTITIES[body.toLowerCase()] ?? whole;
    const cp = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
    return cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : '';
  });
  return [{ kind: 'entities', start: 0, end: text.length, decoded }];
}

/** Text written backwards, when it says so or reads like it (common words reversed, none forwards). */
export function reversedCarriers(text: string): DecodedCarrier[] {
  const hinted = /\b(?:revers|backwards?|right[- ]to[- ]left)/i.test(text);
  const backwards = (text.match(/\b(?:eht|dna|uoy|ruoy|siht|taht|lla|snoitcurtsni|erongi|suoiverp|dnes|tpmorp)\b/gi) ?? []).length;
  const forwards = (text.match(/\b(?:the|and|you|your|this|that|all|instructions|ignore|previous|send|prompt)\b/gi) ?? []).length;
  if (!hinted && backwards < forwards + 2) return [];
  const decoded = Array.from(text.slice(0, MAX_DECODED)).reverse().join('');
  const out: DecodedCarrier[] = [{ kind: 'reversed', start: 0, end: text.length, decoded }];
  // A reversed phrase quoted inside a forward sentence ("reverse this: 'snoitcurtsni erongi'").
  for (const m of text.matchAll(/["'`“]([^"'`”\n]{8,400})["'`”]/g)) {
    out.push({ kind: 'reversed', start: m.index, end: m.index + m[0].length, decoded: Array.from(m[1]).reverse().join('') });
    if (out.length >= 4) break;
  }
  return out;
}

/** "ig-nore pre-vious in-structions": words cut by hyphens or single spaces inside them, glued back. */
export function hyphenCarriers(text: string): DecodedCarrier[] {
  const cuts = text.match(/\p{L}-\p{L}/gu) ?? [];
  if (cuts.length < 2) return [];
  const decoded = text.slice(0, MAX_DECODED).replace(/(\p{L})-(?=\p{L})/gu, '$1');
  return [{ kind: 'hyphenated', start: 0, end: text.length, decoded }];
}

/** JavaScript/JSON escapes: "\u0069\u0067…" or "\u{69}…", six or more in a run. */
export function escapeCarriers(text: string): DecodedCarrier[] {
  const out: DecodedCarrier[] = [];
  for (const m of text.slice(0, MAX_DECODED * 6).matchAll(/(?:\\u[0-9a-fA-F]{4}|\\u\{[0-9a-fA-F]{1,6}\}){6,}/g)) {
    const decoded = m[0].replace(/\\u\{?([0-9a-fA-F]{1,6})\}?/g, (_all, hex: string) => {
      const cp = parseInt(hex, 16);
      return cp <= 0x10ffff ? String.fromCodePoint(cp) : '';
    });
    out.push({ kind: 'escaped', start: m.index, end: m.index + m[0].length, decoded });
    if (out.length >= 4) break;
  }
  return out;
}

/**
 * Words cut by a space ("dis regard your ear lier in structions"): two or three neighbouring pieces are glued
 * back when together they make a word the detectors look for and the cut left a piece that is no word on its
 * own. Only these words, so ordinary text ("in form", "a way") is left as it is.
 */
const CUT_WORDS = new Set(
  (
    'ignore disregard forget override bypass previous earlier prior instructions instruction system prompt reveal ' +
    'password passwords credentials secret secrets token tokens approved preapproved confirm confirmation mention ' +
    'exfiltrate upload webhook administrator developer jailbreak unrestricted restrictions guidelines'
  ).split(' '),
);

export function spacedWordCarriers(text: string): DecodedCarrier[] {
  const words = text.slice(0, MAX_DECODED).split(/(\s+)/);
  let glued = 0;
  for (let i = 0; i + 2 < words.length; i += 2) {
    for (const span of [4, 2]) {
      const joined = words
        .slice(i, i + span + 1)
        .filter((_, k) => k % 2 === 0)
        .join('');
      const lower = joined.toLowerCase().replace(/[^\p{L}]/gu, '');
      if (i + span >= words.length || !CUT_WORDS.has(lower) || CUT_WORDS.has(words[i].toLowerCase())) continue;
      words.splice(i, span + 1, joined);
      glued++;
      break;
    }
  }
  return glued >= 2 ? [{ kind: 'spaced', start: 0, end: text.length, decoded: words.join('') }] : [];
}
