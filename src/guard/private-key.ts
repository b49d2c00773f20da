/** A private key's armour line: PEM (PKCS#1/#8, EC, DSA, encrypted), OpenSSH, PGP, SSH2 … */
const BEGIN = /-----BEGIN (?:[A-Z0-9]+ ){0,3}PRIVATE KEY(?: BLOCK)?-----/g;
const END = /-----END (?:[A-Z0-9]+ ){0,3}PRIVATE KEY(?: BLOCK)?-----/g;

/** A line break, real or escaped (tool output is often stored as JSON, where a newline is `\n`), and indentation. */
const BREAK = String.raw`(?:\r?\n|\\+r\\+n|\\+[nr])[ \t]*`;
/** A body line: base64 up to the end of the line, the text, or the JSON string that holds it. */
const LINE = String.raw`(?:[A-Za-z0-9+/=]|\\+\/)+[ \t]*(?=[\r\n"'\\]|$)`;
/** The RFC 1421 headers of an encrypted PEM key. */
const HEADER = String.raw`(?:Proc-Type|DEK-Info|Comment|Version):[^\r\n\\]*`;
/**
 * What follows a BEGIN line when no END does (output cut short): its body lines, however the line
 * breaks were written. A line that is not all base64 ends it, so prose after a cut key is kept.
 */
const BODY = new RegExp(`[ \\t]*(?:(?:${BREAK})*(?:${LINE}|${HEADER}))*`, 'y');

/** PuTTY keys keep their secret part, base64 like a PEM body, after this header. */
const PUTTY = /Private-Lines: *\d+/g;

/**
 * Every private key in the text as one span, from BEGIN through END, or through the end of the
 * key's body when the END line is missing. A key is secret in every line, not just its header: the
 * token rules see only the header and the entropy check only some body lines.
 */
export function privateKeySpans(text: string): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  if (!text.includes('PRIVATE KEY') && !text.includes('Private-Lines')) return spans;
  let endSeen = true;
  BEGIN.lastIndex = 0;
  for (let m = BEGIN.exec(text); m; m = BEGIN.exec(text)) {
    const end = endSeen ? endAfter(text, BEGIN.lastIndex) : undefined;
    // Once no END follows one BEGIN, none follows a later one either: keeps this linear.
    if (end === undefined) endSeen = false;
    const stop = end ?? bodyEnd(text, BEGIN.lastIndex);
    spans.push({ start: m.index, end: stop });
    BEGIN.lastIndex = Math.max(stop, BEGIN.lastIndex);
  }
  for (const m of text.matchAll(PUTTY)) spans.push({ start: m.index, end: bodyEnd(text, m.index + m[0].length) });
  return spans;
}

function endAfter(text: string, from: number): number | undefined {
  END.lastIndex = from;
  const m = END.exec(text);
  return m ? m.index + m[0].length : undefined;
}

function bodyEnd(text: string, from: number): number {
  BODY.lastIndex = from;
  BODY.exec(text);
  return Math.max(from, BODY.lastIndex);
}
