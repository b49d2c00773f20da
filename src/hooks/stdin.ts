/** Why reading stopped: the writer closed stdin, a whole JSON value arrived, time ran out, or the cap was hit. */
export type InputEnd = 'eof' | 'json' | 'timeout' | 'too_large';

export interface HookInput {
  text: string;
  end: InputEnd;
  bytes: number;
}

/**
 * Reads one hook event from stdin without ever blocking the event loop: a synchronous read of a pipe
 * whose writer keeps it open would stall the process, watchdog included. Stops as soon as the bytes
 * so far form one whole JSON value (the writer need not close stdin), after `waitMs` in all, or past
 * `maxBytes`; then lets go of stdin so an open pipe cannot keep the process alive.
 */
export function readHookInput(maxBytes: number, waitMs: number): Promise<HookInput> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let bytes = 0;
    let done = false;
    const stdin = openStdin();
    const finish = (end: InputEnd): void => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      release(stdin);
      resolve({ text: end === 'too_large' ? '' : Buffer.concat(chunks).toString('utf8'), end, bytes });
    };
    const timer = setTimeout(() => finish('timeout'), waitMs);
    if (!stdin) return finish('eof');
    stdin.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
      if (bytes > maxBytes) return finish('too_large');
      chunks.push(chunk);
      if (endsWithBrace(chunk) && isWholeJson(chunks)) finish('json');
    });
    stdin.once('end', () => finish('eof'));
    stdin.once('error', () => finish('eof'));
  });
}

function openStdin(): NodeJS.ReadStream | undefined {
  try {
    return process.stdin;
  } catch {
    // No usable fd 0 (closed or invalid): treat as empty input, the caller logs it.
    return undefined;
  }
}

function release(stdin: NodeJS.ReadStream | undefined): void {
  if (!stdin) return;
  stdin.removeAllListeners('data');
  stdin.on('error', () => undefined);
  stdin.destroy();
}

/** Cheap pre-check before a parse: a hook event is a JSON object, so it ends with `}` (then maybe whitespace). */
function endsWithBrace(chunk: Buffer): boolean {
  for (let i = chunk.length - 1; i >= 0; i--) {
    const c = chunk[i];
    if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) continue;
    return c === 0x7d;
  }
  return false;
}

function isWholeJson(chunks: Buffer[]): boolean {
  try {
    JSON.parse(Buffer.concat(chunks).toString('utf8'));
    return true;
  } catch {
    return false;
  }
}
