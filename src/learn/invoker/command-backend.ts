import { runBounded } from '../../sandbox/run-process.js';
import type { BackendReply, BackendRequest, InvokerBackend } from './types.js';

/**
 * Any executable as a model: the system prompt and the prompt go to stdin (separated by a blank
 * line), the reply is whatever it prints. Lets users plug in a local model.
 */
export class CommandBackend implements InvokerBackend {
  readonly name = 'command' as const;

  constructor(
    private readonly command: string,
    private readonly timeoutMs: number,
    private readonly cwd: string,
    private readonly env: NodeJS.ProcessEnv,
  ) {}

  async call(request: BackendRequest): Promise<BackendReply> {
    const stdin = `${request.system}\n\n${request.prompt}\n`;
    const r = await runBounded(
      '/bin/sh',
      ['-c', this.command],
      { stdin, timeoutMs: this.timeoutMs, outputBytes: 1024 * 1024, env: this.env, cwd: this.cwd },
      { signal: request.signal },
    );
    if (r.timedOut) throw new Error(`the command timed out after ${this.timeoutMs} ms`);
    if (r.exitCode !== 0) throw new Error(`the command exited with ${r.exitCode}: ${r.stderr.trim().slice(-300)}`);
    return { text: r.stdout };
  }
}
