import type { ServerResponse } from 'node:http';
import type { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';

export interface HttpSession {
  transport: StreamableHTTPServerTransport;
  /** Closes the session's MCP server (and with it the transport). Safe to call twice. */
  cleanup: () => Promise<void>;
}

interface Entry extends HttpSession {
  lastActive: number;
  /** Requests (and open SSE streams) still being answered: a session with any is never idle. */
  open: number;
}

export interface SessionLimits {
  maxSessions: number;
  idleMs: number;
}

/** Told how many sessions a sweep closed (only when it closed any). */
export type OnExpired = (closed: number) => void;

/**
 * The open HTTP sessions, bounded in number and in idle time. Each session holds a whole MCP
 * server (~100 KB), so without bounds a client that keeps sending `initialize` grows the process
 * without end. At the limit a new session is refused rather than an old one evicted: eviction
 * would let anyone who can reach the port cut off live clients, while refusal only delays the
 * newcomer until a session ends (DELETE) or idles out.
 */
export class SessionPool {
  private readonly entries = new Map<string, Entry>();
  /** Initializations under way: counted against the limit so a burst cannot overshoot it. */
  private pending = 0;
  private readonly sweeper: NodeJS.Timeout;

  constructor(
    readonly limits: SessionLimits,
    private readonly onExpired: OnExpired = () => undefined,
    private readonly now: () => number = Date.now,
  ) {
    // Sweeping at half the idle time closes a session between idleMs and 1.5 × idleMs after its last use.
    this.sweeper = setInterval(() => void this.sweep(), Math.min(limits.idleMs / 2, 60_000));
    this.sweeper.unref();
  }

  get size(): number {
    return this.entries.size;
  }

  /** Claims room for one new session; false at the limit. Pair with `settle()`. */
  reserve(): boolean {
    if (this.entries.size + this.pending >= this.limits.maxSessions) return false;
    this.pending++;
    return true;
  }

  settle(): void {
    this.pending--;
  }

  add(id: string, session: HttpSession): void {
    this.entries.set(id, { ...session, lastActive: this.now(), open: 0 });
  }

  /** The session for a request, marked busy until its response closes (an SSE stream may stay open long). */
  use(id: string, res: ServerResponse): HttpSession | undefined {
    const entry = this.entries.get(id);
    if (!entry) return undefined;
    entry.open++;
    entry.lastActive = this.now();
    res.once('close', () => {
      entry.open--;
      entry.lastActive = this.now();
    });
    return entry;
  }

  /** Forgets a session (its transport closed itself, e.g. after DELETE). */
  remove(id: string): void {
    this.entries.delete(id);
  }

  async sweep(): Promise<void> {
    const cutoff = this.now() - this.limits.idleMs;
    let closed = 0;
    for (const [id, entry] of this.entries) {
      if (entry.open > 0 || entry.lastActive > cutoff) continue;
      await this.close(id);
      closed++;
    }
    if (closed > 0) this.onExpired(closed);
  }

  async closeAll(): Promise<void> {
    clearInterval(this.sweeper);
    for (const id of [...this.entries.keys()]) await this.close(id);
  }

  private async close(id: string): Promise<void> {
    const entry = this.entries.get(id);
    this.entries.delete(id);
    await entry?.cleanup();
  }
}
