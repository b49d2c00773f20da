import { spawn } from 'node:child_process';

/**
 * The outside MCP clients need Node ≥ 22; they run through the `node` package from the npm registry.
 * One fixed package set, so every run (and the warm-up in .ci/run) shares one npx cache entry.
 */
export const NODE22_PACKAGES = ['node@22', '@modelcontextprotocol/inspector@2.12.0', '@modelcontextprotocol/conformance@0.1.16'];

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runNode22(bin: string, args: string[], env: NodeJS.ProcessEnv = {}, timeoutMs = 240_000): Promise<Run> {
  const npxArgs = ['-y', ...NODE22_PACKAGES.flatMap((p) => ['-p', p]), bin, ...args];
  return new Promise((resolve) => {
    const child = spawn('npx', npxArgs, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => {
      stdout += d;
    });
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}
