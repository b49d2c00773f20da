import { KeiError } from '../core/errors.js';
import type { Finding, Surface } from '../guard/types.js';

/** Thrown by a domain write that the guard refused. Names the rule, category and where it matched. */
export class GuardBlockedError extends KeiError {
  readonly findings: Finding[];

  /** `judgeReason`: the model judge's reason, when a grey-zone write was judged unsafe. */
  constructor(surface: Surface, findings: Finding[], judgeReason?: string) {
    const top = findings[0];
    const where = top ? ` at ${top.start}-${top.end}: "${top.excerpt}"` : '';
    const rule = top ? `${top.rule} (${top.category}, ${top.severity})` : 'guard';
    const judged = judgeReason === undefined ? '' : ` The model judge found it unsafe: ${judgeReason}.`;
    super('guard_blocked', `Blocked by the injection guard: ${rule}${where}.${judged} Nothing was stored.`, {
      surface,
      rule: top?.rule,
      category: top?.category,
      findings: findings.slice(0, 5),
      ...(judgeReason === undefined ? {} : { judge: 'unsafe', judgeReason }),
    });
    this.name = 'GuardBlockedError';
    this.findings = findings;
  }
}
