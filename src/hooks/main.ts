/**
 * Entry of `bin/kei-hook.js`. Until the hooks issue lands this only drains stdin and exits 0:
 * a hook must never break the user's Claude Code session.
 */
export async function main(): Promise<void> {
  try {
    process.stdin.resume();
    process.stdin.on('data', () => undefined);
    await new Promise<void>((resolve) => {
      process.stdin.on('end', resolve);
      process.stdin.on('error', () => resolve());
      setTimeout(resolve, 2000).unref();
    });
  } finally {
    process.exitCode = 0;
  }
}
