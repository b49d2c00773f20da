import { KeiError } from '../../core/errors.js';
import type { Kit } from '../../kit.js';
import { Invoker } from './invoker.js';
import { selectBackend, type Selection } from './select.js';

/**
 * The Invoker for this kit's config and environment; subprocess back ends run in KEI_HOME. With
 * `tolerant`, a configured back end that is missing leaves an Invoker without a model (and the
 * reason) instead of throwing, so work that needs no model still runs.
 */
export function openInvoker(kit: Kit, o: { tolerant?: boolean } = {}): Invoker {
  let selection: Selection;
  try {
    selection = selectBackend({ config: kit.config, env: kit.env, workDir: kit.paths.home });
  } catch (err) {
    if (!o.tolerant || !(err instanceof KeiError)) throw err;
    selection = { reason: err.message };
  }
  return new Invoker({ db: kit.db, clock: kit.clock, log: kit.log, selection, budget: kit.config.budget, maxOutputTokens: kit.config.invoker.maxOutputTokens });
}

export { Invoker } from './invoker.js';
export { localDay, usageOn } from './budget.js';
