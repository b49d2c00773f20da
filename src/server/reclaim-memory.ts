import { setFlagsFromString } from 'node:v8';
import { setTimeout as sleep } from 'node:timers/promises';
import { runInNewContext } from 'node:vm';

type Collect = () => void;
let collect: Collect | null | undefined;

/**
 * V8 collects garbage only when the program allocates, so the memory of sessions that expired in
 * an otherwise idle server stays resident (hundreds of MB after a flood) until traffic returns.
 * After a mass expiry we ask for full collections instead: a few rounds apart, because what one
 * round frees (weak references, finalizers) lets the next free more, and the heap only shrinks
 * once it is garbage-free. `--expose-gc` set at run time takes effect in new contexts only, hence
 * the fresh one; if that ever fails, we simply leave it to V8.
 */
export async function reclaimMemory(): Promise<boolean> {
  collect ??= exposeGc();
  if (!collect) return false;
  let before = process.memoryUsage().heapUsed;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    collect();
    const after = process.memoryUsage().heapUsed;
    if (before - after < SETTLED_BYTES) break;
    before = after;
    await sleep(ROUND_GAP_MS, undefined, { ref: false });
  }
  return true;
}

const MAX_ROUNDS = 5;
const ROUND_GAP_MS = 200;
/** A round that frees less than this means the heap holds no more garbage worth chasing. */
const SETTLED_BYTES = 1024 * 1024;

function exposeGc(): Collect | null {
  try {
    setFlagsFromString('--expose-gc');
    const gc: unknown = runInNewContext('gc');
    return typeof gc === 'function' ? (gc as Collect) : null;
  } catch {
    return null;
  }
}

/**
 * Counts sessions freed and collects once they stop coming: `quietMs` after the last report, and
 * only when at least `minFreed` were freed. During a flood the program allocates and V8 collects
 * by itself; a collection per sweep would only slow the flood down.
 */
export function reclaimWhenQuiet(
  minFreed: number,
  quietMs: number,
  done: (freed: number, reclaimed: boolean) => void,
): (freed: number) => void {
  let pending = 0;
  let timer: NodeJS.Timeout | undefined;
  return (freed) => {
    pending += freed;
    clearTimeout(timer);
    timer = setTimeout(() => {
      const total = pending;
      pending = 0;
      if (total < minFreed) return done(total, false);
      void reclaimMemory().then((reclaimed) => done(total, reclaimed));
    }, quietMs);
    timer.unref();
  };
}
