import { spawnSync } from 'node:child_process';
import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/core/clock.js';
import { openDatabase } from '../../src/core/db.js';
import { LocalSandboxes } from '../../src/sandbox/local.js';
import { SandboxRecords } from '../../src/sandbox/registry.js';
import { DEFAULT_LIMITS } from '../../src/sandbox/types.js';
import { tempDir } from '../helpers/temp.js';
import { seatbeltArgs, seatbeltProfile } from '../../src/sandbox/seatbelt.js';

describe('macOS sandbox-exec profile', () => {
  const profile = seatbeltProfile({ work: '/Users/ann/.keiseikit/sandboxes/proj', home: '/Users/ann', keiHome: '/Users/ann/.keiseikit' });

  it('denies by default and denies the network', () => {
    expect(profile.startsWith('(version 1)\n(deny default)\n')).toBe(true);
    expect(profile).toContain('(deny network*)');
    expect(profile).not.toMatch(/\(allow network/);
  });

  it('allows writes only in the work folder, as its last word', () => {
    const writes = profile.slice(profile.lastIndexOf('(allow file-read* file-write*'), profile.indexOf('(deny network*)'));
    expect(writes).toContain('(subpath "/Users/ann/.keiseikit/sandboxes/proj")');
    expect(writes).not.toContain('(subpath "/Users/ann")');
    expect(profile).not.toContain('/private/tmp")\n  (literal');
  });

  it('hides all of HOME, the shared temporary folders and the data home; secrets stay hidden inside named paths', () => {
    const named = seatbeltProfile({
      work: '/Users/ann/.keiseikit/sandboxes/proj',
      home: '/Users/ann',
      keiHome: '/Users/ann/.keiseikit',
      readOnly: ['/Users/ann'],
    });
    const first = named.indexOf('(deny file-read*');
    const allow = named.indexOf('(allow file-read*\n', first);
    const again = named.indexOf('(deny file-read*', allow);
    for (const p of ['"/Users/ann"', '"/private/tmp"', '"/Users/ann/.keiseikit"']) expect(named.slice(first, allow)).toContain(p);
    expect(named.slice(allow, again)).toContain('(subpath "/Users/ann")');
    for (const p of ['.ssh', '.aws', '.claude', '.config/gh', '.netrc', '.claude.json', '.bash_history'])
      expect(named.slice(again)).toContain(`"/Users/ann/${p}"`);
    expect(named.slice(again)).toContain('\\.env');
  });

  it('quotes paths safely and runs the command through /bin/sh with HOME in the work folder', () => {
    const args = seatbeltArgs({ work: '/tmp/a "b" \'c\'', home: '/h', keiHome: '/k' }, 'echo hi');
    expect(args[1]).toContain('"/tmp/a \\"b\\" \'c\'"');
    expect(args.slice(2, 4)).toEqual(['/bin/sh', '-c']);
    const out = spawnSync('/bin/sh', ['-c', `${args[4].replace('echo hi', 'echo "$HOME"')}`], { encoding: 'utf8' }).stdout;
    expect(out).toBe('/tmp/a "b" \'c\'/.home\n');
  });
});

describe('the sandbox-exec backend on this machine, with a stand-in for the macOS binary', () => {
  it('gives the command only the allow-listed environment and what the caller passed, HOME in the work folder', async () => {
    const bin = tempDir('kei-fake-bin-');
    // sandbox-exec -p <profile> /bin/sh -c <command>: the stand-in skips the profile and runs the rest.
    writeFileSync(join(bin, 'sandbox-exec'), '#!/bin/sh\nshift 2\nexec "$@"\n');
    chmodSync(join(bin, 'sandbox-exec'), 0o755);
    const keiHome = tempDir('kei-home-');
    const box = new LocalSandboxes({
      keiHome,
      home: tempDir('kei-user-'),
      records: new SandboxRecords(openDatabase(join(keiHome, 'kei.db'))),
      clock: fixedClock(0),
      limits: DEFAULT_LIMITS,
      mode: 'sandbox-exec',
    });
    const saved = { path: process.env.PATH, secret: process.env.KEI_TEST_SECRET };
    process.env.PATH = `${bin}:${process.env.PATH}`;
    process.env.KEI_TEST_SECRET = 'server-secret';
    try {
      const r = await box.exec(undefined, { command: 'env', env: { GIVEN: 'yes' } });
      expect(r.stdout).toContain('GIVEN=yes');
      expect(r.stdout).not.toContain('server-secret');
      expect(r.stdout).toMatch(/^HOME=.*\/\.home$/m);
    } finally {
      process.env.PATH = saved.path;
      if (saved.secret === undefined) delete process.env.KEI_TEST_SECRET;
    }
  });
});
