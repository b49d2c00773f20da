import { z } from 'zod';
import type { Kit } from '../kit.js';
import { openSandboxBackend } from '../sandbox/index.js';
import { defineTool, type ToolExtra } from './define-tool.js';

const backend = z
  .enum(['auto', 'bwrap', 'sandbox-exec', 'daytona', 'none'])
  .optional()
  .describe('Where to run; "auto" (default) picks the isolating backend available.');
const info = z.object({
  name: z.string(),
  backend: z.string(),
  state: z.string(),
  created_at: z.number(),
  last_used_at: z.number().optional().describe('Absent when never used.'),
});

function backendFor(kit: Kit, choice?: string) {
  return openSandboxBackend({ db: kit.db, clock: kit.clock, config: kit.config, keiHome: kit.paths.home, env: kit.env }, choice);
}

/** Sends MCP progress (elapsed time and output so far) when the client asked for it with a progress token. */
function progressReporter(extra: ToolExtra) {
  const token = extra._meta?.progressToken;
  if (token === undefined || !extra.sendNotification) return undefined;
  return (p: { elapsedMs: number; stdoutBytes: number; tail: string }) => {
    void extra.sendNotification?.({
      method: 'notifications/progress',
      params: {
        progressToken: token,
        progress: p.elapsedMs,
        message: `${Math.round(p.elapsedMs / 1000)} s, ${p.stdoutBytes} bytes of output${p.tail ? `; last: ${p.tail.slice(-200)}` : ''}`,
      },
    });
  };
}

export const sandboxExec = defineTool({
  name: 'sandbox_exec',
  title: 'Run a command in a sandbox',
  description:
    "Run a shell command you do not fully trust (a downloaded script, generated code, a skill's helper) " +
    "isolated: no network, nothing of the user's home or the host's sockets and temporary files, only " +
    'the sandbox folder writable, limited CPU, memory and time. Name a sandbox to keep its files between ' +
    'calls; omit it for a throw-away one. Long commands report progress; cancelling the request kills ' +
    'the command.',
  input: {
    command: z.string().min(1).describe('Shell command, run with /bin/sh -c.'),
    sandbox: z.string().optional().describe('Name of a persistent sandbox (created on first use).'),
    backend,
    timeout_ms: z.number().int().min(100).max(3_600_000).optional(),
    cwd: z.string().optional().describe('Folder inside the sandbox.'),
    files: z
      .array(z.object({ path: z.string(), content: z.string() }))
      .max(100)
      .optional()
      .describe('Files to write into the sandbox first.'),
  },
  output: {
    exit_code: z.number().optional().describe('Absent when the command was killed (timeout, signal).'),
    stdout: z.string(),
    stderr: z.string(),
    duration_ms: z.number(),
    truncated: z.boolean(),
    timed_out: z.boolean(),
    out_of_memory: z.boolean().optional().describe('True when the kernel killed it for going over the memory budget.'),
    backend: z.string(),
  },
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: false },
  async handle(args, kit, extra) {
    const box = backendFor(kit, args.backend);
    const r = await box.exec(
      args.sandbox,
      { command: args.command, timeoutMs: args.timeout_ms, cwd: args.cwd, files: args.files },
      { onProgress: progressReporter(extra), signal: extra.signal },
    );
    const notes = [r.timedOut && ' (timed out)', r.outOfMemory && ' (out of memory)', r.truncated && ' (output truncated)']
      .filter(Boolean)
      .join('');
    const text = `exit ${r.exitCode}${notes} in ${r.durationMs} ms [${box.name}]\n${r.stdout}${r.stderr ? `\n--- stderr ---\n${r.stderr}` : ''}`;
    return {
      structured: {
        exit_code: r.exitCode ?? undefined,
        stdout: r.stdout,
        stderr: r.stderr,
        duration_ms: r.durationMs,
        truncated: r.truncated,
        timed_out: r.timedOut,
        out_of_memory: r.outOfMemory,
        backend: box.name,
      },
      text,
    };
  },
});

export const sandboxList = defineTool({
  name: 'sandbox_list',
  title: 'List sandboxes',
  description:
    'List the named (persistent) sandboxes of a backend with their state and when they were last used, ' +
    'to reuse one or clean up the ones no longer needed.',
  input: { backend },
  output: { sandboxes: z.array(info) },
  annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false },
  async handle(args, kit) {
    const list = await backendFor(kit, args.backend).list();
    const sandboxes = list.map((s) => ({
      name: s.name,
      backend: s.backend,
      state: s.state,
      created_at: s.createdAt,
      last_used_at: s.lastUsedAt ?? undefined,
    }));
    return { structured: { sandboxes }, text: sandboxes.map((s) => `${s.name} (${s.backend}, ${s.state})`).join('\n') || 'No sandboxes.' };
  },
});

export const sandboxStop = defineTool({
  name: 'sandbox_stop',
  title: 'Stop a sandbox',
  description:
    'Stop a named sandbox: remote ones stop using (and billing for) resources; its files are kept and it starts again automatically on next use.',
  input: { sandbox: z.string(), backend },
  output: { sandbox: z.string(), state: z.string() },
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: true, openWorldHint: false },
  async handle(args, kit) {
    await backendFor(kit, args.backend).stop(args.sandbox);
    return { structured: { sandbox: args.sandbox, state: 'stopped' }, text: `Stopped ${args.sandbox}.` };
  },
});

export const sandboxDelete = defineTool({
  name: 'sandbox_delete',
  title: 'Delete a sandbox',
  description:
    'Delete a named sandbox with all its files (locally its work folder, remotely the Daytona sandbox). ' +
    'Cannot be undone; use sandbox_stop to keep the files.',
  input: { sandbox: z.string(), backend },
  output: { sandbox: z.string(), deleted: z.boolean() },
  annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: true, openWorldHint: false },
  async handle(args, kit) {
    await backendFor(kit, args.backend).delete(args.sandbox);
    return { structured: { sandbox: args.sandbox, deleted: true }, text: `Deleted ${args.sandbox}.` };
  },
});

export const SANDBOX_TOOLS = [sandboxExec, sandboxList, sandboxStop, sandboxDelete];
