import { existsSync } from 'node:fs';
import { defaultConfig, loadConfig, withEnvOverrides, type KeiConfig } from '../core/config.js';
import { errorMessage } from '../core/errors.js';
import { ensureKeiHome, keiHomeProblem, keiHomeUsable, keiPaths, resolveKeiHome } from '../core/paths.js';
import { openKit, type Kit } from '../kit.js';
import type { Check } from './doctor.js';

/**
 * The rows that must report before anything is opened: the data home and config.json. Each says what is wrong
 * in words; what follows runs on what could be opened (defaults for a broken config), so doctor never stops early.
 */
export function homeCheck(env: NodeJS.ProcessEnv): { check: Check; home?: string } {
  const name = 'KEI_HOME writable';
  let home: string;
  try {
    home = resolveKeiHome(env);
  } catch (err) {
    return { check: { name, ok: false, detail: errorMessage(err), fix: 'set KEI_HOME to an absolute path' } };
  }
  try {
    ensureKeiHome(home);
  } catch {
    // Reported below in the same words the other commands use.
  }
  if (!keiHomeUsable(home))
    return {
      check: { name, ok: false, detail: keiHomeProblem(home), fix: `set KEI_HOME to a folder you can write to, or repair ${home}` },
    };
  return { check: { name, ok: true, detail: home }, home };
}

export function configCheck(home: string | undefined, env: NodeJS.ProcessEnv): { check: Check; config: KeiConfig } {
  const name = 'config.json';
  if (home === undefined) return { check: skipped(name, 'KEI_HOME cannot be used'), config: defaultConfig() };
  const file = keiPaths(home).config;
  try {
    const config = withEnvOverrides(loadConfig(file), env);
    return { check: { name, ok: true, detail: existsSync(file) ? `valid (${file})` : 'none: defaults' }, config };
  } catch (err) {
    return {
      check: { name, ok: false, detail: errorMessage(err), fix: `fix ${file} (or the variable named), or move it away for defaults` },
      config: defaultConfig(),
    };
  }
}

/** The kit on the checked config, or why it could not be opened (a database that is not SQLite, say). */
export function openDoctorKit(home: string | undefined, config: KeiConfig, env: NodeJS.ProcessEnv): { kit?: Kit; error?: string } {
  if (home === undefined) return { error: 'KEI_HOME cannot be used' };
  try {
    return { kit: openKit({ home, env, config, logName: 'cli' }) };
  } catch (err) {
    return { error: errorMessage(err) };
  }
}

/** A row that could not be checked because an earlier one failed: informational, the earlier row fails. */
export function skipped(name: string, because: string): Check {
  return { name, ok: false, optional: true, skipped: true, detail: `not checked: ${because}` };
}
