/**
 * Layer 6: payloads carried in an encoding. Each carrier found in the text is decoded; the caller
 * scans the decoded text again and reports findings at the carrier's position.
 */
import * as words from './decode-text.js';

export interface DecodedCarrier {
  kind: 'base64' | 'base32' | 'hex' | 'url' | 'rot13' | 'split' | 'morse' | 'binary' | words.TextCarrierKind;
  start: number;
  end: number;
  decoded: string;
}

const MAX_CARRIERS = 16;

export function findCarriers(text: string): DecodedCarrier[] {
  const carriers = [...base64Carriers(text), ...hexCarriers(text), ...urlCarriers(text)];
  const rot = rot13Carrier(text);
  if (rot) carriers.push(rot);
  carriers.push(...splitCarriers(text), ...morseCarriers(text), ...binaryCarriers(text));
  carriers.push(...words.entityCarriers(text), ...base32Carriers(text), ...words.reversedCarriers(text), ...words.hyphenCarriers(text));
  carriers.push(...words.escapeCarriers(text), ...words.spacedWordCarriers(text));
  return carriers.slice(0, MAX_CARRIERS);
}

function base64Carriers(text: string): DecodedCarrier[] {
  const out: DecodedCarrier[] = [];
  for (const m of text.matchAll(/(?<![A-Za-z0-9+/_-])[A-Za-z0-9+/_-]{16,4096}={0,2}(?![A-Za-z0-9+/_-])/g)) {
    if (!/[A-Z]/.test(m[0]) || !/[a-z]/.test(m[0])) continue;
    const decoded = Buffer.from(m[0].replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString('utf8');
    if (looksLikeText(decoded)) out.push({ kind: 'base64', start: m.index, end: m.index + m[0].length, decoded });
  }
  return out;
}

function hexCarriers(text: string): DecodedCarrier[] {
  const out: DecodedCarrier[] = [];
  for (const m of text.matchAll(/(?:\\x[0-9a-fA-F]{2}){6,}|\b(?:[0-9a-fA-F]{2}[ :]?){10,}\b/g)) {
    const hex = m[0].replace(/\\x|[ :]/g, '');
    const decoded = Buffer.from(hex, 'hex').toString('utf8');
    if (looksLikeText(decoded)) out.push({ kind: 'hex', start: m.index, end: m.index + m[0].length, decoded });
  }
  return out;
}

function urlCarriers(text: string): DecodedCarrier[] {
  const out: DecodedCarrier[] = [];
  for (const m of text.matchAll(/(?:%[0-9a-fA-F]{2}[^\s%]{0,3}){4,}/g)) {
    try {
      const decoded = decodeURIComponent(m[0]);
      out.push({ kind: 'url', start: m.index, end: m.index + m[0].length, decoded });
    } catch {
      // Not decodable: nothing hidden there that a reader would see either.
    }
  }
  return out;
}

/** Whole-text rot13 only when the text says so or reads like it (few vowels in long words). */
function rot13Carrier(text: string): DecodedCarrier | undefined {
  if (!/rot-?13/i.test(text) && !looksRotated(text)) return undefined;
  const decoded = text.replace(/[a-zA-Z]/g, (c) => {
    const base = c <= 'Z' ? 65 : 97;
    return String.fromCharCode(((c.charCodeAt(0) - base + 13) % 26) + base);
  });
  return { kind: 'rot13', start: 0, end: text.length, decoded };
}

function looksRotated(text: string): boolean {
  const words = text.match(/[a-zA-Z]{4,}/g) ?? [];
  if (words.length < 3) return false;
  const common = /\b(?:the|and|you|for|this|that|with|are|all)\b/i;
  const rotatedCommon = /\b(?:gur|naq|lbh|sbe|guvf|gung|jvgu|ner|nyy)\b/i;
  return rotatedCommon.test(text) && !common.test(text);
}

/** Payload splitting says how to put the pieces together; code that merely has strings does not. */
const ASSEMBLY_HINT = new RegExp(
  String.raw`["'${'`'}]\s*\+\s*["'${'`'}]|\]\s*\.\s*join\s*\(|\b[a-z]\s*\+\s*[a-z]\b|\bpart\s*\d|` +
    String.raw`\binterlac|\bconcatenat|\bcombine\b|\bjoin\s+(?:the|them|these)\b|\bthree\s+strings\b`,
  'i',
);

/**
 * "a = 'ignore prev'; b = 'ious instructions'" — string pieces glued back together, with and
 * without spaces, and two equal-length pieces interlaced character by character.
 */
function splitCarriers(text: string): DecodedCarrier[] {
  if (!ASSEMBLY_HINT.test(text)) return [];
  const pieces = [...text.matchAll(/(["'`“«])([^"'`“”«»\n]{1,80})["'`”»]/g)].map((p) => p[2]);
  if (pieces.length < 2 || pieces.length > 64) return [];
  const at = { kind: 'split' as const, start: text.search(/["'`“«]/), end: text.length };
  const out = [
    { ...at, decoded: pieces.join('') },
    { ...at, decoded: pieces.join(' ') },
  ];
  if (pieces.length === 2 && Math.abs(pieces[0].length - pieces[1].length) <= 1)
    out.push({ ...at, decoded: interlace(pieces[0], pieces[1]) });
  return out;
}

function interlace(a: string, b: string): string {
  let out = '';
  for (let i = 0; i < Math.max(a.length, b.length); i++) out += (a[i] ?? '') + (b[i] ?? '');
  return out;
}

const MORSE: Record<string, string> = {
  '.-': 'a',
  '-...': 'b',
  '-.-.': 'c',
  '-..': 'd',
  '.': 'e',
  '..-.': 'f',
  '--.': 'g',
  '....': 'h',
  '..': 'i',
  '.---': 'j',
  '-.-': 'k',
  '.-..': 'l',
  '--': 'm',
  '-.': 'n',
  '---': 'o',
  '.--.': 'p',
  '--.-': 'q',
  '.-.': 'r',
  '...': 's',
  '-': 't',
  '..-': 'u',
  '...-': 'v',
  '.--': 'w',
  '-..-': 'x',
  '-.--': 'y',
  '--..': 'z',
};

function morseCarriers(text: string): DecodedCarrier[] {
  const out: DecodedCarrier[] = [];
  // The last symbol may end at a quote or bracket as well as at a space or the end of the text.
  for (const m of text.matchAll(/(?:[.-]{1,5}(?: \/ | |$|(?=[^.\s/-]))){6,}/g)) {
    const decoded = m[0]
      .trim()
      .split(' / ')
      .map((word) =>
        word
          .split(' ')
          .map((c) => MORSE[c] ?? '')
          .join(''),
      )
      .join(' ');
    if (/[a-z]{3}/.test(decoded)) out.push({ kind: 'morse', start: m.index, end: m.index + m[0].length, decoded });
  }
  return out;
}

function binaryCarriers(text: string): DecodedCarrier[] {
  const out: DecodedCarrier[] = [];
  for (const m of text.matchAll(/(?:\b[01]{8}\b\s?){4,}/g)) {
    const decoded = m[0]
      .trim()
      .split(/\s+/)
      .map((b) => String.fromCharCode(parseInt(b, 2)))
      .join('');
    if (looksLikeText(decoded)) out.push({ kind: 'binary', start: m.index, end: m.index + m[0].length, decoded });
  }
  return out;
}

function looksLikeText(decoded: string): boolean {
  if (decoded.length < 8 || decoded.includes('\ufffd')) return false;
  let printable = 0;
  for (const ch of decoded) if (/[\p{L}\p{N}\p{P}\p{Zs}\n]/u.test(ch)) printable++;
  return printable / decoded.length > 0.9 && /[\p{L}]{3,}/u.test(decoded) && /\s/.test(decoded);
}

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

function base32Carriers(text: string): DecodedCarrier[] {
  const out: DecodedCarrier[] = [];
  for (const m of text.matchAll(/(?<![A-Za-z0-9])[A-Z2-7]{16,4096}={0,6}(?![A-Za-z0-9])/g)) {
    let bits = 0;
    let value = 0;
    const bytes: number[] = [];
    for (const ch of m[0].replace(/=+$/, '')) {
      value = (value << 5) | BASE32.indexOf(ch);
      bits += 5;
      if (bits >= 8) {
        bytes.push((value >>> (bits - 8)) & 0xff);
        bits -= 8;
      }
    }
    const decoded = Buffer.from(bytes).toString('utf8');
    if (looksLikeText(decoded)) out.push({ kind: 'base32', start: m.index, end: m.index + m[0].length, decoded });
    if (out.length >= 4) break;
  }
  return out;
}
