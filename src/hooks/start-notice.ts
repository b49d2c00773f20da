import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from '../core/log.js';
import { ENV_OVERRIDES } from '../core/settings.js';
import type { HookOutput } from './types.js';

type ConfigModule = typeof import('../core/config.js');

/**
 * Not a literal, so the bundler leaves it out of hook.cjs: zod costs more than a hook may take, and only a
 * SessionStart after config.json (or an override) changed loads it, from dist/core/ next to the bundle.
 */
const CONFIG_MODULE = ['..', 'core', 'config.js'].join('/');

/**
 * SessionStart: runs the handler, then says in one line (a `systemMessage` the user sees) what the kit would
 * refuse in config.json or the environment, or why this session could not be recorded. The hook still exits 0
 * and records on defaults; the kit, the CLI and doctor name the same problem.
 */
export async function withStartNotice(home: string, log: Logger, run: () => HookOutput): Promise<HookOutput> {
  let out: HookOutput;
  let problem: string | undefined;
  try {
    out = run();
  } catch (err) {
    log.error('kei-hook SessionStart failed', { error: (err as Error)?.message ?? String(err) });
    problem = `this session is not being recorded: ${(err as Error)?.message ?? String(err)}`;
  }
  problem ??= await configProblem(home, process.env, log);
  if (!problem) return out;
  const notice = `KeiSeiKit: ${problem.replace(/\s+/g, ' ').slice(0, 400)} (run: kei-skills doctor)`;
  // Another notice of the handler's own (saved memories) stays: ours is added as its own line.
  const before = typeof out?.systemMessage === 'string' ? `${out.systemMessage}\n` : '';
  return { ...out, systemMessage: `${before}${notice}` };
}

/** The kit's own verdict on config.json plus the environment overrides, remembered until either changes. */
async function configProblem(home: string, env: NodeJS.ProcessEnv, log: Logger): Promise<string | undefined> {
  const file = join(home, 'config.json');
  const stamp = configStamp(file, env);
  if (stamp === undefined) return undefined;
  const cacheFile = join(home, 'logs', 'config-check.json');
  const cached = readCache(cacheFile);
  if (cached?.stamp === stamp) return cached.problem ?? undefined;
  let config: ConfigModule;
  try {
    config = (await import(CONFIG_MODULE)) as ConfigModule;
  } catch (err) {
    log.warn('config check skipped: cannot load the config module', { error: (err as Error)?.message ?? String(err) });
    return undefined;
  }
  let problem: string | null = null;
  try {
    config.withEnvOverrides(config.loadConfig(file), env);
  } catch (err) {
    problem = `${(err as Error)?.message ?? String(err)} (hooks keep recording on defaults; the CLI and MCP server refuse it until fixed)`;
    log.warn(`config: ${problem}`);
  }
  writeCache(home, cacheFile, { stamp, problem });
  return problem ?? undefined;
}

/** What the verdict depends on: the file's identity and the override variables; undefined when there is neither. */
function configStamp(file: string, env: NodeJS.ProcessEnv): string | undefined {
  const overrides = ENV_OVERRIDES.map(([name]) => env[name] ?? '').join('\0');
  try {
    const st = statSync(file);
    return `${st.mtimeMs}:${st.size}:${st.ino}\0${overrides}`;
  } catch {
    return overrides.replace(/\0/g, '') === '' ? undefined : `no file\0${overrides}`;
  }
}

function writeCache(home: string, file: string, entry: { stamp: string; problem: string | null }): void {
  try {
    mkdirSync(join(home, 'logs'), { recursive: true, mode: 0o700 });
    writeFileSync(file, JSON.stringify(entry), { mode: 0o600 });
  } catch {
    // Without the cache the next SessionStart checks again: slower, still right.
  }
}

function readCache(file: string): { stamp: string; problem: string | null } | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as { stamp: string; problem: string | null };
  } catch {
    return undefined;
  }
}
