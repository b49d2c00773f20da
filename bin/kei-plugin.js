#!/usr/bin/env node
// Entry used by the Claude Code plugin. Claude Code installs plugin dependencies with
// --ignore-scripts, so the native SQLite module is not built and dist/ may be missing. The first
// event starts a one-time build in the background (locked, logged) and every hook exits 0 meanwhile.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const [mode, ...rest] = process.argv.slice(2);
const ready =
  existsSync(join(root, 'dist', 'hooks', 'main.js')) &&
  existsSync(join(root, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node'));

function bootstrap() {
  const home = process.env.KEI_HOME || join(homedir(), '.keiseikit');
  mkdirSync(join(home, 'logs'), { recursive: true });
  const lock = join(home, 'plugin-build.lock');
  if (existsSync(lock)) return;
  closeSync(openSync(lock, 'w'));
  const log = openSync(join(home, 'logs', 'plugin-build.log'), 'a');
  const script = 'npm install --no-audit --no-fund --include=dev && npm rebuild better-sqlite3 && npm run build';
  spawn('sh', ['-c', `${script}; rm -f "${lock}"`], { cwd: root, detached: true, stdio: ['ignore', log, log] }).unref();
}

if (!ready) {
  bootstrap();
  if (mode === 'mcp') {
    process.stderr.write(
      'keiseikit: first start, building the native SQLite module in the background (see ~/.keiseikit/logs/plugin-build.log); restart in a minute.\n',
    );
    process.exit(1);
  }
  process.exit(0);
}
if (mode === 'hook') {
  process.argv.splice(2, process.argv.length, ...rest);
  // The pre-bundled hook (one file) when the build made it, the module graph otherwise.
  const bundle = join(root, 'dist', 'hooks', 'hook.cjs');
  const hook = existsSync(bundle) ? createRequire(import.meta.url)(bundle) : await import('../dist/hooks/main.js');
  await hook.main(rest);
} else {
  await (await import('../dist/server/main.js')).main(rest);
}
