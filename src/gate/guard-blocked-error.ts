import { KeiError } from '../core/errors.js';
import type { Finding, Surface } from '../guard/types.js';

/** Thrown by a domain write that the guard refused. Names the rule, category and where it matched. */
export class GuardBlockedError extends KeiError {
  readonly findings: Finding[];

  constructor(surface: Surface, findings: Finding[]) {
    const top = findings[0];
    const where = top ? ` at ${top.start}-${top.end}: "${top.excerpt}"` : '';
    const rule = top ? `${top.rule} (${top.category}, ${top.severity})` : 'guard';
    super('guard_blocked', `Blocked by the injection guard: ${rule}${where}. Nothing was stored.`, {
      surface,
      rule: top?.rule,
      category: top?.category,
      findings: findings.slice(0, 5),
    });
    this.name = 'GuardBlockedError';
    this.findings = findings;
  }
}
