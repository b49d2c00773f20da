import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import { KeiError } from './errors.js';
import { ENV_OVERRIDES, JUDGE_DEFAULTS, SETTINGS, type NumberSetting } from './settings.js';

/** A zod number built from the one definition of its default and bounds (settings.ts). */
const setting = (s: NumberSetting) => (s.integer ? z.number().int() : z.number()).min(s.min).max(s.max).default(s.default);

const memorySchema = z.strictObject({
  maxEntryChars: setting(SETTINGS.memory.maxEntryChars),
  searchLimit: setting(SETTINGS.memory.searchLimit),
  rankWindow: setting(SETTINGS.memory.rankWindow),
});

const guardSchema = z.strictObject({
  /** Score at or above which a write is blocked; findings of severity `critical` always block. */
  blockScore: z.number().min(0).max(100).default(50),
  /** Ask the model judge about grey-zone writes (README, Guard): the agent's memory_add, reviewer proposals, tap installs. */
  judgeMemoryAdd: z.boolean().default(JUDGE_DEFAULTS.judgeMemoryAdd),
  judgeReview: z.boolean().default(JUDGE_DEFAULTS.judgeReview),
  judgeTaps: z.boolean().default(JUDGE_DEFAULTS.judgeTaps),
  judgeMaxChars: setting(SETTINGS.guard.judgeMaxChars),
});

const skillsSchema = z.strictObject({
  /** Replaces the default roots (project .claude/.agents/.keiseikit, KEI_HOME, ~/.claude, ~/.agents, ~/.codex, ~/.hermes). */
  roots: z.array(z.string()).default([]),
  /** Searched after the defaults. */
  extraRoots: z.array(z.string()).default([]),
  /** Watch roots and reload within ~100 ms of a change (MCP server only). */
  watch: z.boolean().default(true),
});

const sandboxSchema = z.strictObject({
  /** auto: bubblewrap on Linux, sandbox-exec on macOS, Daytona with DAYTONA_API_KEY. "none" runs unsandboxed and must be chosen explicitly. */
  backend: z.enum(['auto', 'bwrap', 'sandbox-exec', 'daytona', 'none']).default('auto'),
  timeoutMs: z.number().int().min(100).max(3_600_000).default(120_000),
  cpuSeconds: z.number().int().min(1).max(86_400).default(60),
  memoryMb: z.number().int().min(16).max(65_536).default(1024),
  processes: z.number().int().min(8).max(100_000).default(256),
  fileSizeMb: z.number().int().min(1).max(100_000).default(256),
  outputBytes: z
    .number()
    .int()
    .min(1024)
    .max(100 * 1024 * 1024)
    .default(1024 * 1024),
  /** Host paths (absolute) every local sandbox may read; nothing of the host beyond the system folders is mounted otherwise. */
  readOnlyPaths: z.array(z.string()).max(100).default([]),
  daytona: z
    .strictObject({
      apiUrl: z.string().default('https://app.daytona.io/api'),
      autoStopMinutes: z.number().int().min(0).max(10_080).default(15),
      allowNoAutoStop: z.boolean().default(false),
    })
    .default(() => ({ apiUrl: 'https://app.daytona.io/api', autoStopMinutes: 15, allowNoAutoStop: false })),
});

const invokerSchema = z.strictObject({
  /** auto: the Anthropic API with a key, else the `claude` CLI when found, else `command` when set. */
  backend: z.enum(['auto', 'anthropic', 'claude-cli', 'command']).default('auto'),
  /** Any executable (run by /bin/sh): the prompt on stdin, the reply on stdout. */
  command: z.string().default(''),
  /** Empty: a small model (the Anthropic back end) or the CLI's default. */
  model: z.string().default(''),
  apiKey: z.string().default(''),
  claudeBin: z.string().default('claude'),
  timeoutMs: z.number().int().min(1000).max(3_600_000).default(180_000),
  maxOutputTokens: z.number().int().min(256).max(64_000).default(4096),
});

const budgetSchema = z.strictObject({
  callsPerDay: z.number().int().min(0).max(100_000).default(60),
  tokensPerDay: z.number().int().min(0).max(1_000_000_000).default(600_000),
});

const nightlySchema = z.strictObject({
  timeBudgetMinutes: z
    .number()
    .min(0.01)
    .max(24 * 60)
    .default(30),
  maxChangesPerCycle: z.number().int().min(0).max(100).default(5),
  maxAutoSkills: z.number().int().min(0).max(10_000).default(50),
  similarity: z.number().min(0).max(1).default(0.85),
  minToolCalls: z.number().int().min(0).max(1000).default(5),
  minTurns: z.number().int().min(0).max(1000).default(4),
  windowDays: z.number().int().min(1).max(365).default(30),
  /** Let the nightly cycle archive, rewrite and mark skills the user wrote (off: only skills it extracted). */
  manageUserSkills: z.boolean().default(false),
  judgeBatch: z.number().int().min(1).max(50).default(10),
});

