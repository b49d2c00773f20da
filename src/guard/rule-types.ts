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
}

/** Up to `n` words of filler between two key words, linear to match (alternating disjoint classes). */
export function gap(n: number): string {
  return `(?:[^\\p{L}\\p{N}]+[\\p{L}\\p{N}'’]+){0,${n}}[^\\p{L}\\p{N}]+`;
}

export function phrase(rule: string, category: Category, severity: Severity, source: string, surfaces?: readonly Surface[]): PatternRule {
  return { rule, category, severity, pattern: new RegExp(source, 'gu'), view: 'folded', surfaces };
}

export function token(rule: string, category: Category, severity: Severity, source: string, flags = 'g'): PatternRule {
  return { rule, category, severity, pattern: new RegExp(source, flags), view: 'raw' };
}
