#!/usr/bin/env node
// Claude Code hook entry: `kei-hook <Event>` with the event JSON on stdin. CommonJS on purpose: it loads
// the single pre-bundled dist/hooks/hook.cjs without starting Node's ES module loader.
'use strict';
let entry;
try {
  entry = require('../dist/hooks/hook.cjs');
} catch {
  entry = undefined;
}
if (entry) entry.main();
else import('../dist/hooks/main.js').then((m) => m.main()).catch(() => { process.exitCode = 0; });