const mcpSchema = z.strictObject({
  /** Most `kei-mcp --http` sessions open at once; an initialize beyond it is refused (503) until one ends or expires. */
  httpMaxSessions: z.number().int().min(1).max(10_000).default(64),
  /** An HTTP session with no request and no open stream for this long is closed and freed. */
  httpSessionIdleMs: z
    .number()
    .int()
    .min(1000)
    .max(86_400_000)
    .default(30 * 60_000),
  /** Longest message line on stdio; a longer one is discarded unread with a JSON-RPC error. */
  stdioMaxLineBytes: z
    .number()
    .int()
    .min(1024)
    .max(256 * 1024 * 1024)
    .default(4 * 1024 * 1024),
});

const logSchema = z.strictObject({
  level: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
});

export const configSchema = z.strictObject({
  memory: memorySchema.default(() => memorySchema.parse({})),
  guard: guardSchema.default(() => guardSchema.parse({})),
  skills: skillsSchema.default(() => skillsSchema.parse({})),
  sandbox: sandboxSchema.default(() => sandboxSchema.parse({})),
  hooks: z
    .strictObject({
      contextBudgetChars: setting(SETTINGS.hooks.contextBudgetChars),
      promptContextChars: setting(SETTINGS.hooks.promptContextChars),
    })
    .default(() => ({
      contextBudgetChars: SETTINGS.hooks.contextBudgetChars.default,
      promptContextChars: SETTINGS.hooks.promptContextChars.default,
    })),
  schedule: z
    .strictObject({
      /** Shortest repeat interval accepted (tests shorten it; users rarely should). */
      minIntervalMs: z.number().int().min(100).max(86_400_000).default(60_000),
      /** Run command jobs without a sandbox when none is available. */
      allowUnsandboxed: z.boolean().default(false),
      /** How often the daemon looks for changed jobs. */
      pollMs: z.number().int().min(50).max(600_000).default(5000),
      promptMaxTurns: z.number().int().min(1).max(100).default(10),
      /** A run whose runner stops renewing this lease is resumed by the next runner. */
      leaseMs: z.number().int().min(200).max(3_600_000).default(30_000),
      outputChars: z.number().int().min(100).max(1_000_000).default(8000),
    })
    .default(() => ({
      minIntervalMs: 60_000,
      allowUnsandboxed: false,
      pollMs: 5000,
      promptMaxTurns: 10,
      leaseMs: 30_000,
      outputChars: 8000,
    })),
  review: z
    .strictObject({ everyTurns: setting(SETTINGS.review.everyTurns) })
    .default(() => ({ everyTurns: SETTINGS.review.everyTurns.default })),
  invoker: invokerSchema.default(() => invokerSchema.parse({})),
  budget: budgetSchema.default(() => budgetSchema.parse({})),
  nightly: nightlySchema.default(() => nightlySchema.parse({})),
  mcp: mcpSchema.default(() => mcpSchema.parse({})),
  log: logSchema.default(() => logSchema.parse({})),
  /** Team sync (src/team): the daemon syncs this often and after a session ends; 0 leaves it to `team sync`. */
  team: z.strictObject({ syncMinutes: z.number().int().min(0).max(1440).default(5) }).default(() => ({ syncMinutes: 5 })),
});

export type KeiConfig = z.infer<typeof configSchema>;

export const defaultConfig = (): KeiConfig => configSchema.parse({});

/** Reads `config.json` if present. Missing file → defaults; a broken one → an error naming file and key. */
export function loadConfig(file: string): KeiConfig {
  if (!existsSync(file)) return defaultConfig();
  const raw = parseJsonFile(file);
  const result = configSchema.safeParse(raw);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const key = describeKey(issue);
  throw new KeiError('config_invalid', `${file}: ${key}: ${issue.message}`, { file, key });
}

/** Applies the documented environment overrides on top of a loaded config; a bad value names the variable. */
export function withEnvOverrides(config: KeiConfig, env: NodeJS.ProcessEnv): KeiConfig {
  const changed = structuredClone(config) as unknown as Record<string, Record<string, unknown>>;
  let any = false;
  for (const [name, [section, key]] of ENV_OVERRIDES) {
    const raw = env[name];
    if (raw === undefined || raw === '') continue;
    changed[section][key] = envValue(changed[section][key], raw);
    any = true;
  }
  if (!any) return config;
  const result = configSchema.safeParse(changed);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const name = ENV_OVERRIDES.find(([, path]) => path.join('.') === issue.path.join('.'))?.[0] ?? describeKey(issue);
  throw new KeiError('config_invalid', `environment variable ${name}: ${issue.message}`, { key: name });
}

/** An override's value in the type of the key it sets: numbers as numbers, 1/0 and true/false as booleans. */
function envValue(current: unknown, raw: string): unknown {
  if (typeof current === 'number') return Number(raw);
  if (typeof current !== 'boolean') return raw;
  const flag = raw.trim().toLowerCase();
  return flag === '1' || flag === 'true' ? true : flag === '0' || flag === 'false' ? false : raw;
}

function parseJsonFile(file: string): unknown {
  const text = readFileSync(file, 'utf8');
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new KeiError('config_invalid', `${file}: not valid JSON (${(err as Error).message})`, { file });
  }
}

function describeKey(issue: z.core.$ZodIssue): string {
  const path = issue.path.map(String);
  if (issue.code === 'unrecognized_keys') return [...path, ...issue.keys].join('.');
  return path.length > 0 ? path.join('.') : '(top level)';
}
