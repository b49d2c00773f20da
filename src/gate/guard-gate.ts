import type { Clock } from '../core/clock.js';
import type { Db } from '../core/db.js';
import { KeiError } from '../core/errors.js';
import type { Logger } from '../core/log.js';
import { eventExcerpt } from './event-excerpt.js';
import { GuardBlockedError } from './guard-blocked-error.js';
import type { Clearance } from './grey-zone.js';
import { scanText, type Surface } from '../guard/index.js';
import { recordGuardEvent } from '../ledger/guard-events.js';

export interface GateContext {
  db: Db;
  clock: Clock;
  log: Logger;
  env?: NodeJS.ProcessEnv;
}

/**
 * The one door every write of outside text passes: scans it on its surface and throws
 * `GuardBlockedError` (recording the attempt) when the guard says block. The documented bypass
 * needs both `KEI_MEMORY_SKIP_GUARD=1` and a reason, and is itself recorded. Says which of the two let it through.
 * A clearance from `judgeWrite` for this very text (a model judge found the grey-zone write safe, recorded there) lets it through.
 */
export function guardWrite(
  ctx: GateContext,
  text: string,
  surface: Surface,
  caller: string,
  clearance?: Clearance,
): 'clean' | 'bypassed' | 'judged' {
  if (clearance && clearance.text === text && clearance.surface === surface) return 'judged';
  const env = ctx.env ?? process.env;
  const result = scanText(text, { surface });
  if (result.verdict === 'allow') return 'clean';
  const rules = [...new Set(result.findings.map((f) => f.rule))];
  const reason = bypassReason(env);
  const excerpt = eventExcerpt(text, result.findings);
  const event = { surface, caller, content: text, rules, excerpt, at: ctx.clock.now() };
  if (reason !== undefined) {
    recordGuardEvent(ctx.db, { ...event, verdict: 'bypass', reason });
    ctx.log.warn('guard bypassed by KEI_MEMORY_SKIP_GUARD', { surface, caller, rules, reason });
    return 'bypassed';
  }
  recordGuardEvent(ctx.db, { ...event, verdict: 'block' });
  ctx.log.info('guard blocked a write', { surface, caller, rules });
  throw new GuardBlockedError(surface, result.findings, undefined, excerpt);
}

function bypassReason(env: NodeJS.ProcessEnv): string | undefined {
  if (env.KEI_MEMORY_SKIP_GUARD !== '1') return undefined;
  const reason = env.KEI_MEMORY_SKIP_GUARD_REASON?.trim();
  if (!reason) {
    throw new KeiError(
      'guard_bypass_refused',
      'KEI_MEMORY_SKIP_GUARD=1 needs KEI_MEMORY_SKIP_GUARD_REASON="why" as well; nothing was stored.',
    );
  }
  return reason;
}
