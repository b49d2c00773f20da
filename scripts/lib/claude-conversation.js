// Drives the real Claude Code CLI offline against a local model server: one-shot runs and multi-turn
// sessions (stream-json in and out). Shared by the tests and `npm run demo`. Types: claude-conversation.d.ts.
import { spawn } from 'node:child_process';

/** The environment that keeps `claude` offline and quiet, in a HOME of its own. */
export function offlineClaudeEnv(o) {
  return {
    PATH: process.env.PATH ?? '',
    HOME: o.home,
    ANTHROPIC_BASE_URL: o.modelUrl,
    ANTHROPIC_API_KEY: 'sk-test-offline',
    DISABLE_TELEMETRY: '1',
    CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1',
    DISABLE_AUTOUPDATER: '1',
    DISABLE_ERROR_REPORTING: '1',
    ...o.env,
  };
}

/** A multi-turn session: `say` sends one user message and resolves with the `result` line ending its turn. */
export function startClaudeConversation(bin, args, o) {
  const child = spawn(bin, ['-p', '--input-format', 'stream-json', '--output-format', 'stream-json', '--verbose', ...args], {
    cwd: o.cwd,
    env: offlineClaudeEnv(o),
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const lines = [];
  let waiting;
  let buffer = '';
  child.stderr.resume();
  child.stdout.on('data', (d) => {
    buffer += d.toString('utf8');
    let nl;
    while ((nl = buffer.indexOf('\n')) !== -1) {
      const raw = buffer.slice(0, nl).trim();
      buffer = buffer.slice(nl + 1);
      if (!raw) continue;
      const line = JSON.parse(raw);
      lines.push(line);
      if (line.type === 'result') waiting?.(line);
    }
  });
  const exited = new Promise((resolve) => child.on('close', resolve));
  return {
    lines,
    say(text, timeoutMs = 60_000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no result within ${timeoutMs} ms for "${text}"`)), timeoutMs);
        waiting = (line) => {
          clearTimeout(timer);
          waiting = undefined;
          resolve(line);
        };
        child.stdin.write(`${JSON.stringify({ type: 'user', message: { role: 'user', content: text } })}\n`);
      });
    },
    async end() {
      child.stdin.end();
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
  };
}
