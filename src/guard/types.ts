import type { PackedModel } from './learned/model.js';

export type Surface = 'memory' | 'skill' | 'context';
export type Severity = 'low' | 'medium' | 'high' | 'critical';
export type Category =
  | 'unicode'
  | 'secret'
  | 'exfiltration'
  | 'persistence'
  | 'override'
  | 'role_hijack'
  | 'prompt_leak'
  | 'fake_authority'
  | 'concealment'
  | 'obfuscation'
  | 'code_danger'
  | 'learned';

export interface Finding {
  rule: string;
  category: Category;
  severity: Severity;
  /** Offsets into the original text (UTF-16 code units), end exclusive. */
  start: number;
  end: number;
  excerpt: string;
  /** Learned layer only: its probability and the n-grams that raised it most. */
  probability?: number;
  features?: { feature: string; weight: number }[];
}

export interface ScanResult {
  verdict: 'allow' | 'block';
  score: number;
  findings: Finding[];
}

export interface ScanOptions {
  surface?: Surface;
  /** A learned model to use instead of the shipped one (evaluation retrains it per fold). */
  learnedModel?: PackedModel;
}

/** Points a finding adds to the score; a write is blocked when the score reaches the surface threshold. */
export const SEVERITY_WEIGHT: Record<Severity, number> = { low: 15, medium: 30, high: 60, critical: 100 };

/** The memory surface is strictest: anything read back into every future prompt must be clean. */
export const BLOCK_THRESHOLD: Record<Surface, number> = { memory: 40, context: 50, skill: 60 };
