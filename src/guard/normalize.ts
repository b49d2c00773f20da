/**
 * The text the phrase rules read: lower case, compatibility-folded (NFKC), accents stripped,
 * invisible characters dropped, smuggled tag characters decoded, look-alike letters mapped to
 * Latin inside mixed-script words, leetspeak undone inside words, and s p a c e d letters joined.
 * `origin[i]` is the offset in the original text of folded character i, so findings point at
 * what the user actually wrote.
 */
export interface FoldedText {
  text: string;
  origin: number[];
}

const CONFUSABLES: Record<string, string> = {
  а: 'a',
  в: 'b',
  е: 'e',
  к: 'k',
  м: 'm',
  н: 'h',
  о: 'o',
  р: 'p',
  с: 'c',
  т: 't',
  у: 'y',
  х: 'x',
  і: 'i',
  ї: 'i',
  ј: 'j',
  ѕ: 's',
  ԁ: 'd',
  ԛ: 'q',
  ԝ: 'w',
  ɡ: 'g',
  ɑ: 'a',
  ı: 'i',
  α: 'a',
  β: 'b',
  ε: 'e',
  ι: 'i',
  κ: 'k',
  ν: 'v',
  ο: 'o',
  ρ: 'p',
  τ: 't',
  υ: 'u',
  χ: 'x',
  γ: 'y',
};
const LEET: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '@': 'a', $: 's', '!': 'i' };
const DROPPED = /[\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\ufe00-\ufe0f]/u;
const LATIN_LIKE = /[\p{Script=Latin}\p{Script=Greek}]/u;

export function foldText(raw: string): FoldedText {
  const base = ASCII_ONLY.test(raw) ? { text: raw.toLowerCase(), origin: identity(raw.length) } : foldCharacters(raw);
  mapMixedScriptWords(base);
  undoLeetspeak(base);
  return joinSpacedLetters(base);
}

const ASCII_ONLY = /^[\x00-\x7f]*$/;

function identity(length: number): number[] {
  const origin = new Array<number>(length);
  for (let i = 0; i < length; i++) origin[i] = i;
  return origin;
}

function foldCharacters(raw: string): FoldedText {
  const chars: string[] = [];
  const origin: number[] = [];
  let index = 0;
  let prevLatin = false;
  for (const ch of raw) {
    const folded = foldOne(ch, ch.codePointAt(0) ?? 0, prevLatin);
    for (const out of folded) {
      chars.push(out);
      for (let unit = 0; unit < out.length; unit++) origin.push(index);
    }
    if (folded.length > 0) prevLatin = LATIN_LIKE.test(folded[folded.length - 1]);
    index += ch.length;
  }
  return { text: chars.join(''), origin };
}

function foldOne(ch: string, cp: number, prevLatin: boolean): string[] {
  if (cp >= 0xe0020 && cp <= 0xe007e) return [String.fromCharCode(cp - 0xe0000).toLowerCase()];
  if (cp >= 0xe0000 && cp <= 0xe01ef) return [];
  if (cp < 0x80) return [ch.toLowerCase()];
  // A combining mark after a Latin letter is an accent (or an evasion); in Indic scripts it is a vowel.
  if (/\p{M}/u.test(ch)) return prevLatin ? [] : [ch];
  if (DROPPED.test(ch)) return [];
  const compat = ch.normalize('NFKC');
  const decomposed = compat.normalize('NFD');
  if (LATIN_LIKE.test(decomposed[0] ?? '')) return Array.from(decomposed.replace(/\p{M}/gu, '').toLowerCase());
  return Array.from(compat.toLowerCase());
}

/** A word that mixes Latin with Cyrillic or Greek look-alikes is an evasion; a Russian word is not. */
function mapMixedScriptWords(folded: FoldedText): void {
  folded.text = folded.text.replace(/[\p{L}\p{N}]+/gu, (word) => {
    if (!/[a-z]/.test(word) || !/[\p{Script=Cyrillic}\p{Script=Greek}ıɡɑ]/u.test(word)) return word;
    return Array.from(word, (c) => CONFUSABLES[c] ?? c).join('');
  });
}

/** Names with digits that are not leetspeak: "base64" must stay "base64" for the rules that look for it. */
const TECHNICAL = new RegExp(
  String.raw`^(?:base(?:16|32|58|64|85)|rot13|utf(?:8|16|32)|sha(?:1|224|256|384|512)|md[45]|ipv[46]|x86|x64|` +
    String.raw`arm64|aarch64|h26[45]|mp[34]|win(?:32|64)|i18n|l10n|k8s|s3|ec2|es\d{1,4}|py3|node\d{1,2})$`,
);

/** Only inside words that already have letters, so "v2", "24.04" and "$HOME" keep their meaning. */
function undoLeetspeak(folded: FoldedText): void {
  folded.text = folded.text.replace(/[a-z0-9@$!]+/g, (word) => {
    const letters = word.replace(/[^a-z]/g, '').length;
    if (letters < 2 || letters === word.length || (/^\d/.test(word) && letters < 3)) return word;
    // Without a digit it is an email (x@y), a variable ($TOKEN) or punctuation, not leetspeak.
    if (!/\d/.test(word)) return word;
    if (/^[0-9a-f]+$/.test(word) || TECHNICAL.test(word)) return word;
    return Array.from(word, (c) => LEET[c] ?? c).join('');
  });
}

/** "i g n o r e" or "i.g.n.o.r.e" → "ignore" (four or more single letters in a row). */
function joinSpacedLetters(folded: FoldedText): FoldedText {
  const pattern = /(?<![a-z])[a-z](?:[ ._\-*]{1,2}[a-z](?![a-z])){3,}/g;
  if (!pattern.test(folded.text)) return folded;
  pattern.lastIndex = 0;
  const chars: string[] = [];
  const origin: number[] = [];
  let last = 0;
  for (const match of folded.text.matchAll(pattern)) {
    copyRange(folded, last, match.index, chars, origin);
    for (let k = match.index; k < match.index + match[0].length; k++) {
      if (/[a-z]/.test(folded.text[k])) {
        chars.push(folded.text[k]);
        origin.push(folded.origin[k]);
      }
    }
    last = match.index + match[0].length;
  }
  copyRange(folded, last, folded.text.length, chars, origin);
  return { text: chars.join(''), origin };
}

function copyRange(src: FoldedText, from: number, to: number, chars: string[], origin: number[]): void {
  for (let k = from; k < to; k++) {
    chars.push(src.text[k]);
    origin.push(src.origin[k]);
  }
}
