import { spawn } from 'node:child_process';
import type { ExecHooks, ExecResult } from './types.js';

export interface RunOptions {
  stdin?: string;
  timeoutMs: number;
  outputBytes: number;
  env?: NodeJS.ProcessEnv;
  cwd?: string;
}

/**
 * Runs a process in its own process group; at the timeout (or an abort) the whole group is killed.
 * Output beyond the cap is read and dropped (so the child never blocks) and reported as truncated.
 */
export function runBounded(file: string, args: string[], options: RunOptions, hooks: ExecHooks = {}): Promise<ExecResult> {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(file, args, { detached: true, stdio: ['pipe', 'pipe', 'pipe'], env: options.env ?? process.env, cwd: options.cwd });
    const out = collector(options.outputBytes);
    const err = collector(options.outputBytes);
    let timedOut = false;
    const killGroup = () => {
      try {
        process.kill(-(child.pid as number), 'SIGKILL');
      } catch {
        /* already gone */
      }
    };
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup();
    }, options.timeoutMs);
    const onAbort = () => killGroup();
    hooks.signal?.addEventListener('abort', onAbort, { once: true });
    const ticker = hooks.onProgress
      ? setInterval(
          () =>
            hooks.onProgress?.({
              elapsedMs: Date.now() - started,
              stdoutBytes: out.bytes,
              stderrBytes: err.bytes,
              tail: out.text().slice(-500),
            }),
          1000,
        )
      : undefined;
    child.stdout.on('data', out.push);
    child.stderr.on('data', err.push);
    child.stdin.on('error', () => undefined);
    child.stdin.end(options.stdin ?? '');
    child.on('error', (e) => err.push(Buffer.from(String(e))));
    child.on('close', (code) => {
      clearTimeout(timer);
      if (ticker) clearInterval(ticker);
      hooks.signal?.removeEventListener('abort', onAbort);
      killGroup();
      resolve({
        exitCode: code,
        stdout: out.text(),
        stderr: err.text(),
        durationMs: Date.now() - started,
        truncated: out.truncated || err.truncated,
        timedOut,
      });
    });
  });
}

function collector(cap: number) {
  const chunks: Buffer[] = [];
  let kept = 0;
  const state = {
    bytes: 0,
    truncated: false,
    push: (chunk: Buffer) => {
      state.bytes += chunk.length;
      if (kept >= cap) {
        state.truncated = true;
        return;
      }
      const room = cap - kept;
      if (chunk.length > room) state.truncated = true;
      chunks.push(chunk.subarray(0, room));
      kept += Math.min(room, chunk.length);
    },
    text: () => Buffer.concat(chunks).toString('utf8'),
  };
  return state;
}
