import { appendFileSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { redactSecrets } from '../guard/redact.js';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };
const MAX_LOG_BYTES = 5 * 1024 * 1024;
/** One logged value's most: a log line says what happened, it does not archive a payload. */
const MAX_VALUE_CHARS = 4000;

export interface Logger {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
}

export interface LoggerOptions {
  /** Folder for `<name>.log`; no file when absent. */
  dir?: string;
  name: string;
  level?: LogLevel;
  /** Also write to stderr. Never stdout: it belongs to MCP and to hooks. */
  stderr?: boolean;
}

/** Line-oriented JSON logs in `KEI_HOME/logs/<name>.log`, rotated at 5 MB to `<name>.log.1`. */
export function createLogger(options: LoggerOptions): Logger {
  const threshold = ORDER[options.level ?? 'info'];
  const file = options.dir ? join(options.dir, `${options.name}.log`) : undefined;
  const write = (level: LogLevel, msg: string, fields?: Record<string, unknown>): void => {
    if (ORDER[level] < threshold) return;
    const line = JSON.stringify({ ts: new Date().toISOString(), level, pid: process.pid, msg, ...fields }, safeValue);
    if (options.stderr) process.stderr.write(`[kei ${level}] ${safeValue('', msg)}\n`);
    if (file) appendSafely(file, options.dir as string, `${line}\n`);
  };
  return {
    debug: (m, f) => write('debug', m, f),
    info: (m, f) => write('info', m, f),
    warn: (m, f) => write('warn', m, f),
    error: (m, f) => write('error', m, f),
  };
}

/**
 * Every string that reaches a log is redacted (secrets never at rest) and capped. Done per value,
 * before serialising, so a redaction can never cut through the JSON of the line.
 */
function safeValue(_key: string, value: unknown): unknown {
  if (typeof value !== 'string') return value;
  // Redacted before it is cut, with some text past the cut, so a secret across the cut is found whole.
  const clean = redactSecrets(value.slice(0, MAX_VALUE_CHARS * 4).replaceAll('\u0000', ''));
  return clean.length > MAX_VALUE_CHARS ? `${clean.slice(0, MAX_VALUE_CHARS)}…[+${value.length - MAX_VALUE_CHARS} chars]` : clean;
}

function appendSafely(file: string, dir: string, line: string): void {
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    rotateIfLarge(file);
    appendFileSync(file, line, { mode: 0o600 }); // logs can quote what agents did: private, like the data home
  } catch {
    // Logging must never take the caller down (hooks and the server depend on it).
  }
}

function rotateIfLarge(file: string): void {
  try {
    if (statSync(file).size > MAX_LOG_BYTES) renameSync(file, `${file}.1`);
  } catch {
    // No file yet.
  }
}

export const silentLogger: Logger = { debug() {}, info() {}, warn() {}, error() {} };
