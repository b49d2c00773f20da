import { spawn } from 'node:child_process';
import { join } from 'node:path';
import {
  offlineClaudeEnv,
  startClaudeConversation as startConversation,
  type ClaudeConversation,
  type OfflineOptions,
} from '../../scripts/lib/claude-conversation.js';
import { REPO_ROOT } from './temp.js';

export const CLAUDE_BIN = join(REPO_ROOT, 'node_modules', '.bin', 'claude');

export interface ClaudeRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the real Claude Code CLI offline against a local model server, in a temporary HOME. */
export function runClaude(
  args: string[],
  o: { cwd: string; home: string; modelUrl: string; env?: Record<string, string>; input?: string; timeoutMs?: number },
): Promise<ClaudeRun> {
  const env = offlineClaudeEnv(o);
  return new Promise((resolve) => {
    const child = spawn(CLAUDE_BIN, args, { cwd: o.cwd, env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => {
      stdout += d;
    });
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), o.timeoutMs ?? 90_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
    child.stdin.end(o.input ?? '');
  });
}

/** A multi-turn session of the real CLI (stream-json in and out), offline against a local model server. */
export function startClaudeConversation(args: string[], o: OfflineOptions): ClaudeConversation {
  return startConversation(CLAUDE_BIN, args, o);
}
