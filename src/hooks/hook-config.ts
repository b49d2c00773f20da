import { readFileSync } from 'node:fs';

/** The few config keys the hook path needs, read without zod (its import costs more than a hook may take). */
export interface HookConfig {
  contextBudgetChars: number;
  promptContextChars: number;
  reviewEveryTurns: number;
}

const DEFAULTS: HookConfig = { contextBudgetChars: 8000, promptContextChars: 1500, reviewEveryTurns: 10 };

export function readHookConfig(file: string, env: NodeJS.ProcessEnv): HookConfig {
  let data: Record<string, Record<string, unknown>> = {};
  try {
    data = JSON.parse(readFileSync(file, 'utf8')) as typeof data;
  } catch {
    // Missing or broken: the CLI and doctor report a broken config; hooks keep working on defaults.
  }
  const num = (v: unknown, d: number, max: number) => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? Math.min(v, max) : d);
  const every = Number(env.KEI_REVIEW_EVERY);
  return {
    contextBudgetChars: num(data.hooks?.contextBudgetChars, DEFAULTS.contextBudgetChars, 10_000),
    promptContextChars: num(data.hooks?.promptContextChars, DEFAULTS.promptContextChars, 5000),
    reviewEveryTurns: Number.isInteger(every) && every > 0 ? every : num(data.review?.everyTurns, DEFAULTS.reviewEveryTurns, 1000),
  };
}
