import { packageVersion } from '../core/package-version.js';
import { rulesFingerprint, shortHash } from '../guard/index.js';

/**
 * What a memory carries (column `guard_mark`) once the guard passed it: this release, the rule set's
 * fingerprint and a hash of the content it passed. Showing memories to a new session re-scans only
 * entries whose mark is not the current one for their content, so improved rules still reach old
 * entries, a bypassed or hand-inserted entry (no mark) or one edited behind the kit's back is always
 * scanned, and an unchanged clean entry costs nothing at every session start.
 */
export function guardMarkOf(content: string): string {
  return `${packageVersion()}+${rulesFingerprint()}:${shortHash(content)}`;
}
