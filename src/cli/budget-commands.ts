import type { Command } from 'commander';
import { invokerStatus, recentCalls } from '../learn/invoker/index.js';
import { formatTable, formatTime, printJson, printLine } from './output.js';
import { withKit } from './with-kit.js';

export function registerBudgetCommands(program: Command): void {
  registerLlm(program);
}

function registerLlm(program: Command): void {
  program
    .command('llm')
    .option('--limit <n>', 'recent calls to show', '20')
    .option('--json')
    .description("which model back end the learning loop uses, today's usage against the budget, and the recent calls")
    .addHelpText('after', '\nExample:\n  KEI_INVOKER=command KEI_INVOKER_COMMAND="ollama run qwen3" kei-skills llm')
    .action((options: { limit: string; json?: boolean }) =>
      withKit((kit) => {
        const status = invokerStatus(kit);
        const backend = status.error ? `unavailable: ${status.error}` : `${status.backend ?? 'none'} (${status.reason})`;
        const usage = status.usage;
        const calls = recentCalls(kit.db, Number(options.limit) || 20);
        if (options.json) return printJson({ backend, usage, budget: kit.config.budget, calls });
        printLine(`Back end: ${backend}`);
        printLine(
          `Today (${usage.day}): ${usage.calls}/${kit.config.budget.callsPerDay} calls, ${usage.tokens}/${kit.config.budget.tokensPerDay} tokens`,
        );
        if (calls.length === 0) return printLine('No model calls recorded yet.');
        printLine();
        printLine(
          formatTable(
            ['at', 'backend', 'purpose', 'tokens in/out', 'ms', 'outcome', 'detail'],
            calls.map((c) => [
              formatTime(c.at as number),
              String(c.backend),
              String(c.purpose),
              `${c.input_tokens ?? '-'}/${c.output_tokens ?? '-'}`,
              String(c.duration_ms ?? '-'),
              String(c.outcome),
              String(c.detail ?? ''),
            ]),
          ),
        );
      }),
    );
}
