import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bwrapAvailable } from '../../src/sandbox/local.js';
import { BIN, tempDir } from '../helpers/temp.js';

const TOKEN = /ghp_[A-Za-z0-9]{36}/;
const KEY_BODY = /^[A-Za-z0-9+/]{64}$/m;

describe.skipIf(!bwrapAvailable())('secrets a scheduled job prints are not kept (real kei CLI)', () => {
  it('neither kei.db nor the job log holds the token or the private key the job printed', () => {
    const home = tempDir('kei-home-');
    const env = { ...process.env, KEI_HOME: home, HOME: tempDir('kei-user-') };
    const kei = (...args: string[]) => spawnSync(process.execPath, [BIN.skills, ...args], { env, encoding: 'utf8', timeout: 60_000 });
    // Made at run time, so the payload itself holds no secret (the guard would refuse it).
    const payload = `printf 'token ghp_%s\\n' $(head -c 200 /dev/urandom | base64 | tr -dc A-Za-z0-9 | head -c 36); openssl genrsa 2048 2>/dev/null; echo done`;
    expect(kei('schedule', 'add', 'leaky', 'in 2h', '--', payload).status).toBe(0);
    const run = kei('schedule', 'run', 'leaky');
    expect(run.status, run.stderr).toBe(0);
    const jobLogs = join(home, 'logs', 'jobs');
    const logText = readdirSync(jobLogs)
      .map((f) => readFileSync(join(jobLogs, f), 'utf8'))
      .join('\n');
    expect(logText).toContain('done');
    expect(logText).toContain('[REDACTED');
    const printedKey = spawnSync('openssl', ['version']).status === 0;
    const dbBytes = ['kei.db', 'kei.db-wal']
      .map((f) => {
        try {
          return readFileSync(join(home, f)).toString('latin1');
        } catch {
          return '';
        }
      })
      .join('');
    for (const text of [logText, dbBytes, kei('schedule', 'runs', '--json').stdout]) {
      expect(text).not.toMatch(TOKEN);
      if (printedKey) expect(text).not.toMatch(KEY_BODY);
    }
  });
});
