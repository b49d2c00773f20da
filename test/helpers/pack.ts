import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './temp.js';

export interface Packed {
  tarball: string;
  /** Paths inside the tarball, relative to its package/ folder. */
  files: string[];
}

/**
 * `npm pack` of a copy of this checkout that was never built, as a clean clone would be: what package.json ships
 * (`files`, except dist/) and what the build reads. Only node_modules is shared (a link), for tsc and esbuild.
 */
export function packFreshCopy(copy: string, destination: string): Packed {
  const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { files: string[] };
  const shipped = pkg.files.filter((f) => f !== 'dist');
  for (const entry of new Set([...shipped, 'package.json', 'tsconfig.json', 'tsconfig.build.json', 'src', 'scripts']))
    if (existsSync(join(REPO_ROOT, entry))) cpSync(join(REPO_ROOT, entry), join(copy, entry), { recursive: true });
  symlinkSync(join(REPO_ROOT, 'node_modules'), join(copy, 'node_modules'));
  mkdirSync(destination, { recursive: true });
  const r = spawnSync('npm', ['pack', '--json', '--ignore-scripts=false', '--pack-destination', destination], {
    cwd: copy,
    encoding: 'utf8',
    timeout: 300_000,
  });
  if (r.status !== 0) throw new Error(`npm pack failed (${r.status}): ${r.stderr}`);
  const [packed] = JSON.parse(r.stdout.slice(r.stdout.indexOf('['))) as { filename: string; files: { path: string }[] }[];
  return { tarball: join(destination, packed.filename), files: packed.files.map((f) => f.path) };
}

/**
 * `npm install -g --prefix` of a tarball, from npm's own cache where it can. Install scripts are skipped and
 * better-sqlite3's addon is taken from this checkout when it is the same version: compiling SQLite is
 * better-sqlite3's own install step and takes 1 to 7 minutes on a busy machine; a different version is rebuilt.
 */
export function installGlobally(tarball: string, prefix: string): string {
  const npm = (args: string[], cwd?: string) => {
    const r = spawnSync('npm', args, { cwd, encoding: 'utf8', timeout: 600_000 });
    if (r.status !== 0) throw new Error(`npm ${args.join(' ')} failed (${r.status}): ${r.stderr}`);
  };
  npm(['install', '-g', '--prefix', prefix, '--ignore-scripts', '--no-audit', '--no-fund', '--prefer-offline', tarball]);
  const root = join(prefix, process.platform === 'win32' ? '' : 'lib', 'node_modules', 'keiseikit');
  const sqlite = join(root, 'node_modules', 'better-sqlite3');
  const version = (dir: string) => (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string }).version;
  const ours = join(REPO_ROOT, 'node_modules', 'better-sqlite3');
  const addon = join('build', 'Release', 'better_sqlite3.node');
  if (existsSync(join(ours, addon)) && version(ours) === version(sqlite)) {
    mkdirSync(join(sqlite, 'build', 'Release'), { recursive: true });
    copyFileSync(join(ours, addon), join(sqlite, addon));
  } else npm(['rebuild', 'better-sqlite3'], root);
  return root;
}
