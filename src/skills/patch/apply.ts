import { KeiError } from '../../core/errors.js';
import { closestCandidate, STRATEGIES, type Span } from './strategies.js';

export interface PatchResult {
  content: string;
  strategy: string;
  replacements: number;
}

/**
 * Replaces `old` with `replacement` in `content`, trying each strategy in order; the first that
 * finds a match wins. Several matches need `replaceAll`; none gives the closest candidate.
 */
export function fuzzyReplace(content: string, old: string, replacement: string, replaceAll = false): PatchResult {
  if (old === '') throw new KeiError('patch_empty_old', 'old text is empty; give the text to replace');
  for (const strategy of STRATEGIES) {
    const spans = dedupe(strategy.find(content, old));
    if (spans.length === 0) continue;
    if (spans.length > 1 && !replaceAll) throw ambiguous(content, spans, strategy.name);
    return { content: applySpans(content, spans, replacement), strategy: strategy.name, replacements: spans.length };
  }
  throw noMatch(content, old);
}

function dedupe(spans: Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  return sorted.filter((s, i) => i === 0 || s.start >= sorted[i - 1].end);
}

function applySpans(content: string, spans: Span[], replacement: string): string {
  let out = '';
  let last = 0;
  for (const span of spans) {
    out += content.slice(last, span.start) + reindent(replacement, span.indentDelta ?? 0);
    last = span.end;
  }
  return out + content.slice(last);
}

function reindent(text: string, delta: number): string {
  if (delta === 0) return text;
  return text
    .split('\n')
    .map((line) => {
      if (line.trim() === '') return line;
      if (delta > 0) return ' '.repeat(delta) + line;
      const strip = Math.min(-delta, line.length - line.trimStart().length);
      return line.slice(strip);
    })
    .join('\n');
}

function lineOf(content: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (content.charCodeAt(i) === 10) line++;
  return line;
}

function ambiguous(content: string, spans: Span[], strategy: string): KeiError {
  const lines = spans.map((s) => lineOf(content, s.start));
  return new KeiError(
    'patch_ambiguous',
    `old text matches ${spans.length} places (lines ` +
      `${lines.join(', ')}; strategy ${strategy}); add surrounding lines to make it unique, or set replace_all`,
    { lines, strategy },
  );
}

function noMatch(content: string, old: string): KeiError {
  const best = closestCandidate(content, old);
  const hint = best
    ? ` Closest candidate at line ${best.line} (similarity ${best.similarity.toFixed(2)}):\n${best.text.slice(0, 400)}`
    : '';
  return new KeiError(
    'patch_no_match',
    `old text was not found by any strategy (exact, trimmed, whitespace, indentation, escapes, unicode, block anchor, similarity).${hint}`,
    { closest: best },
  );
}
