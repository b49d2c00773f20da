import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BIN } from './temp.js';

export interface HttpServerProcess {
  child: ChildProcess;
  url: string;
  /** Resident memory of the server process in MB, from /proc/<pid>/status. */
  rssMb(): number;
  /** SIGTERM, resolved once it exited (so it no longer writes to KEI_HOME). */
  stop(): Promise<void>;
}

/** Writes `config.json` into a KEI_HOME (the real server reads it at start). */
export function writeConfig(home: string, config: Record<string, unknown>): void {
  writeFileSync(join(home, 'config.json'), JSON.stringify(config));
}

/** Starts the real `kei-mcp --http` on a free port and resolves once it prints its URL. */
export function startHttpServer(home: string, env: Record<string, string> = {}, args: string[] = []): Promise<HttpServerProcess> {
  const child = spawn(process.execPath, [BIN.mcp, '--http', '--port', '0', ...args], {
    env: { ...process.env, KEI_HOME: home, HOME: home, KEI_MCP_TOKEN: '', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let stderr = '';
    child.stderr?.on('data', (d) => {
      stderr += d;
      const m = /listening on (\S+)/.exec(stderr);
      if (m) resolve({ child, url: m[1], rssMb: () => rssMb(child.pid as number), stop: () => stopChild(child) });
    });
    child.on('exit', (code) => reject(new Error(`kei-mcp exited ${code}: ${stderr}`)));
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

function rssMb(pid: number): number {
  const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return Number(kb) / 1024;
}

export const INITIALIZE = {
  jsonrpc: '2.0',
  id: 1,
  method: 'initialize',
  params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 't', version: '1' } },
};

/** One POST to /mcp; the body is read to the end so the server can finish the response. */
export async function postMcp(
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; text: string; sessionId: string | null }> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream', ...headers },
    body: JSON.stringify(body),
  });
  return { status: res.status, text: await res.text(), sessionId: res.headers.get('mcp-session-id') };
}

/** Runs `task(i)` for i in [0, count) with at most `width` in flight. */
export async function inParallel<T>(count: number, width: number, task: (i: number) => Promise<T>): Promise<T[]> {
  const results: T[] = new Array<T>(count);
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const i = next++;
      results[i] = await task(i);
    }
  };
  await Promise.all(Array.from({ length: width }, worker));
  return results;
}
