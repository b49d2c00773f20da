import type { LearnContext } from '../context.js';
import { KeiError } from '../../core/errors.js';
import { addNotice } from '../../ledger/notices.js';
import { reviewState, setReviewCursor } from '../../ledger/sessions.js';
import { reviewerReply, type ReviewOperation } from '../contracts.js';
import { clip } from '../evidence.js';
import type { Invoker } from '../invoker/invoker.js';
import { applyOperations, type AppliedOp } from './apply.js';
import { judgeProposals } from './judge-proposals.js';
import { REVIEWER_SYSTEM, reviewerPrompt } from './prompt.js';
import { readReviewWindow } from './window.js';

export interface ReviewResult {
  session: string;
  status: 'reviewed' | 'nothing-new' | 'no-transcript' | 'skipped';
  reason?: string;
  applied: AppliedOp[];
  notice?: string;
}

const WINDOW_CHARS = 24_000;
/** Failures worth retrying at the next nudge keep the cursor where it was. */
const RETRY_LATER = new Set(['budget_exhausted', 'invoker_unavailable', 'invoker_failed']);

/** One review of a session: the transcript since the last review → the model → guarded memory writes → a notice. */
export async function runReview(
  kit: Pick<LearnContext, 'clock' | 'config' | 'db' | 'log' | 'memory'>,
  invoker: Invoker,
  sessionId: string,
  signal?: AbortSignal,
): Promise<ReviewResult> {
  const session = reviewState(kit.db, sessionId);
  if (!session) throw new KeiError('session_not_found', `no session "${sessionId}" in the ledger`, { field: 'session' });
  const window = session.transcript_path ? readReviewWindow(session.transcript_path, session.review_cursor, WINDOW_CHARS) : undefined;
  if (!window) return { session: sessionId, status: 'no-transcript', reason: 'the session has no readable transcript', applied: [] };
  const advance = () => setReviewCursor(kit.db, sessionId, window.lines);
  if (!window.userText.trim()) {
    advance();
    return { session: sessionId, status: 'nothing-new', reason: 'nothing the user wrote since the last review', applied: [] };
  }
  let ops: ReviewOperation[];
  try {
    ops = await proposals(kit, invoker, window.text, signal);
  } catch (err) {
    if (!(err instanceof KeiError && RETRY_LATER.has(err.code))) advance();
    throw err;
  }
  // The model judge of grey-zone proposals runs first: a model call cannot sit inside the transaction.
  const judged = await judgeProposals(kit, invoker, ops, window, signal);
  // One transaction: the memories, their record, the notice and the cursor appear together or not at all.
  const { applied, notice } = kit.db
    .transaction(() => {
      const done = applyOperations(kit.db, kit.memory, sessionId, ops, window, kit.clock.now(), judged);
      advance();
      const text = noticeFor(done);
      if (text) addNotice(kit.db, sessionId, text, kit.clock.now());
      return { applied: done, notice: text };
    })
    .immediate();
  return { session: sessionId, status: 'reviewed', applied, notice };
}

/** The reviewer's proposed memory operations for this window, shown what is stored already. */
async function proposals(
  kit: Pick<LearnContext, 'memory'>,
  invoker: Invoker,
  text: string,
  signal?: AbortSignal,
): Promise<ReviewOperation[]> {
  const existing = kit.memory.list({ limit: 60 }).map((m) => m.content);
  const reply = await invoker.ask({
    purpose: 'review',
    system: REVIEWER_SYSTEM,
    prompt: reviewerPrompt(text, existing),
    schema: reviewerReply,
    signal,
  });
  return reply.operations;
}

/** What the user sees at the next hook: what was saved, and what the guard stopped. */
export function noticeFor(applied: AppliedOp[]): string | undefined {
  const lines: string[] = [];
  const saved = applied.filter((a) => a.outcome === 'applied');
  if (saved.length > 0) {
    const what = saved.map((a) => (a.op.op === 'remove' ? `removed "${clip(a.op.old, 67)}"` : clip(a.op.content, 67))).join('; ');
    lines.push(`💾 saved ${saved.length} ${saved.length === 1 ? 'memory' : 'memories'}: ${what}`);
  }
  const blocked = applied.filter((a) => a.outcome === 'blocked');
  if (blocked.length > 0)
    lines.push(
      `🛡️ the guard blocked ${blocked.length} proposed ${blocked.length === 1 ? 'memory' : 'memories'} (see kei-skills guard events)`,
    );
  return lines.length > 0 ? lines.join('\n') : undefined;
}
