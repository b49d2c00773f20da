import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixedClock } from '../../src/core/clock.js';
import { openKit, type Kit } from '../../src/kit.js';
import { tempDir } from './temp.js';

/** A kit on a temporary KEI_HOME with a controllable clock. */
export function testKit(
  options: { env?: NodeJS.ProcessEnv; cwd?: string; config?: object } = {},
): Kit & { clock: ReturnType<typeof fixedClock> } {
  const home = tempDir('kei-home-');
  if (options.config) writeFileSync(join(home, 'config.json'), JSON.stringify(options.config));
  const clock = fixedClock(Date.UTC(2026, 0, 1));
  const kit = openKit({ home, cwd: options.cwd ?? home, env: options.env ?? {}, clock });
  return kit as Kit & { clock: ReturnType<typeof fixedClock> };
}
