import { collapseWhitespace, dedent, unescapeText, unicodeNormalize } from './normalizers.js';
import { linesSimilarity, similarity } from './similarity.js';

/** A match is a span of the content in character offsets, plus how to re-indent the replacement. */
export interface Span {
  start: number;
  end: number;
  /** Characters of indentation to add (positive) or remove (negative) on each replacement line. */
  indentDelta?: number;
}

export interface Strategy {
  name: string;
  find(content: string, old: string): Span[];
}

interface Lines {
  lines: string[];
  /** Offset of each line start; lines[i] spans offsets[i] .. offsets[i] + lines[i].length. */
  offsets: number[];
}

function splitLines(content: string): Lines {
  const lines = content.split('\n');
  const offsets: number[] = [];
  let at = 0;
  for (const line of lines) {
    offsets.push(at);
    at += line.length + 1;
  }
  return { lines, offsets };
}

function oldLines(old: string): string[] {
  const lines = old.replace(/\r\n/g, '\n').split('\n');
  while (lines.length > 1 && lines[lines.length - 1].trim() === '') lines.pop();
  while (lines.length > 1 && lines[0].trim() === '') lines.shift();
  return lines;
}

function windowSpan(c: Lines, from: number, count: number): Span {
  const last = from + count - 1;
  return { start: c.offsets[from], end: c.offsets[last] + c.lines[last].length };
}

/** Windows of the same number of lines as `old` where `same` says the lines are equal. */
function lineWindows(content: string, old: string, same: (window: string[], target: string[]) => boolean): Span[] {
  const c = splitLines(content);
  const target = oldLines(old);
  const spans: Span[] = [];
  for (let i = 0; i + target.length <= c.lines.length; i++) {
    const window = c.lines.slice(i, i + target.length);
    if (same(window, target)) spans.push({ ...windowSpan(c, i, target.length), indentDelta: indentOf(window) - indentOf(target) });
  }
  return spans;
}

function exactAll(content: string, needle: string): Span[] {
  if (needle === '') return [];
  const spans: Span[] = [];
  for (let at = content.indexOf(needle); at >= 0; at = content.indexOf(needle, at + needle.length))
    spans.push({ start: at, end: at + needle.length });
  return spans;
}

const eqBy = (f: (s: string) => string) => (w: string[], t: string[]) => w.every((line, i) => f(line) === f(t[i]));

export const STRATEGIES: readonly Strategy[] = [
  { name: 'exact', find: (content, old) => exactAll(content, old) },
  {
    name: 'line-trimmed',
    find: (content, old) =>
      lineWindows(
        content,
        old,
        eqBy((s) => s.trim()),
      ),
  },
  {
    name: 'whitespace-collapsed',
    find: (content, old) => lineWindows(content, old, (w, t) => collapseWhitespace(w.join('\n')) === collapseWhitespace(t.join('\n'))),
  },
  { name: 'indentation-agnostic', find: indentationAgnostic },
  { name: 'escape-normalised', find: escapeNormalised },
  {
    name: 'unicode-normalised',
    find: (content, old) =>
      lineWindows(
        content,
        old,
        eqBy((s) => unicodeNormalize(s).trimEnd()),
      ),
  },
  { name: 'block-anchor', find: blockAnchor },
  { name: 'line-similarity', find: lineSimilarity },
];

/** A model sent `\n` and `\"` literally: unescape, then match exactly or line by line (CRLF files). */
function escapeNormalised(content: string, old: string): Span[] {
  const plain = unescapeText(old);
  if (plain === old) return [];
  const exact = exactAll(content, plain);
  return exact.length > 0
    ? exact
    : lineWindows(
        content,
        plain,
        eqBy((s) => s.trim()),
      );
}

function indentationAgnostic(content: string, old: string): Span[] {
  const c = splitLines(content);
  const target = oldLines(old);
  const targetDedented = dedent(target);
  const targetIndent = indentOf(target);
  const spans: Span[] = [];
  for (let i = 0; i + target.length <= c.lines.length; i++) {
    const window = c.lines.slice(i, i + target.length);
    if (dedent(window).every((line, k) => line.trimEnd() === targetDedented[k].trimEnd())) {
      spans.push({ ...windowSpan(c, i, target.length), indentDelta: indentOf(window) - targetIndent });
    }
  }
  return spans;
}

function indentOf(lines: string[]): number {
  const first = lines.find((l) => l.trim() !== '') ?? '';
  return first.length - first.trimStart().length;
}

const ANCHOR_MIDDLE_THRESHOLD = 0.7;

/** First and last lines match exactly (trimmed); the middle is similar enough. Needs 3+ lines. */
function blockAnchor(content: string, old: string): Span[] {
  const c = splitLines(content);
  const target = oldLines(old);
  if (target.length < 3) return [];
  const first = target[0].trim();
  const last = target[target.length - 1].trim();
  if (first === '' || last === '') return [];
  const spans: Span[] = [];
  for (let i = 0; i + target.length <= c.lines.length; i++) {
    const window = c.lines.slice(i, i + target.length);
    if (window[0].trim() !== first || window[window.length - 1].trim() !== last) continue;
    if (linesSimilarity(window.slice(1, -1), target.slice(1, -1)) >= ANCHOR_MIDDLE_THRESHOLD)
      spans.push({ ...windowSpan(c, i, target.length), indentDelta: indentOf(window) - indentOf(target) });
  }
  return spans;
}

const SIMILARITY_THRESHOLD = 0.9;

/** Every line similar (mean ≥ 0.9) and the best window clearly better than any other. */
function lineSimilarity(content: string, old: string): Span[] {
  const c = splitLines(content);
  const target = oldLines(old);
  if (target.length < 2) return [];
  const scored = [];
  for (let i = 0; i + target.length <= c.lines.length; i++) {
    scored.push({ i, score: linesSimilarity(c.lines.slice(i, i + target.length), target) });
  }
  const good = scored.filter((s) => s.score >= SIMILARITY_THRESHOLD);
  return good.map((s) => ({
    ...windowSpan(c, s.i, target.length),
    indentDelta: indentOf(c.lines.slice(s.i, s.i + target.length)) - indentOf(target),
  }));
}

/** The window most like `old`, for the error message when nothing matched. */
export function closestCandidate(content: string, old: string): { line: number; similarity: number; text: string } | undefined {
  const c = splitLines(content);
  const target = oldLines(old);
  let best: { line: number; similarity: number; text: string } | undefined;
  for (let i = 0; i + target.length <= c.lines.length; i++) {
    const window = c.lines.slice(i, i + target.length);
    const score = target.length === 1 ? similarity(window[0].trim(), target[0].trim()) : linesSimilarity(window, target);
    if (!best || score > best.similarity) best = { line: i + 1, similarity: score, text: window.join('\n') };
  }
  return best;
}
