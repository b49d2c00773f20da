import type { Db } from '../../core/db.js';

export interface Budget {
  callsPerDay: number;
  tokensPerDay: number;
}

export interface Usage {
  day: string;
  calls: number;
  tokens: number;
}

/** The local calendar day of a timestamp, the unit the daily budget counts in. */
export function localDay(at: number): string {
  const d = new Date(at);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export function usageOn(db: Db, day: string): Usage {
  const row = db
    .prepare(
      `SELECT count(*) AS calls, coalesce(sum(coalesce(input_tokens, 0) + coalesce(output_tokens, 0)), 0) AS tokens
    FROM llm_calls WHERE day = ? AND outcome != 'budget'`,
    )
    .get(day) as { calls: number; tokens: number };
  return { day, calls: row.calls, tokens: row.tokens };
}

/** Why another call (of about `promptTokens`) would break the budget, or undefined when it fits. */
export function overBudget(usage: Usage, budget: Budget, promptTokens: number): string | undefined {
  if (usage.calls >= budget.callsPerDay) return `${usage.calls}/${budget.callsPerDay} calls used today (budget.callsPerDay)`;
  if (usage.tokens + promptTokens > budget.tokensPerDay)
    return `${usage.tokens} of ${budget.tokensPerDay} tokens used today and this prompt needs about ${promptTokens} (budget.tokensPerDay)`;
  return undefined;
}

export const estimateTokens = (chars: number): number => Math.ceil(chars / 4);

/** The latest recorded model calls, newest first. */
export function recentCalls(db: Db, limit: number): Record<string, unknown>[] {
  return db
    .prepare(
      `SELECT at, backend, model, purpose, prompt_chars, reply_chars, input_tokens, output_tokens, cost_usd, duration_ms, outcome, detail
    FROM llm_calls ORDER BY id DESC LIMIT ?`,
    )
    .all(limit) as Record<string, unknown>[];
}
