import type { Command } from 'commander';
import { localDay, usageOn } from '../learn/invoker/budget.js';
import { selectBackend } from '../learn/invoker/select.js';
import { errorMessage } from '../core/errors.js';
import { formatTable, formatTime, printJson, printLine } from './output.js';
import { withKit } from './with-kit.js';

export function registerBudgetCommands(program: Command): void {
  program.command('llm').option('--limit <n>', 'recent calls to show', '20').option('--json')
    .description('which model back end the learning loop uses, today\'s usage against the budget, and the recent calls')
    .addHelpText('after', '\nExample:\n  KEI_INVOKER=command KEI_INVOKER_COMMAND="ollama run qwen3" kei-skills llm')
    .action((o: { limit: string; json?: boolean }) => withKit((kit) => {
      let backend: string;
      try {
        const s = selectBackend({ config: kit.config, env: kit.env, workDir: kit.paths.home });
        backend = `${s.backend?.name ?? 'none'} (${s.reason})`;
      } catch (err) {
        backend = `unavailable: ${errorMessage(err)}`;
      }
      const usage = usageOn(kit.db, localDay(kit.clock.now()));
      const calls = kit.db.prepare(`SELECT at, backend, model, purpose, prompt_chars, reply_chars, input_tokens, output_tokens, cost_usd, duration_ms, outcome, detail
        FROM llm_calls ORDER BY id DESC LIMIT ?`).all(Number(o.limit) || 20) as Record<string, unknown>[];
      if (o.json) return printJson({ backend, usage, budget: kit.config.budget, calls });
      printLine(`Back end: ${backend}`);
      printLine(`Today (${usage.day}): ${usage.calls}/${kit.config.budget.callsPerDay} calls, ${usage.tokens}/${kit.config.budget.tokensPerDay} tokens`);
      if (calls.length === 0) return printLine('No model calls recorded yet.');
      printLine();
      printLine(formatTable(['at', 'backend', 'purpose', 'tokens in/out', 'ms', 'outcome', 'detail'], calls.map((c) => [
        formatTime(c.at as number), String(c.backend), String(c.purpose), `${c.input_tokens ?? '-'}/${c.output_tokens ?? '-'}`, String(c.duration_ms ?? '-'), String(c.outcome), String(c.detail ?? '')])));
    }));
}
