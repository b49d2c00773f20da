import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { REPO_ROOT } from './temp.js';

export const CLAUDE_BIN = join(REPO_ROOT, 'node_modules', '.bin', 'claude');

export interface ClaudeRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the real Claude Code CLI offline against a local model server, in a temporary HOME. */
export function runClaude(args: string[], o: { cwd: string; home: string; modelUrl: string; env?: Record<string, string>; input?: string; timeoutMs?: number }): Promise<ClaudeRun> {
  const env = {
    PATH: process.env.PATH ?? '', HOME: o.home, ANTHROPIC_BASE_URL: o.modelUrl, ANTHROPIC_API_KEY: 'sk-test-offline',
    DISABLE_TELEMETRY: '1', CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1', DISABLE_AUTOUPDATER: '1', DISABLE_ERROR_REPORTING: '1', ...o.env,
  };
  return new Promise((resolve) => {
    const child = spawn(CLAUDE_BIN, args, { cwd: o.cwd, env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => { stdout += d; });
    child.stderr.on('data', (d) => { stderr += d; });
    const timer = setTimeout(() => child.kill('SIGKILL'), o.timeoutMs ?? 90_000);
    child.on('close', (code) => { clearTimeout(timer); resolve({ code, stdout, stderr }); });
    child.stdin.end(o.input ?? '');
  });
}

export interface ClaudeConversation {
  /** Sends one user message and resolves with the `result` line that ends its turn. */
  say(text: string, timeoutMs?: number): Promise<Record<string, unknown>>;
  /** Every stream-json line printed so far. */
  lines: Record<string, unknown>[];
  end(): Promise<number | null>;
}

/** A multi-turn session of the real CLI (stream-json in and out), offline against a local model server. */
export function startClaudeConversation(args: string[], o: { cwd: string; home: string; modelUrl: string; env?: Record<string, string> }): ClaudeConversation {
  const env = {
    PATH: process.env.PATH ?? '', HOME: o.home, ANTHROPIC_BASE_URL: o.modelUrl, ANTHROPIC_API_KEY: 'sk-test-offline',
    DISABLE_TELEMETRY: '1', CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1', DISABLE_AUTOUPDATER: '1', DISABLE_ERROR_REPORTING: '1', ...o.env,
  };
  const child = spawn(CLAUDE_BIN, ['-p', '--input-format', 'stream-json', '--output-format', 'stream-json', '--verbose', ...args], { cwd: o.cwd, env, stdio: ['pipe', 'pipe', 'pipe'] });
  const lines: Record<string, unknown>[] = [];
  let waiting: ((line: Record<string, unknown>) => void) | undefined;
  let buffer = '';
  child.stdout.on('data', (d: Buffer) => {
    buffer += d.toString('utf8');
    let nl: number;
    while ((nl = buffer.indexOf('\n')) !== -1) {
      const raw = buffer.slice(0, nl).trim();
      buffer = buffer.slice(nl + 1);
      if (!raw) continue;
      const line = JSON.parse(raw) as Record<string, unknown>;
      lines.push(line);
      if (line.type === 'result') waiting?.(line);
    }
  });
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
  return {
    lines,
    say(text, timeoutMs = 60_000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no result within ${timeoutMs} ms for "${text}"`)), timeoutMs);
        waiting = (line) => { clearTimeout(timer); waiting = undefined; resolve(line); };
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
