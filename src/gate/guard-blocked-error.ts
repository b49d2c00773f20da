import { KeiError } from '../core/errors.js';
import { redactSecrets } from '../guard/index.js';
import type { Finding, Surface } from '../guard/types.js';

/**
 * Thrown by a domain write that the guard refused. Names the rule, category and where it matched, and
 * carries the excerpt recorded in the guard event (what a person reads on the dashboard's refusal).
 */
export class GuardBlockedError extends KeiError {
  readonly findings: Finding[];

  /**
   * `judgeReason`: the model judge's reason, when a grey-zone write was judged unsafe. `excerpt`: the
   * event's redacted, printable excerpt around the finding. A finding's own excerpt is shown with its
   * secrets redacted (a secret finding's excerpt is the secret itself), so the error never repeats a key.
   */
  constructor(surface: Surface, findings: Finding[], judgeReason?: string, excerpt?: string) {
    const safe = findings.map(withoutSecret);
    const top = safe[0];
    const where = top ? ` at ${top.start}-${top.end}: "${top.excerpt}"` : '';
    const rule = top ? `${top.rule} (${top.category}, ${top.severity})` : 'guard';
    const judged = judgeReason === undefined ? '' : ` The model judge found it unsafe: ${judgeReason}.`;
    super('guard_blocked', `Blocked by the injection guard: ${rule}${where}.${judged} Nothing was stored.`, {
      surface,
      rule: top?.rule,
      category: top?.category,
      findings: safe.slice(0, 5),
      ...(excerpt === undefined ? {} : { excerpt }),
      ...(judgeReason === undefined ? {} : { judge: 'unsafe', judgeReason }),
    });
    this.name = 'GuardBlockedError';
    this.findings = safe;
  }
}

function withoutSecret(f: Finding): Finding {
  const excerpt = f.category === 'secret' ? `[REDACTED:${f.rule}]` : redactSecrets(f.excerpt);
  return excerpt === f.excerpt ? f : { ...f, excerpt };
}
