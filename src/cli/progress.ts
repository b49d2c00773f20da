/**
 * A one-line counter on stderr while long work runs (`nightly 2/5 traj_s1`), redrawn in place and cleared at the
 * end; silent when stderr is not a terminal, so pipes, logs and `--json` output are unchanged.
 */
export interface Progress {
  update(done: number, total: number, item: string): void;
  end(): void;
}

export function progress(label: string, stream: NodeJS.WriteStream = process.stderr): Progress {
  if (!stream.isTTY) return { update: () => undefined, end: () => undefined };
  let shown = false;
  return {
    update(done, total, item) {
      const text = `${label} ${total > 0 ? `${done + 1}/${total}` : `${done + 1}`} ${item.replace(/\s+/g, ' ')}`;
      const width = (stream.columns || 80) - 1;
      stream.write(`\r\x1b[K${text.length > width ? `${text.slice(0, width - 1)}…` : text}`);
      shown = true;
    },
    end() {
      if (shown) stream.write('\r\x1b[K');
      shown = false;
    },
  };
}

/** Runs `work` with a counter labelled `label`, cleared however the work ends. */
export async function withProgress<T>(
  label: string,
  work: (onProgress: (done: number, total: number, item: string) => void) => Promise<T>,
): Promise<T> {
  const shown = progress(label);
  try {
    return await work((done, total, item) => shown.update(done, total, item));
  } finally {
    shown.end();
  }
}

/** One line saying what single long step is under way (a clone, a model call), on a terminal only; cleared after. */
export async function whileShowing<T>(text: string, work: () => T | Promise<T>, stream: NodeJS.WriteStream = process.stderr): Promise<T> {
  if (!stream.isTTY) return work();
  const width = (stream.columns || 80) - 1;
  stream.write(`\r\x1b[K${text.length > width ? `${text.slice(0, width - 1)}…` : text}`);
  try {
    return await work();
  } finally {
    stream.write('\r\x1b[K');
  }
}
