/**
 * Carriers that rewrite the words themselves: HTML entities, text written backwards, words cut
 * by hyphens. Each decodes at most MAX_DECODED characters, so hostile input buys bounded work.
 */
import type { DecodedCarrier } from './decode.js';

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
