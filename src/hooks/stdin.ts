import { fstatSync, readSync } from 'node:fs';

/** Reads at most `maxBytes` of stdin, or what arrived within `timeoutMs`: a hook never hangs on its input. */
export function readStdinCapped(maxBytes: number, timeoutMs: number): Promise<{ text: string; truncated: boolean }> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const finish = (truncated: boolean) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      process.stdin.removeAllListeners('data');
      process.stdin.pause();
      resolve({ text: Buffer.concat(chunks).toString('utf8'), truncated });
    };
    const timer = setTimeout(() => finish(false), timeoutMs);
    process.stdin.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) return finish(true);
      chunks.push(chunk);
    });
    process.stdin.on('end', () => finish(false));
    process.stdin.on('error', () => finish(false));
  });
}

/**
 * The fast path: reads the event synchronously (no stream machinery to load) and stops as soon as
 * one whole JSON object has arrived, so a writer that keeps stdin open cannot hold the hook.
 * Returns undefined when stdin is a terminal or non-blocking: the caller then uses readStdinCapped.
 */
export function readStdinJsonSync(maxBytes: number): { text: string; truncated: boolean } | undefined {
  try {
    const st = fstatSync(0);
    if (!st.isSocket() && !st.isFIFO() && !st.isFile()) return undefined;
  } catch {
    return undefined;
  }
  const chunks: Buffer[] = [];
  const buf = Buffer.allocUnsafe(65536);
  let size = 0;
  for (;;) {
    let n: number;
    try {
      n = readSync(0, buf, 0, buf.length, null);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'EOF') break;
      return size === 0 ? undefined : { text: Buffer.concat(chunks).toString('utf8'), truncated: false };
    }
    if (n === 0) break;
    size += n;
    if (size > maxBytes) return { text: '', truncated: true };
    chunks.push(Buffer.from(buf.subarray(0, n)));
    if (buf[n - 1] === 0x7d && isWholeJson(chunks)) break;
  }
  return { text: Buffer.concat(chunks).toString('utf8'), truncated: false };
}

function isWholeJson(chunks: Buffer[]): boolean {
  try {
    JSON.parse(Buffer.concat(chunks).toString('utf8'));
    return true;
  } catch {
    return false;
  }
}
