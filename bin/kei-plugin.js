#!/usr/bin/env node
// Entry used by the Claude Code plugin (hooks/hooks.json, .mcp.json): `kei-plugin.js hook <Event>` or `kei-plugin.js mcp`.
// A release folder (scripts/build-plugin.js) is ready as installed. Otherwise a one-time repair runs in the
// background (bin/plugin/setup.js) while hooks exit 0 and the MCP server answers with what is happening
// (bin/plugin/standin.js), then becomes the real server on the same connection.
import { createRequire } from 'node:module';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { dataHome, isReady, repairCommand, startRepair } from './plugin/setup.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const [mode, ...rest] = process.argv.slice(2);

if (isReady(root)) await runKit();
else if (mode === 'mcp') await standIn();
else {
  // A hook must never break the session: start the repair if it can, record nothing this time, exit 0.
  try {
    const { home } = dataHome();
    if (home) startRepair(root, home);
  } catch {
    // The repair is retried on the next event.
  }
  process.exitCode = 0;
}

async function runKit() {
  if (mode === 'hook') {
    if ((await import('./plugin/defer.js')).settingsHookFor(rest[0], root)) return stepAside();
    process.argv.splice(2, process.argv.length, ...rest);
    // The pre-bundled hook (one file) when the build made it, the module graph otherwise.
    const bundle = join(root, 'dist', 'hooks', 'hook.cjs');
    const hook = existsSync(bundle) ? createRequire(import.meta.url)(bundle) : await import('../dist/hooks/main.js');
    await hook.main(rest);
  } else {
    let server;
    try {
      server = await import('../dist/server/main.js');
    } catch (err) {
      // A plugin folder missing a module: answer with what is wrong rather than exit (Claude Code would cache a failure).
      return standIn(
        `KeiSeiKit could not load its MCP server (${err.message}); reinstall the plugin: claude plugin uninstall keiseikit, then install it again`,
      );
    }
    await server.main(rest);
  }
}

/** The kit's hooks in settings.json record this event; read the event (so the writer sees no broken pipe) and exit. */
function stepAside() {
  const done = () => process.exit(0);
  process.stdin.on('end', done).on('error', done).resume();
  setTimeout(done, 1000);
}

/** The MCP stand-in: until the kit is ready (or for good, with `broken`), tools answer with what is happening. */
async function standIn(broken) {
  const { runStandIn } = await import('./plugin/standin.js');
  const { home, error } = dataHome();
  let log;
  const notReady = () => {
    if (broken) return broken;
    if (error) return `KeiSeiKit cannot start: ${error}`;
    try {
      log ??= startRepair(root, home);
    } catch (err) {
      return `KeiSeiKit cannot finish its first-time setup: ${err.message}`;
    }
    const what = /npm run build/.test(repairCommand(root))
      ? 'it is being built from source in the background (npm install and a TypeScript build, a few minutes)'
      : `its SQLite module is being prepared for this Node (${process.version}) in the background`;
    return (
      `KeiSeiKit is finishing its first-time setup: ${what}. The tools appear here when it is done, without a restart; ` +
      `progress and errors are in ${log}.`
    );
  };
  notReady();
  const version = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version;
  runStandIn({ isReady: () => !broken && isReady(root), notReady, realServer: [join(root, 'bin', 'kei-mcp.js'), ...rest], version });
}
