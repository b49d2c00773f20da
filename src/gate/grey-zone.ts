import { errorMessage } from '../core/errors.js';
import { scanText, type Finding, type ScanResult, type Surface } from '../guard/index.js';
import { recordGuardEvent } from '../ledger/guard-events.js';
import { eventExcerpt } from './event-excerpt.js';
import { GuardBlockedError } from './guard-blocked-error.js';
import type { GateContext } from './guard-gate.js';

/** What a judge is shown: the text and what the guard found in it. */
export interface JudgeRequest {
  text: string;
  surface: Surface;
  findings: Finding[];
}

/** A judge's answer; `unavailable` when no verdict could be had (budget spent, model failed). */
export interface JudgeVerdict {
  verdict: 'safe' | 'unsafe' | 'unavailable';
  reason: string;
}

/**
 * A second opinion on a grey-zone write, passed in by the caller (the gate cannot reach a model: learn
 * builds one on the Invoker). Must not throw; a throw counts as `unavailable`.
 */
export type GreyZoneJudge = (request: JudgeRequest) => Promise<JudgeVerdict>;

/** Proof that a judge cleared this exact text on this surface: `guardWrite` lets it through. */
export interface Clearance {
  readonly text: string;
  readonly surface: Surface;
}

/**
 * The grey zone: the guard noticed something, but nothing it is sure of. Every finding is of medium
 * severity or below (a phrase rule's weak signal, the learned layer's score), at least one is medium,
 * and none is a secret (a credential is never a matter of opinion). A high or critical finding is
 * clearly blocked; low findings alone are clearly fine.
 */
export function inGreyZone(result: ScanResult): boolean {
  const findings = result.findings;
  if (!findings.some((f) => f.severity === 'medium')) return false;
  return findings.every((f) => (f.severity === 'low' || f.severity === 'medium') && f.category !== 'secret');
}

/**
 * Asks the judge about a write when the guard's scan of it is in the grey zone, before the write.
 * Judged safe: returns a clearance for the write. Judged unsafe: records the block with the judge's
 * reason and throws GuardBlockedError. No verdict: the guard's own decides (recorded with why). Outside
 * the grey zone: returns undefined and the write is guarded as usual. Every judged write is recorded.
 */
export async function judgeWrite(
  ctx: GateContext,
  text: string,
  surface: Surface,
  caller: string,
  judge: GreyZoneJudge,
): Promise<Clearance | undefined> {
  const result = scanText(text, { surface });
  if (!inGreyZone(result)) return undefined;
  const answer = await ask(judge, { text, surface, findings: result.findings });
  const rules = [...new Set(result.findings.map((f) => f.rule))];
  const unsafe = answer.verdict === 'unsafe' || (answer.verdict === 'unavailable' && result.verdict === 'block');
  const excerpt = eventExcerpt(text, result.findings);
  const event = { surface, caller, content: text, rules, excerpt, at: ctx.clock.now(), judge: answer.verdict, judgeReason: answer.reason };
  recordGuardEvent(ctx.db, { ...event, verdict: unsafe ? 'block' : 'allow' });
  ctx.log.info('guard judge', { surface, caller, rules, judge: answer.verdict, guard: result.verdict });
  if (unsafe) throw new GuardBlockedError(surface, result.findings, answer.verdict === 'unsafe' ? answer.reason : undefined, excerpt);
  return answer.verdict === 'safe' ? { text, surface } : undefined;
}

async function ask(judge: GreyZoneJudge, request: JudgeRequest): Promise<JudgeVerdict> {
  try {
    return await judge(request);
  } catch (err) {
    return { verdict: 'unavailable', reason: errorMessage(err) };
  }
}
