#!/usr/bin/env node
// Builds the Claude Code plugin release: one folder that is both a marketplace and the plugin, with the compiled
// dist/ and the runtime dependencies (their native SQLite binding included) already in place. Claude Code copies a
// plugin folder as it is and runs `npm ci --ignore-scripts` only where it finds a lockfile, so this folder has no
// lockfile: nothing is installed, built or downloaded on the user's machine, and the first session works.
// Usage: npm run build && node scripts/build-plugin.js <out-dir> [--branch plugin]
//   The folder is replaced. With --branch, it is also committed as the next commit of that branch of this repository
//   (scripts/lib/plugin-branch.js): the release that .claude-plugin/marketplace.json on the main branch installs.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { commitToBranch } from './lib/plugin-branch.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values, positionals } = parseArgs({ options: { branch: { type: 'string' } }, allowPositionals: true });
const out = positionals[0] ? resolve(positionals[0]) : '';
if (!out || positionals.length > 1) fail('usage: node scripts/build-plugin.js <out-dir> [--branch <name>]');
if (!existsSync(join(root, 'dist', 'server', 'main.js')) || !existsSync(join(root, 'dist', 'hooks', 'hook.cjs')))
  fail('dist/ is missing or incomplete: run `npm run build` first');
if (out === root || root.startsWith(out + sep)) fail(`refusing to replace ${out}: it holds the repository`);

const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

// Source maps point at src/, which a plugin does not ship; TypeScript sources and declarations are not run.
const runtimeFile = (src) => !/\.(map|ts|mts|cts)$/.test(src);
// What the npm package ships (its `files`), so the plugin has every run-time part the package has.
for (const part of new Set([...pkg.files.filter((f) => f !== '.claude-plugin'), 'LICENSE', 'README.md']))
  if (existsSync(join(root, part))) cpSync(join(root, part), join(out, part), { recursive: true, filter: runtimeFile });
cpSync(join(root, '.claude-plugin', 'plugin.json'), join(out, '.claude-plugin', 'plugin.json'));
copyRuntimeDependencies();

const manifest = {
  name: pkg.name,
  version: pkg.version,
  description: pkg.description,
  type: 'module',
  license: pkg.license,
  engines: pkg.engines,
  bin: pkg.bin,
  dependencies: pkg.dependencies,
};
writeJson(join(out, 'package.json'), manifest);
writeJson(join(out, '.claude-plugin', 'marketplace.json'), {
  name: pkg.name,
  owner: { name: 'KeiSeiKit' },
  plugins: [{ name: pkg.name, source: './', version: pkg.version, description: pkg.description }],
});
if (values.branch) {
  const commit = commitToBranch(root, out, values.branch, `keiseikit plugin ${pkg.version}`);
  process.stdout.write(`${values.branch} ${commit}\n`);
}
process.stdout.write(`${out}\n`);

/**
 * The production dependency tree as npm resolved it in this checkout (`npm ls --omit=dev`), copied folder by folder
 * without the bits only a compiler or an editor reads. better-sqlite3 keeps its addon (and its sources, so that
 * `npm rebuild` can still rebuild it on a machine whose Node the addon does not fit).
 */
function copyRuntimeDependencies() {
  let listed;
  try {
    listed = execFileSync('npm', ['ls', '--omit=dev', '--all', '--parseable'], { cwd: root, encoding: 'utf8', stdio: 'pipe' });
  } catch (err) {
    const why = String(err.stderr ?? err.message)
      .trim()
      .split('\n')[0];
    fail(`the installed dependencies do not match package.json (npm ls: ${why}); run npm ci, then build again`);
  }
  const dirs = listed
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && l !== root);
  for (const dir of dirs) {
    const rel = relative(root, dir);
    if (!rel.startsWith(`node_modules${sep}`)) continue;
    cpSync(dir, join(out, rel), {
      recursive: true,
      filter: (src) => runtimeFile(src) && !isNested(dir, src) && !isBuildLeftover(dir, src),
    });
  }
}

/** A dependency's own node_modules: its packages are listed (and copied) on their own, dev-only ones are not. */
function isNested(dir, src) {
  return src.startsWith(join(dir, 'node_modules'));
}

/** Of a native build folder, only the addon itself is needed at run time (not objects, archives, makefiles). */
function isBuildLeftover(dir, src) {
  const build = join(dir, 'build');
  if (!src.startsWith(build)) return false;
  return ![build, join(build, 'Release'), join(build, 'Release', 'better_sqlite3.node')].includes(src);
}

function writeJson(path, value) {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify(value, null, 2)}\n`);
}

function fail(message) {
  process.stderr.write(`build-plugin: ${message}\n`);
  process.exit(1);
}
