/** A short, printable view of a finding's span: control and invisible characters shown as \u{…}. */
export function excerptOf(text: string, start: number, end: number, max = 80): string {
  const slice = text.slice(start, Math.min(end, start + max));
  let out = '';
  for (const ch of slice) {
    const cp = ch.codePointAt(0) ?? 0;
    out += isPrintable(cp) ? ch : `\\u{${cp.toString(16)}}`;
  }
  return end - start > max ? `${out}…` : out;
}

function isPrintable(cp: number): boolean {
  if (cp < 0x20 || (cp >= 0x7f && cp <= 0x9f)) return false;
  if (cp >= 0x200b && cp <= 0x200f) return false;
  if (cp >= 0x202a && cp <= 0x202e) return false;
  if (cp >= 0x2060 && cp <= 0x206f) return false;
  if (cp >= 0xe0000 && cp <= 0xe007f) return false;
  if (cp === 0xfeff || cp === 0xad) return false;
  return !(cp >= 0xd800 && cp <= 0xdfff);
}
