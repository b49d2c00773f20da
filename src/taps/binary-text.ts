/** Control characters (tab, newlines and form feed aside), NULs and replacement characters: the gaps between text runs. */
const GAPS = /[\u0000-\u0008\u000e-\u001f\u007f\ufffd]+/g;

/**
 * The readable parts of a file holding NUL bytes, as a model or an interpreter could see them: UTF-8
 * text runs, plus UTF-16 when the bytes look like it (a BOM, or NULs in every other byte), since a
 * script or a prompt can hide there as well as in plain text.
 */
export function textOfBinary(buf: Buffer): string {
  const parts = [buf.toString('utf8').replace(GAPS, '\n')];
  if (looksUtf16(buf, 0)) parts.push(buf.toString('utf16le').replace(GAPS, '\n'));
  if (looksUtf16(buf, 1)) parts.push(buf.subarray(1).toString('utf16le').replace(GAPS, '\n'));
  return parts.join('\n');
}

/** A BOM, or at least a quarter of the bytes at the odd (little-endian) or even (big-endian) positions are 0. */
function looksUtf16(buf: Buffer, shift: 0 | 1): boolean {
  if (shift === 0 && buf[0] === 0xff && buf[1] === 0xfe) return true;
  if (shift === 1 && buf[0] === 0xfe && buf[1] === 0xff) return true;
  let zeros = 0;
  for (let i = 1 - shift; i < buf.length; i += 2) if (buf[i] === 0) zeros++;
  return zeros >= buf.length / 8;
}
