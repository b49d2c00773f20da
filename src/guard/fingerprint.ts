import { GITLEAKS_RULES } from './rules/gitleaks.generated.js';
import { ALL_RULES } from './rules/index.js';
import { shortHash } from './short-hash.js';
import { BLOCK_THRESHOLD, SEVERITY_WEIGHT } from './types.js';

export { shortHash };

let fingerprint: string | undefined;

/**
 * A short hash of everything in the rule set that decides a verdict: every rule's name, category,
 * severity, view, surfaces and pattern source, the weights and the thresholds. Text scanned clean
 * under one fingerprint need not be scanned again until it changes. Built from the sources, so no
 * pattern is compiled for it.
 */
export function rulesFingerprint(): string {
  fingerprint ??= shortHash(
    JSON.stringify({
      rules: ALL_RULES.map((r) => [r.rule, r.category, r.severity, r.view, r.surfaces ?? null, r.negatable ?? false, r.source, r.flags]),
      maintained: GITLEAKS_RULES,
      weights: SEVERITY_WEIGHT,
      thresholds: BLOCK_THRESHOLD,
    }),
  );
  return fingerprint;
}
