import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
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
    const named = seatbeltProfile({ work: '/Users/ann/.keiseikit/sandboxes/proj', home: '/Users/ann', keiHome: '/Users/ann/.keiseikit', readOnly: ['/Users/ann'] });
    const first = named.indexOf('(deny file-read*');
    const allow = named.indexOf('(allow file-read*\n', first);
    const again = named.indexOf('(deny file-read*', allow);
    for (const p of ['"/Users/ann"', '"/private/tmp"', '"/Users/ann/.keiseikit"']) expect(named.slice(first, allow)).toContain(p);
    expect(named.slice(allow, again)).toContain('(subpath "/Users/ann")');
    for (const p of ['.ssh', '.aws', '.claude', '.config/gh', '.netrc', '.claude.json', '.bash_history']) expect(named.slice(again)).toContain(`"/Users/ann/${p}"`);
    expect(named.slice(again)).toContain('\\.env');
  });

  it('quotes paths safely and runs the command through /bin/sh with HOME in the work folder', () => {
    const args = seatbeltArgs({ work: "/tmp/a \"b\" 'c'", home: '/h', keiHome: '/k' }, 'echo hi');
    expect(args[1]).toContain('"/tmp/a \\"b\\" \'c\'"');
    expect(args.slice(2, 4)).toEqual(['/bin/sh', '-c']);
    const out = spawnSync('/bin/sh', ['-c', `${args[4].replace('echo hi', 'echo "$HOME"')}`], { encoding: 'utf8' }).stdout;
    expect(out).toBe("/tmp/a \"b\" 'c'/.home\n");
  });
});
