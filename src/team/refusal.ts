import { hasCode } from '../core/errors.js';
import { GuardBlockedError } from '../gate/guard-blocked-error.js';

/** Why a pulled change is quarantined: the guard's rules, or `invalid` for a change that names what it may not touch. */
export function refusal(error: unknown): string | undefined {
  if (error instanceof GuardBlockedError) return [...new Set(error.findings.map((f) => f.rule))].join(', ');
  if (hasCode(error, 'team_invalid')) return 'invalid';
  return undefined;
}
