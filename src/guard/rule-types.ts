import type { Category, Severity, Surface } from './types.js';

/** One named pattern. `view` says which text it reads: the folded view for phrases, raw for tokens. */
export interface PatternRule {
  rule: string;
  category: Category;
  severity: Severity;
  pattern: RegExp;
  view: 'folded' | 'raw';
  /** Surfaces the rule applies to; all when absent. */
  surfaces?: readonly Surface[];
  /** A match right after "never", "don't", "do not" … is advice against the act, not the act. */
  negatable?: boolean;
  /**
   * Cheap patterns that every match of `pattern` contains (each one necessary): the big pattern runs only where
   * all of them are found, so most text never pays for it — neither its matching nor its first-use compilation.
   */
  requires?: readonly RegExp[];
  /** The pattern's source and flags, readable without building it (see `rulesFingerprint`). */
  source: string;
  flags: string;
}

/** Up to `n` words of filler between two key words, linear to match (alternating disjoint classes). */
export function gap(n: number): string {
  return `(?:[^\\p{L}\\p{N}]{1,12}[\\p{L}\\p{N}'’]{1,30}){0,${n}}[^\\p{L}\\p{N}]{1,12}`;
}

export function phrase(rule: string, category: Category, severity: Severity, source: string, surfaces?: readonly Surface[]): PatternRule {
  return withLazyPattern({ rule, category, severity, view: 'folded', surfaces }, source, 'gu');
}

/** The same rule, but not counted when the text advises against the act ("never edit CLAUDE.md"). */
export function negatable(rule: PatternRule): PatternRule {
  return Object.defineProperties(
    {},
    { ...Object.getOwnPropertyDescriptors(rule), negatable: { value: true, enumerable: true } },
  ) as PatternRule;
}

/**
 * The rule, run only on text where each of `necessary` (a concept every match contains) is found first. Exact by
 * construction when each source is a part of the pattern that any match must contain; the gates are built on first use.
 */
export function requiring(rule: PatternRule, ...necessary: string[]): PatternRule {
  let gates: RegExp[] | undefined;
  const flags = rule.flags.replace('g', '');
  return Object.defineProperties(
    {},
    {
      ...Object.getOwnPropertyDescriptors(rule),
      requires: { enumerable: true, get: () => (gates ??= necessary.map((source) => new RegExp(source, flags))) },
    },
  ) as PatternRule;
}

export function token(rule: string, category: Category, severity: Severity, source: string, flags = 'g'): PatternRule {
  return withLazyPattern({ rule, category, severity, view: 'raw' }, source, flags);
}

/**
 * The rule's regular expression is built on first use: building all of them (Unicode-mode parsing)
 * cost every process that loads the guard ~5–25 ms, even a hook or command that never scans.
 */
function withLazyPattern(fields: Omit<PatternRule, 'pattern' | 'source' | 'flags'>, source: string, flags: string): PatternRule {
  let compiled: RegExp | undefined;
  return Object.defineProperty({ ...fields, source, flags }, 'pattern', {
    enumerable: true,
    get: () => (compiled ??= new RegExp(source, flags)),
  }) as PatternRule;
}
