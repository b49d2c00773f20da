import type { Db } from '../core/db.js';
import type { Logger } from '../core/log.js';

const FLUSH_EVERY_MS = 2000;

/**
 * Counts which memories searches returned, written in one small transaction every two seconds
 * (and on close) instead of one write per search: per-search writes grew the WAL and made every
 * thousandth search pay for a checkpoint.
 */
export class UsageRecorder {
  private pending = new Map<string, { count: number; at: number }>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly db: Db,
    private readonly log: Logger,
  ) {}

  record(ids: readonly string[], at: number): void {
    for (const id of ids) {
      const entry = this.pending.get(id);
      this.pending.set(id, { count: (entry?.count ?? 0) + 1, at });
    }
    if (!this.timer && this.pending.size > 0) {
      this.timer = setTimeout(() => this.flush(), FLUSH_EVERY_MS);
      this.timer.unref();
    }
  }

  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.pending.size === 0 || !this.db.open) return;
    const batch = this.pending;
    this.pending = new Map();
    try {
      const stmt = this.db.prepare(
        'UPDATE memories SET last_used_at = max(coalesce(last_used_at, 0), ?), use_count = use_count + ? WHERE id = ?',
      );
      this.db.transaction(() => {
        for (const [id, u] of batch) stmt.run(u.at, u.count, id);
      })();
    } catch (err) {
      // Usage counts are a ranking hint; a busy database must not fail anything.
      this.log.debug('could not record memory use', { error: String(err) });
    }
  }
}
