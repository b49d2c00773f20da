import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';

/** Why reading stopped: the writer closed stdin, a whole JSON value arrived, time ran out, or the cap was hit. */
export type InputEnd = 'eof' | 'json' | 'timeout' | 'too_large';

export interface HookInput {
  text: string;
  end: InputEnd;
  bytes: number;
}

/**
 * Reads one hook event from stdin without ever blocking the event loop: a blocking read of a pipe
 * whose writer keeps it open would stall the process, watchdog included. Stops as soon as the bytes
 * so far form one whole JSON value (the writer need not close stdin), after `waitMs` in all, or past
 * `maxBytes`; then lets go of stdin so an open pipe cannot keep the process alive.
 */
export function readHookInput(maxBytes: number, waitMs: number): Promise<HookInput> {
  const fast = readWithoutWaiting(maxBytes);
  if (fast.end) return Promise.resolve(toInput(fast.chunks, fast.end, fast.bytes));
  return readStream(fast.chunks, fast.bytes, maxBytes, waitMs);
}

/**
 * The fast path, with no stream machinery to start (a few ms on every event): reads what is already
 * there through a descriptor that cannot block, a regular file or the pipe reopened non-blocking
 * (Linux). No `end` when more must be awaited or this path does not apply (a socket, a TTY, macOS).
 */
function readWithoutWaiting(maxBytes: number): { chunks: Buffer[]; bytes: number; end?: InputEnd } {
  const chunks: Buffer[] = [];
  const fd = nonBlockingStdin();
  if (fd === undefined) return { chunks, bytes: 0 };
  const buf = Buffer.allocUnsafe(65536);
  let bytes = 0;
  try {
    for (;;) {
      const n = readSync(fd, buf, 0, buf.length, null);
      if (n === 0) return { chunks, bytes, end: 'eof' };
      bytes += n;
      if (bytes > maxBytes) return { chunks, bytes, end: 'too_large' };
      chunks.push(Buffer.from(buf.subarray(0, n)));
      if (endsWithBrace(buf.subarray(0, n)) && isWholeJson(chunks)) return { chunks, bytes, end: 'json' };
    }
  } catch {
    // EAGAIN: the rest has not arrived yet; the stream path waits for it, keeping what was read.
    return { chunks, bytes };
  } finally {
    if (fd !== 0) closeSync(fd);
  }
}

function nonBlockingStdin(): number | undefined {
  try {
    const st = fstatSync(0);
    if (st.isFile()) return 0;
    // A new open of the same pipe, with its own O_NONBLOCK: the writer's end and fd 0 are untouched.
    return st.isFIFO() ? openSync('/proc/self/fd/0', constants.O_RDONLY | constants.O_NONBLOCK) : undefined;
  } catch {
    return undefined;
  }
}

/** Waits for the rest on process.stdin (libuv polls it: the event loop and the watchdog keep running). */
function readStream(chunks: Buffer[], bytes: number, maxBytes: number, waitMs: number): Promise<HookInput> {
  return new Promise((resolve) => {
    let done = false;
    const stdin = openStdin();
    const finish = (end: InputEnd): void => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      release(stdin);
      resolve(toInput(chunks, end, bytes));
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

function toInput(chunks: Buffer[], end: InputEnd, bytes: number): HookInput {
  return { text: end === 'too_large' ? '' : Buffer.concat(chunks).toString('utf8'), end, bytes };
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
