import { GITLEAKS_RULES } from './rules/gitleaks.generated.js';
import { ALL_RULES } from './rules/index.js';
import { BLOCK_THRESHOLD, SEVERITY_WEIGHT } from './types.js';

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

/** cyrb53: a fast 53-bit string hash, enough to tell two texts apart by accident (not an adversary). */
export function shortHash(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}
