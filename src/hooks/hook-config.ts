import { readFileSync } from 'node:fs';
import { envNameFor, numberProblem, SETTINGS, type NumberSetting } from '../core/settings.js';

/** The few config keys the hook path needs, read without zod (its import costs more than a hook may take). */
export interface HookConfig {
  contextBudgetChars: number;
  promptContextChars: number;
  reviewEveryTurns: number;
  /** Values the kit would refuse: the hook uses the default instead (it must not fail) and logs these. */
  problems: string[];
}

type Sections = Record<string, Record<string, unknown> | undefined>;

/** Same file, same environment, same defaults and bounds as the kit's `loadConfig` + `withEnvOverrides`. */
export function readHookConfig(file: string, env: NodeJS.ProcessEnv): HookConfig {
  let data: Sections = {};
  try {
    data = JSON.parse(readFileSync(file, 'utf8')) as Sections;
  } catch {
    // Missing or broken: the CLI and doctor report a broken config; hooks keep working on defaults.
  }
  const problems: string[] = [];
  const read = (section: string, key: string, setting: NumberSetting): number => {
    const envName = envNameFor(section, key);
    const fromEnv = envName && env[envName] !== undefined && env[envName] !== '' ? Number(env[envName]) : undefined;
    const value = fromEnv ?? data?.[section]?.[key];
    if (value === undefined) return setting.default;
    const problem = numberProblem(setting, value);
    if (problem === undefined) return value as number;
    problems.push(
      `${fromEnv !== undefined ? `environment variable ${envName}` : `${file}: ${section}.${key}`}: ${problem}; using ${setting.default}`,
    );
    return setting.default;
  };
  return {
    contextBudgetChars: read('hooks', 'contextBudgetChars', SETTINGS.hooks.contextBudgetChars),
    promptContextChars: read('hooks', 'promptContextChars', SETTINGS.hooks.promptContextChars),
    reviewEveryTurns: read('review', 'everyTurns', SETTINGS.review.everyTurns),
    problems,
  };
}
