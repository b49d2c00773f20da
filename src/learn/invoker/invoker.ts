import type { z } from 'zod';
import type { Clock } from '../../core/clock.js';
import type { Db } from '../../core/db.js';
import { KeiError, errorMessage } from '../../core/errors.js';
import type { Logger } from '../../core/log.js';
import { redactSecrets } from '../../guard/redact.js';
import { estimateTokens, localDay, overBudget, usageOn, type Budget } from './budget.js';
import { firstValidObject } from './reply.js';
import type { Selection } from './select.js';
import type { BackendReply, Purpose } from './types.js';

export interface InvokerOptions {
  db: Db;
  clock: Clock;
  log: Logger;
  selection: Selection;
  budget: Budget;
  maxOutputTokens: number;
}

export interface AskRequest<T> {
  purpose: Purpose;
  system: string;
  prompt: string;
  schema: z.ZodType<T>;
  signal?: AbortSignal;
}

/**
 * The one door to a model. Each call is checked against the daily budget (atomically, across
 * processes), recorded in `llm_calls` with sizes, tokens, cost, duration and outcome, and its reply
 * is accepted only as JSON that validates against the purpose's contract.
 */
export class Invoker {
  constructor(private readonly options: InvokerOptions) {}

  get backendName(): string | undefined {
    return this.options.selection.backend?.name;
  }

  get available(): boolean {
    return this.options.selection.backend !== undefined;
  }

  get reason(): string {
    return this.options.selection.reason;
  }

  async ask<T>(request: AskRequest<T>): Promise<T> {
    const backend = this.options.selection.backend;
    if (!backend) throw new KeiError('invoker_unavailable', `no model available (${this.options.selection.reason})`);
    const promptChars = request.system.length + request.prompt.length;
    const id = this.reserve(backend.name, backend.model, request.purpose, promptChars);
    const started = Date.now();
    let reply: BackendReply;
    try {
      reply = await backend.call({
        system: request.system,
        prompt: request.prompt,
        maxOutputTokens: this.options.maxOutputTokens,
        signal: request.signal,
      });
    } catch (err) {
      this.finish(id, { outcome: 'error', detail: errorMessage(err).slice(0, 500), durationMs: Date.now() - started, promptChars });
      this.options.log.warn('model call failed', { backend: backend.name, purpose: request.purpose, error: errorMessage(err) });
      throw new KeiError('invoker_failed', `the ${backend.name} model call failed: ${errorMessage(err)}`);
    }
    const parsed = firstValidObject(reply.text, request.schema);
    const outcome = 'value' in parsed ? 'ok' : 'invalid';
    this.finish(id, {
      outcome,
      detail: 'error' in parsed ? parsed.error : undefined,
      durationMs: Date.now() - started,
      promptChars,
      reply,
    });
    if ('error' in parsed) {
      this.options.log.warn('model reply rejected', { backend: backend.name, purpose: request.purpose, reason: parsed.error });
      throw new KeiError('reply_invalid', `the ${request.purpose} reply was rejected: ${parsed.error}`);
    }
    return parsed.value;
  }

  /** Checks the budget and claims a row in one IMMEDIATE transaction, so parallel processes cannot overshoot. */
  private reserve(backend: string, model: string | undefined, purpose: Purpose, promptChars: number): number {
    const now = this.options.clock.now();
    const day = localDay(now);
    const refusal = this.options.db
      .transaction(() => {
        const over = overBudget(usageOn(this.options.db, day), this.options.budget, estimateTokens(promptChars));
        const outcome = over ? 'budget' : 'error';
        const info = this.options.db
          .prepare(
            `INSERT INTO llm_calls (at, day, backend, model, purpose, prompt_chars, outcome, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(now, day, backend, model ?? null, purpose, promptChars, outcome, over ?? 'in progress');
        return { over, id: Number(info.lastInsertRowid) };
      })
      .immediate();
    if (refusal.over) {
      this.options.log.warn(`daily model budget exhausted: ${refusal.over}; no ${purpose} call until tomorrow`, { purpose });
      throw new KeiError('budget_exhausted', `daily model budget exhausted: ${refusal.over}; no ${purpose} call was made`);
    }
    return refusal.id;
  }

  private finish(
    id: number,
    r: { outcome: 'ok' | 'invalid' | 'error'; detail?: string; durationMs: number; promptChars: number; reply?: BackendReply },
  ): void {
    const reply = r.reply;
    const known = reply?.inputTokens !== undefined || reply?.outputTokens !== undefined;
    const input = known ? (reply?.inputTokens ?? 0) : estimateTokens(r.promptChars);
    const output = known ? (reply?.outputTokens ?? 0) : estimateTokens(reply?.text.length ?? 0);
    this.options.db
      .prepare(
        `UPDATE llm_calls SET model = coalesce(?, model), reply_chars = ?, input_tokens = ?, output_tokens = ?, tokens_estimated = ?, cost_usd = ?,
      duration_ms = ?, outcome = ?, detail = ? WHERE id = ?`,
      )
      .run(
        reply?.model ?? null,
        reply?.text.length ?? null,
        input,
        output,
        known ? 0 : 1,
        reply?.costUsd ?? null,
        r.durationMs,
        r.outcome,
        r.detail === undefined ? null : redactSecrets(r.detail),
        id,
      );
  }
}
