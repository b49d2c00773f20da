import type { Clearance } from '../../gate/grey-zone.js';
import { judgeWrite } from '../../gate/grey-zone.js';
import { GuardBlockedError } from '../../gate/guard-blocked-error.js';
import type { LearnContext } from '../context.js';
import type { ReviewOperation } from '../contracts.js';
import { guardJudge } from '../guard-judge.js';
import type { Invoker } from '../invoker/invoker.js';
import { REVIEWER_SOURCE, fromToolsOnly, type Provenance } from './apply.js';

/** A proposal's judgement: a clearance to store it, or the block the judge asked for. */
export type Judged = Map<ReviewOperation, Clearance | GuardBlockedError>;

/**
 * Asks the model judge (config guard.judgeReview, on by default) about every proposal to add or
 * replace a memory whose guard scan is in the grey zone, before any is applied: the judge is a model
 * call, the writes are one transaction. Without a back end nothing is asked and nothing changes.
 */
export async function judgeProposals(
  kit: Pick<LearnContext, 'clock' | 'config' | 'db' | 'log'>,
  invoker: Invoker,
  ops: ReviewOperation[],
  provenance: Provenance,
  signal?: AbortSignal,
): Promise<Judged> {
  const judged: Judged = new Map();
  const judge = kit.config.guard.judgeReview ? guardJudge(invoker, kit.config.guard.judgeMaxChars, signal) : undefined;
  if (!judge) return judged;
  for (const op of ops) {
    if (op.op === 'remove' || fromToolsOnly(op.content, provenance)) continue;
    try {
      const clearance = await judgeWrite(kit, op.content, 'memory', REVIEWER_SOURCE, judge);
      if (clearance) judged.set(op, clearance);
    } catch (err) {
      if (!(err instanceof GuardBlockedError)) throw err;
      judged.set(op, err);
    }
  }
  return judged;
}
