import { spawnSync } from 'node:child_process';
import { readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, REPO_ROOT, tempDir } from '../helpers/temp.js';

// Packing a never-built copy (prepack builds) and installing the tarball globally: test/install/global-install.test.ts.
describe('the package', () => {
  it('installs the CLI as `kei` and `keiseikit` too, and help speaks the name typed', () => {
    const bin = (JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { bin: Record<string, string> }).bin;
    expect(bin.kei).toBe(bin['kei-skills']);
    expect(bin.keiseikit).toBe(bin['kei-skills']);
    const link = join(tempDir('kei-bin-'), 'kei');
    symlinkSync(BIN.skills, link);
    const help = spawnSync(process.execPath, [link, '--help'], { encoding: 'utf8' });
    expect(help.stdout).toMatch(/^Usage: kei \[options\]/m);
  });
});
