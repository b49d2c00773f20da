import type { Kit } from '../kit.js';
import { failWith } from './output.js';

/**
 * Runs a command body with an opened kit, always closing it; any error becomes a one-line failure. The kit (and
 * with it every domain module) loads here, when a command runs, so `--help` does not pay for it.
 */
export async function withKit(body: (kit: Kit) => void | Promise<void>): Promise<void> {
  let kit: Kit | undefined;
  try {
    const { openKit } = await import('../kit.js');
    kit = openKit({ logName: 'cli' });
    await body(kit);
  } catch (err) {
    kit?.close();
    failWith(err);
  }
  kit?.close();
}
