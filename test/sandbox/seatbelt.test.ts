import { describe, expect, it } from 'vitest';
import { seatbeltArgs, seatbeltProfile } from '../../src/sandbox/seatbelt.js';

describe('macOS sandbox-exec profile', () => {
  const profile = seatbeltProfile({ work: '/Users/ann/.keiseikit/sandboxes/proj', home: '/Users/ann', keiHome: '/Users/ann/.keiseikit' });

  it('denies by default and denies the network', () => {
    expect(profile.startsWith('(version 1)\n(deny default)\n')).toBe(true);
    expect(profile).toContain('(deny network*)');
    expect(profile).not.toMatch(/\(allow network/);
  });

  it('allows writes only in the work folder and temporary folders', () => {
    const writes = profile.slice(profile.indexOf('(allow file-write*'), profile.indexOf('(deny network*)'));
    expect(writes).toContain('(subpath "/Users/ann/.keiseikit/sandboxes/proj")');
    expect(writes).not.toContain('(subpath "/Users/ann")');
  });

  it('hides secrets, .env files and the KeiSeiKit data home from reading', () => {
    const denies = profile.slice(profile.indexOf('(deny file-read*'), profile.indexOf('(allow file-write*'));
    for (const p of ['.ssh', '.aws', '.gnupg', '.config/gcloud', '.netrc', '.claude.json']) expect(denies).toContain(`"/Users/ann/${p}"`);
    expect(denies).toContain('(subpath "/Users/ann/.keiseikit")');
    expect(denies).toContain('\\.env');
    expect(profile.indexOf('(allow file-read* (subpath "/Users/ann/.keiseikit/sandboxes/proj"))')).toBeGreaterThan(profile.indexOf('(deny file-read*'));
  });

  it('quotes paths safely and runs the command through /bin/sh', () => {
    const args = seatbeltArgs({ work: '/tmp/a "b"', home: '/h', keiHome: '/k' }, 'echo hi');
    expect(args[1]).toContain('"/tmp/a \\"b\\""');
    expect(args.slice(2)).toEqual(['/bin/sh', '-c', 'echo hi']);
  });
});
