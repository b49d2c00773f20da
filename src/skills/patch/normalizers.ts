/** Text normalisations the fuzzy strategies compare under. */
export const collapseWhitespace = (s: string): string => s.replace(/\s+/g, ' ').trim();

export function unicodeNormalize(s: string): string {
  return s
    .normalize('NFKC')
    .replace(/[\u2018\u2019\u201a\u201b\u2032]/g, "'")
    .replace(/[\u201c\u201d\u201e\u201f\u2033]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/[\u00a0\u2007\u202f\u2009\u200a]/g, ' ')
    .replace(/\u2026/g, '...')
    .replace(/\r\n?/g, '\n');
}

/** Undo the escaping a model adds when it sends code inside a JSON string twice. */
export function unescapeText(s: string): string {
  return s.replace(
    /\\(n|t|r|"|'|\\|`)/g,
    (_m, c: string) => ({ n: '\n', t: '\t', r: '\r', '"': '"', "'": "'", '\\': '\\', '`': '`' })[c] ?? c,
  );
}

export function minIndent(lines: readonly string[]): number {
  let min = Infinity;
  for (const line of lines) {
    if (line.trim() === '') continue;
    min = Math.min(min, line.length - line.trimStart().length);
  }
  return min === Infinity ? 0 : min;
}

export function dedent(lines: readonly string[]): string[] {
  const n = minIndent(lines);
  return lines.map((l) => (l.trim() === '' ? '' : l.slice(n)));
}
