#!/usr/bin/env node
// Claude Code hook entry: `kei-hook <Event>` with the event JSON on stdin. CommonJS on purpose: it loads
// the single pre-bundled dist/hooks/hook.cjs without starting Node's ES module loader, through a loader that
// keeps a V8 code cache of it in the data home (src/hooks/code-cache.ts; KEI_HOOK_CODE_CACHE=0 turns the cache off,
// as bench:hooks does to compare); without the loader, a plain require.
'use strict';
const { join } = require('node:path');

function load() {
  const bundle = join(__dirname, '..', 'dist', 'hooks', 'hook.cjs');
  try {
    const { loadWithCodeCache, defaultCacheDir } = require('../dist/hooks/code-cache.cjs');
    const cacheDir = process.env.KEI_HOOK_CODE_CACHE === '0' ? undefined : defaultCacheDir();
    // One cache per event (and agent): each holds what its own run compiled.
    return loadWithCodeCache(bundle, cacheDir, process.argv.slice(2, 5).join(' ').slice(0, 200));
  } catch {
    // No loader, or it failed before the bundle ran: the bundle as Node loads it.
  }
  try {
    return { exports: require(bundle), save() {} };
  } catch {
    return undefined;
  }
}

const entry = load();
if (entry) entry.exports.main().finally(() => entry.save());
else import('../dist/hooks/main.js').then((m) => m.main()).catch(() => { process.exitCode = 0; });
