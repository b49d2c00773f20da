import { spawnSync } from 'node:child_process';
import { cpSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, REPO_ROOT, tempDir } from '../helpers/temp.js';

describe('the package', () => {
  it('packs a tarball with dist/ from a checkout that was never built (prepack builds)', () => {
    const copy = tempDir('kei-pack-');
    for (const entry of ['package.json', 'tsconfig.json', 'tsconfig.build.json', 'src', 'bin', 'scripts', 'skills', 'hooks', 'README.md'])
      cpSync(join(REPO_ROOT, entry), join(copy, entry), { recursive: true });
    for (const optional of ['.claude-plugin', '.mcp.json', 'LICENSE']) {
      try {
        cpSync(join(REPO_ROOT, optional), join(copy, optional), { recursive: true });
      } catch {
        /* not every checkout has it yet */
      }
    }
    symlinkSync(join(REPO_ROOT, 'node_modules'), join(copy, 'node_modules'));
    const r = spawnSync('npm', ['pack', '--json', '--ignore-scripts=false'], { cwd: copy, encoding: 'utf8', timeout: 180_000 });
    expect(r.status, r.stderr).toBe(0);
    const [packed] = JSON.parse(r.stdout.slice(r.stdout.indexOf('['))) as { files: { path: string }[] }[];
    const files = packed.files.map((f) => f.path);
    for (const f of ['dist/cli/main.js', 'dist/server/main.js', 'dist/hooks/main.js', 'bin/kei-hook.cjs', 'bin/kei-skills.js'])
      expect(files).toContain(f);
    expect(files).not.toContain('bin/kei-hook.js');
  }, 240_000);

  it('installs the CLI as `kei` too, and help speaks the name typed', () => {
    const bin = (JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { bin: Record<string, string> }).bin;
    expect(bin.kei).toBe(bin['kei-skills']);
    const link = join(tempDir('kei-bin-'), 'kei');
    symlinkSync(BIN.skills, link);
    const help = spawnSync(process.execPath, [link, '--help'], { encoding: 'utf8' });
    expect(help.stdout).toMatch(/^Usage: kei \[options\]/m);
  });
});
