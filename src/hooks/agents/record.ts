import { closeSync, openSync, readSync } from 'node:fs';
import { recordSessionAgent, sessionAgent } from '../../ledger/session-agent.js';
import type { HookContext } from '../types.js';

/** Events after which the version is looked for: once a session, not on every tool call. */
const VERSION_EVENTS = new Set(['SessionStart', 'Stop', 'SessionEnd']);
const HEAD_BYTES = 64 * 1024;

/**
 * After the handler, in its transaction: the session's agent, and its version from the payload or, the first time
 * it is missing, the head of the agent's transcript (Codex: `cli_version` in the rollout's session_meta; Claude Code:
 * `version` on each line). Gemini writes its version nowhere a hook can read, so its sessions keep none.
 */
export function recordAgentOf(
  ctx: HookContext,
  agent: string,
  event: string,
  session: { id: string; transcriptPath?: string; version?: string },
): void {
  const known = sessionAgent(ctx.db, session.id);
  if (!known) return;
  let version = session.version;
  if (!version && !known.agent_version && VERSION_EVENTS.has(event) && session.transcriptPath)
    version = transcriptVersion(session.transcriptPath);
  if (known.client !== agent || (version && version !== known.agent_version)) recordSessionAgent(ctx.db, session.id, agent, version);
}

/** The agent's version from the first lines of its transcript, or undefined (no file yet, another format). */
export function transcriptVersion(path: string): string | undefined {
  const head = readHead(path);
  for (const line of head.split('\n').slice(0, 50)) {
    if (!line.startsWith('{')) continue;
    try {
      const row = JSON.parse(line) as { version?: unknown; type?: string; payload?: { cli_version?: unknown } };
      if (row.type === 'session_meta' && typeof row.payload?.cli_version === 'string') return row.payload.cli_version;
      if (typeof row.version === 'string' && /^\d+\.\d+/.test(row.version)) return row.version;
    } catch {
      // The last line of a head cut at HEAD_BYTES is partial.
    }
  }
  return undefined;
}

function readHead(path: string): string {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const buf = Buffer.alloc(HEAD_BYTES);
    return buf.subarray(0, readSync(fd, buf, 0, HEAD_BYTES, 0)).toString('utf8');
  } catch {
    return '';
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
