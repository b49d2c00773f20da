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
