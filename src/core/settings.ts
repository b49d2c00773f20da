/**
 * Defaults and bounds of the settings read on more than one path, written once. Zod-free on purpose:
 * the hook path reads these without paying for zod's import, while config.ts builds its zod schema
 * from the same numbers, so the kit and the hooks can never disagree about a default or a range.
 */
export interface NumberSetting {
  readonly default: number;
  readonly min: number;
  readonly max: number;
  readonly integer: boolean;
}

const int = (defaultValue: number, min: number, max: number): NumberSetting => ({ default: defaultValue, min, max, integer: true });

export const SETTINGS = {
  memory: {
    maxEntryChars: int(4000, 50, 100_000),
    searchLimit: int(10, 1, 200),
    /** How many of the newest all-words matches a search ranks. */
    rankWindow: int(100, 10, 10_000),
  },
  hooks: {
    contextBudgetChars: int(8000, 0, 10_000),
    promptContextChars: int(1500, 0, 5000),
  },
  review: {
    /** 0 turns the reviewer off. */
    everyTurns: int(10, 0, 1000),
  },
  guard: {
    /** Longest text the model judge of grey-zone writes is shown; the rest is cut (and said to be). */
    judgeMaxChars: int(6000, 200, 100_000),
  },
} as const;

/**
 * Who asks the model judge about a grey-zone write (a model back end must be configured too). Off for
 * the agent's own memory_add (a model call on the write path of every session); on for the reviewer's
 * proposals and tap installs, which already run away from the user's turn.
 */
export const JUDGE_DEFAULTS = { judgeMemoryAdd: false, judgeReview: true, judgeTaps: true } as const;

/** Environment variables that override a config key: [variable, [section, key]]. */
export const ENV_OVERRIDES: readonly (readonly [string, readonly [string, string]])[] = [
  ['KEI_INVOKER', ['invoker', 'backend']],
  ['KEI_INVOKER_COMMAND', ['invoker', 'command']],
  ['KEI_INVOKER_MODEL', ['invoker', 'model']],
  ['KEI_CLAUDE_BIN', ['invoker', 'claudeBin']],
  ['KEI_REVIEW_EVERY', ['review', 'everyTurns']],
  ['KEI_GUARD_JUDGE_MEMORY', ['guard', 'judgeMemoryAdd']],
  ['KEI_GUARD_JUDGE_REVIEW', ['guard', 'judgeReview']],
  ['KEI_GUARD_JUDGE_TAPS', ['guard', 'judgeTaps']],
  ['KEI_GUARD_JUDGE_MAX_CHARS', ['guard', 'judgeMaxChars']],
  ['KEI_BUDGET_CALLS', ['budget', 'callsPerDay']],
  ['KEI_BUDGET_TOKENS', ['budget', 'tokensPerDay']],
  ['KEI_MCP_MAX_SESSIONS', ['mcp', 'httpMaxSessions']],
  ['KEI_MCP_SESSION_IDLE_MS', ['mcp', 'httpSessionIdleMs']],
  ['KEI_MCP_MAX_LINE_BYTES', ['mcp', 'stdioMaxLineBytes']],
];

/** The environment variable that overrides `section.key`, if any. */
export function envNameFor(section: string, key: string): string | undefined {
  return ENV_OVERRIDES.find(([, [s, k]]) => s === section && k === key)?.[0];
}

/** Why a value does not fit its setting (the same words zod would use), or undefined when it fits. */
export function numberProblem(setting: NumberSetting, value: unknown): string | undefined {
  if (typeof value !== 'number' || !Number.isFinite(value)) return 'expected a number';
  if (setting.integer && !Number.isInteger(value)) return 'expected an integer';
  if (value < setting.min) return `too small: expected >= ${setting.min}`;
  if (value > setting.max) return `too big: expected <= ${setting.max}`;
  return undefined;
}
