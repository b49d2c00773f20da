import type { Finding } from '../guard/index.js';
import { redactSecrets } from '../guard/index.js';
import { stripPrivate } from '../ledger/private.js';

/** The longest excerpt a guard event keeps (plus an ellipsis at either end): enough to recognise the write, never the write. */
export const EVENT_EXCERPT_MAX = 160;
/** How much text before the finding the excerpt shows, so the words leading into it are read too. */
const LEAD = 40;
const MARK = '[REDACTED:';

const clean = (text: string) => redactSecrets(stripPrivate(text));

/**
 * A short, printable, secret-free view of a refused write around the finding that refused it: what the
 * dashboard and `guard events` show. The anchor is the heaviest finding that is not itself a secret (the
 * injection, whose words say what the write tried to do), else the first. Secrets are redacted (and
 * <private> parts removed, as everywhere in the ledger) in the whole text before it is cut, so a cut can never
 * keep half a key the redaction would no longer recognise; whitespace runs become one space and invisible,
 * control and bidi characters are shown as \u{…}.
 */
export function eventExcerpt(text: string, findings: readonly Finding[]): string {
  const anchor = findings.find((f) => f.category !== 'secret') ?? findings[0];
  const hidden = hideSecretFindings(text, findings, anchor?.start ?? 0);
  const redacted = clean(hidden.text);
  let from = Math.max(0, positionAfterRedaction(hidden.text, redacted, hidden.anchor) - LEAD);
  from = outsideMarker(redacted, from);
  const { out, cut } = printable(redacted, from);
  return `${from > 0 ? '…' : ''}${cut ? dropHalfMarker(out) : out}${cut ? '…' : ''}`;
}

/**
 * The spans the scan itself called a secret, replaced by `[REDACTED:rule]`: some it recognises only in context
 * (a password told in words) where the redaction, which reads raw patterns, would keep them. Returns where
 * `anchor` lies in the result (the start of a hidden span that covers it).
 */
function hideSecretFindings(text: string, findings: readonly Finding[], anchor: number): { text: string; anchor: number } {
  const spans = findings.filter((f) => f.category === 'secret').sort((a, b) => a.start - b.start || b.end - a.end);
  let out = '';
  let last = 0;
  let moved: number | undefined;
  for (const span of spans) {
    if (span.end <= last) continue;
    const start = Math.max(span.start, last);
    if (moved === undefined && anchor < start) moved = out.length + (anchor - last);
    out += text.slice(last, start);
    if (moved === undefined && anchor < span.end) moved = out.length;
    out += `${MARK}${span.rule}]`;
    last = span.end;
  }
  return { text: out + text.slice(last), anchor: moved ?? out.length + (anchor - last) };
}

/**
 * Where `offset` of the original text lies in its redacted form. Redactions before it shift it by their
 * length change; a secret (or private part) that straddles it puts it at the start of that secret's redaction.
 */
function positionAfterRedaction(text: string, redacted: string, offset: number): number {
  // Most refused writes hold no secret: nothing moved, and the prefix need not be redacted again.
  if (redacted.length === text.length && redacted === text) return offset;
  const before = clean(text.slice(0, offset));
  if (redacted.startsWith(before)) return before.length;
  let i = 0;
  while (i < before.length && before.charCodeAt(i) === redacted.charCodeAt(i)) i++;
  return i;
}

/** A start inside a `[REDACTED:rule]` marker moves to the marker's start, so the excerpt names whole redactions. */
function outsideMarker(redacted: string, from: number): number {
  const open = redacted.lastIndexOf(MARK, from);
  return open >= 0 && redacted.indexOf(']', open) >= from ? open : from;
}

/** A cut through a trailing `[REDACTED:` marker would read as if a secret followed; the partial marker goes. */
function dropHalfMarker(out: string): string {
  const open = out.lastIndexOf('[');
  return open >= 0 && !out.includes(']', open) && MARK.startsWith(out.slice(open, open + MARK.length)) ? out.slice(0, open) : out;
}

/** Whitespace a table cell would lose or break on; shown as one space. */
const SPACE = /^[\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]$/u;
/**
 * Characters that render as nothing or reorder what follows: controls, format characters (zero-width, bidi,
 * tags, BOM, soft hyphen), private use, unpaired surrogates, unassigned code points, line and paragraph
 * separators, variation selectors and the blank "filler" letters.
 */
const INVISIBLE =
  /^[\p{Cc}\p{Cf}\p{Co}\p{Cs}\p{Cn}\p{Zl}\p{Zp}\u034f\u115f\u1160\u17b4\u17b5\u2800\u3164\uffa0\ufe00-\ufe0f\u{e0100}-\u{e01ef}]$/u;

/** Up to EVENT_EXCERPT_MAX printable characters of `text` from `from`; `cut` when text was left. */
function printable(text: string, from: number): { out: string; cut: boolean } {
  let out = '';
  let i = from;
  while (i < text.length) {
    const cp = text.codePointAt(i) ?? 0;
    const ch = String.fromCodePoint(cp);
    const piece = SPACE.test(ch) ? (out === '' || out.endsWith(' ') ? '' : ' ') : INVISIBLE.test(ch) ? `\\u{${cp.toString(16)}}` : ch;
    // Whole pieces only: an escape or a surrogate pair is never cut in half.
    if (out.length + piece.length > EVENT_EXCERPT_MAX) return { out: out.trimEnd(), cut: true };
    out += piece;
    i += cp > 0xffff ? 2 : 1;
  }
  return { out: out.trimEnd(), cut: false };
}
