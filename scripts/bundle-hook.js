#!/usr/bin/env node
// Part of `npm run build`: the hook path as one CommonJS file (dist/hooks/hook.cjs). Claude Code starts
// `kei-hook` on every prompt and tool call; one pre-linked file skips Node's ES module loader and the
// resolution of some thirty small modules on every event.
import { build } from 'esbuild';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
await build({
  entryPoints: [join(root, 'src', 'hooks', 'main.ts')],
  outfile: join(root, 'dist', 'hooks', 'hook.cjs'),
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  // better-sqlite3's JavaScript is bundled too (its dozen files cost ~10 ms to load); the addon itself is
  // loaded at run time from the path db.ts finds (the `nativeBinding` option).
  external: ['bindings'],
  // import.meta.url (used to find the addon and bin/) becomes this file's own URL.
  // __KEI_HOOK_BUNDLE__ tells src/core/sqlite-better.ts it may use the bundle's own require.
  define: { 'import.meta.url': '__kei_module_url', __KEI_HOOK_BUNDLE__: 'true' },
  banner: { js: "const __kei_module_url = require('node:url').pathToFileURL(__filename).href;" },
  logLevel: 'warning',
});
