import { KeiError } from '../../core/errors.js';
import type { LearnContext } from '../context.js';
import { Invoker } from './invoker.js';
import { localDay, usageOn, type Usage } from './budget.js';
import { selectBackend, type Selection } from './select.js';

/**
 * The Invoker for this kit's config and environment; subprocess back ends run in KEI_HOME. With
 * `tolerant`, a configured back end that is missing leaves an Invoker without a model (and the
 * reason) instead of throwing, so work that needs no model still runs.
 */
export function openInvoker(
  kit: Pick<LearnContext, 'clock' | 'config' | 'db' | 'env' | 'log' | 'paths'>,
  options: { tolerant?: boolean } = {},
): Invoker {
  let selection: Selection;
  try {
    selection = selectBackend({ config: kit.config, env: kit.env, workDir: kit.paths.home });
  } catch (err) {
    if (!options.tolerant || !(err instanceof KeiError)) throw err;
    selection = { reason: err.message };
  }
  return new Invoker({
    db: kit.db,
    clock: kit.clock,
    log: kit.log,
    selection,
    budget: kit.config.budget,
    maxOutputTokens: kit.config.invoker.maxOutputTokens,
  });
}

export { Invoker } from './invoker.js';
export interface InvokerStatus {
  /** The back end that would be used, when one is. */
  backend?: string;
  reason: string;
  /** Set when the configured back end cannot work (the reason why). */
  error?: string;
  usage: Usage;
}

/** Which back end this kit would use and why, and today's usage: what `kei-skills llm` and `doctor` show. */
export function invokerStatus(kit: Pick<LearnContext, 'clock' | 'config' | 'db' | 'env' | 'log' | 'paths'>): InvokerStatus {
  const usage = usageOn(kit.db, localDay(kit.clock.now()));
  try {
    const s = selectBackend({ config: kit.config, env: kit.env, workDir: kit.paths.home });
    return { backend: s.backend?.name, reason: s.reason, usage };
  } catch (err) {
    const error = err instanceof KeiError ? err.message : String(err);
    return { reason: error, error, usage };
  }
}

export { localDay, recentCalls, usageOn } from './budget.js';
