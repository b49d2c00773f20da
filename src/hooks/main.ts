import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger, type Logger } from '../core/log.js';
import { resolveKeiHome } from '../core/paths.js';
import { readHookInput, type HookInput } from './stdin.js';

const MAX_STDIN_BYTES = 1024 * 1024;
/**
 * Our own deadline, under the timeouts set-up writes (5 s; 2 s for SessionEnd, which Claude Code
 * gives 1.5 s in all): normally a hook takes ~0.2 s, but on a loaded machine it must still finish
 * its one transaction rather than drop the event.
 */
// Events Claude Code runs in the background (`async`, set-up's timeout 15 s): nobody waits for them, so under heavy
// contention for the write lock they queue longer rather than drop the event.
const WATCHDOG_MS: Record<string, number> = { SessionEnd: 1300, PostToolUse: 14000, PostToolUseFailure: 14000, PreCompact: 14000 };
const DEFAULT_WATCHDOG_MS = 4500;
/** Claude Code writes the event at once; waiting longer for it than this leaves no time to record it. */
const MAX_INPUT_WAIT_MS = 2000;

/**
 * Entry of `bin/kei-hook.cjs <Event>` (a bundle of this module). Whatever happens (bad input, unknown event, a locked,
 * missing or unwritable data home) it exits 0, prints nothing but its JSON answer, and logs.
 */
export async function main(argv: string[] = process.argv.slice(2)): Promise<void> {
  // `--agent <name>` (written by set-up for Codex, Gemini CLI and Cursor) comes before the event.
  const agent = argv[0] === '--agent' ? (argv[1] ?? '') : undefined;
  const event = (agent === undefined ? argv[0] : argv[2]) ?? '';
  const { home, homeError } = dataHome();
  const log = homeError ? tempLogger() : hookLogger(home);
  const deadline = WATCHDOG_MS[event] ?? DEFAULT_WATCHDOG_MS;
  // Claude Code sends SIGTERM to async hooks still running when it exits (`claude -p` ends right after its
  // last turn): finishing the one transaction, bounded by the watchdog, is what keeps the event.
  process.on('SIGTERM', () => log.info(`kei-hook ${event}: SIGTERM ignored to finish recording the event`));
  const watchdog = setTimeout(() => {
    log.error(`kei-hook ${event} gave up after ${deadline} ms; this event was not recorded`);
    process.exit(0);
  }, deadline);
  watchdog.unref();
  try {
    const input = await readHookInput(MAX_STDIN_BYTES, Math.min(MAX_INPUT_WAIT_MS, deadline / 2));
    const out = await runHook({ agent, event }, usableText(input), home, log, homeError, deadline);
    if (out) process.stdout.write(`${JSON.stringify(out)}\n`);
  } catch (err) {
    log.error(`kei-hook ${event} failed`, { error: (err as Error)?.message ?? String(err) });
  }
  process.exitCode = 0;
}

/** The input's text, or an error saying why it cannot be an event. */
function usableText(input: HookInput): string {
  if (input.end === 'too_large') throw new Error(`hook input over ${MAX_STDIN_BYTES} bytes; event ignored`);
  // Reading stops early on a whole JSON object, so a timeout means the writer held stdin open mid-event.
  if (input.end === 'timeout')
    throw new Error(`hook input incomplete: stdin stayed open without a whole JSON object (${input.bytes} bytes arrived); event ignored`);
  return input.text;
}

async function runHook(
  from: { agent?: string; event: string },
  text: string,
  home: string,
  log: Logger,
  homeError: Error | undefined,
  deadline: number,
): Promise<Record<string, unknown> | undefined> {
  const found = await eventFor(from, text, log);
  if (!found) return undefined;
  const { translated, handler } = found;
  const { withHookDatabase } = await import('./database.js');
  await readyRedaction();
  const run = () => {
    if (homeError) throw homeError;
    return withHookDatabase(home, log, (ctx) => withAfter(handler(translated.payload, ctx), () => translated.afterHandler(ctx)), deadline - 1000);
  };
  if (translated.event !== 'SessionStart') return translated.answer(run());
  // The one event whose answer the user sees: a broken config or data home is said there, once per session.
  const { withStartNotice } = await import('./start-notice.js');
  return translated.answer(await withStartNotice(home, log, run));
}

/**
 * Every event redacts what it records, inside its write transaction. Loading the redaction rules (a bundle of their
 * own, scripts/bundle-hook.js) and compiling their patterns there would hold the write lock that much longer for every
 * hook queued behind it; done first, the transaction only matches.
 */
async function readyRedaction(): Promise<void> {
  const { redactSecrets } = await import('../guard/redact.js');
  redactSecrets('');
}

type Translated = NonNullable<Awaited<ReturnType<(typeof import('./agents/translate.js'))['translateEvent']>>>;
type Handler = NonNullable<Awaited<ReturnType<(typeof import('./dispatch.js'))['handlerFor']>>>;

/** The agent's event as a Claude Code one and its handler; undefined for an event the kit does not record. */
async function eventFor(
  from: { agent?: string; event: string },
  text: string,
  log: Logger,
): Promise<{ translated: Translated; handler: Handler } | undefined> {
  const { handlerFor } = await import('./dispatch.js');
  const known = from.agent === undefined ? await handlerFor(from.event) : true;
  if (!known) {
    log.warn('unknown hook event ignored', { event: from.event });
    return undefined;
  }
  const raw = JSON.parse(text) as Record<string, unknown>;
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new Error('hook input is not a JSON object');
  const { translateEvent } = await import('./agents/translate.js');
  const translated = await translateEvent(from.agent, from.event, raw, log);
  const handler = translated && (await handlerFor(translated.event));
  if (!translated || !handler) return undefined;
  if (typeof translated.payload.session_id !== 'string' || translated.payload.session_id === '')
    throw new Error('hook input has no session_id');
  return { translated, handler };
}

function withAfter<T>(value: T, after: () => void): T {
  after();
  return value;
}

/** KEI_HOME, or (when it is refused, e.g. relative) an error said at SessionStart and a log in the temp folder. */
function dataHome(): { home: string; homeError?: Error } {
  try {
    return { home: resolveKeiHome() };
  } catch (err) {
    return { home: '', homeError: err as Error };
  }
}

function hookLogger(home: string): Logger {
  const dir = join(home, 'logs');
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    return createLogger({ dir, name: 'hooks' });
  } catch {
    return tempLogger();
  }
}

const tempLogger = (): Logger => createLogger({ dir: tmpdir(), name: 'keiseikit-hooks' });
