import type { Severity } from './types.js';

/** A pattern translated from a maintained rule list (see scripts/gen-secret-rules.js). */
export interface MaintainedPattern {
  source: string;
  flags: string;
}

/** What a match must not be to count: gitleaks' allowlists, read against the secret, the match or its line. */
export interface MaintainedAllowlist {
  target: 'secret' | 'match' | 'line';
  regexes: readonly MaintainedPattern[];
  stopwords: readonly string[];
}

/** One rule of a maintained secret list, as data: compiled on first use, run only when a keyword is present. */
export interface MaintainedRule extends MaintainedPattern {
  id: string;
  severity: Severity;
  /** Lower-case words one of which the text must contain for the rule to run. */
  keywords: readonly string[];
  /** Minimum Shannon entropy (bits per character) of the secret; 0 for none. */
  entropy: number;
  /** Which capture group holds the secret; 0 for the first that matched, or the whole match. */
  secretGroup: number;
  allow: readonly MaintainedAllowlist[];
}
