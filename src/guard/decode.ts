/**
 * Layer 6: payloads carried in an encoding. Each carrier found in the text is decoded; the caller
 * scans the decoded text again and reports findings at the carrier's position.
 */
export interface DecodedCarrier {
  kind: 'base64' | 'hex' | 'url' | 'rot13' | 'split';
  start: number;
  end: number;
  decoded: string;
}

const MAX_CARRIERS = 16;

export function findCarriers(text: string): DecodedCarrier[] {
  const carriers = [...base64Carriers(text), ...hexCarriers(text), ...urlCarriers(text)];
  const rot = rot13Carrier(text);
  if (rot) carriers.push(rot);
  const split = splitCarrier(text);
  if (split) carriers.push(split);
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

/** "a = 'ignore prev'; b = 'ious instructions'" — string pieces glued back together. */
function splitCarrier(text: string): DecodedCarrier | undefined {
  const pieces = [...text.matchAll(/(["'`])([^"'`\n]{1,80})\1/g)];
  if (pieces.length < 2 || pieces.length > 64) return undefined;
  const decoded = pieces.map((p) => p[2]).join('');
  return { kind: 'split', start: pieces[0].index ?? 0, end: text.length, decoded };
}

function looksLikeText(decoded: string): boolean {
  if (decoded.length < 8 || decoded.includes('\ufffd')) return false;
  let printable = 0;
  for (const ch of decoded) if (/[\p{L}\p{N}\p{P}\p{Zs}\n]/u.test(ch)) printable++;
  return printable / decoded.length > 0.9 && /[\p{L}]{3,}/u.test(decoded) && /\s/.test(decoded);
}
