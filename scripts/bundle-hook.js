#!/usr/bin/env node
// Part of `npm run build`: the hook path as one CommonJS file (dist/hooks/hook.cjs). Claude Code starts
// `kei-hook` on every prompt and tool call; one pre-linked file skips Node's ES module loader and the
// resolution of some thirty small modules on every event.
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * esbuild inlines every `import('./literal.js')`; an import with a computed specifier (start-notice loads the config
 * module from dist only when config.json changed) stays a real import() and is routed through __kei_import (banner).
 */
const dynamicImportThroughHost = {
  name: 'dynamic-import-through-host',
  setup(b) {
    b.onLoad({ filter: /[\\/]src[\\/].*\.ts$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      const contents = source.replace(/(?<![\w$.])import\((?=[A-Za-z_$])/g, '__kei_import(');
      return { contents, loader: 'ts' };
    });
  },
};
// bin/kei-hook.cjs loads the bundle through this small loader, which keeps a V8 code cache of it in the data home
// (src/hooks/code-cache.ts): compiling half a megabyte of JavaScript is a large share of each hook's start.
/** One CommonJS file for Node 20+, from one TypeScript entry under src/hooks. */
const cjsBundle = (entry, out) => ({
  entryPoints: [join(root, 'src', 'hooks', entry)],
  outfile: join(root, 'dist', 'hooks', out),
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  logLevel: 'warning',
});
/**
 * The guard is three quarters of the hook path's code, and building its rules took more of a hook's start than
 * everything else it does: the hook bundle reaches it through a stand-in that loads dist/hooks/guard.cjs (the whole
 * guard) or guard-redact.cjs (secret redaction only) on the first call that needs it. Every event loads the redaction
 * rules (before its write transaction: src/hooks/main.ts); a session start whose memories all carry the current guard
 * mark never loads the whole guard. The rules' fingerprint
 * (what that mark holds) is computed here, from the guard tsc just built, instead of from every rule at run time.
 */
async function lazyGuard() {
  const { rulesFingerprint } = await import(pathToFileURL(join(root, 'dist', 'guard', 'index.js')).href);
  const shortHashFile = JSON.stringify(join(root, 'src', 'guard', 'short-hash.ts'));
  const contents = `
import { shortHash } from ${shortHashFile};
export { shortHash };
let whole;
let redaction;
// Through bin/kei-hook.cjs's code-cache loader when it ran this bundle (its __kei_require_host), else a plain require.
const load = (file) => (typeof __kei_require_host === 'function' ? __kei_require_host(file) : require(file));
const guard = () => (whole ??= load('./guard.cjs'));
const redactor = () => (redaction ??= whole ?? load('./guard-redact.cjs'));
export const scanText = (text, options) => guard().scanText(text, options);
export const redactSecrets = (text) => redactor().redactSecrets(text);
export const rulesFingerprint = () => ${JSON.stringify(rulesFingerprint())};
`;
  return {
    name: 'lazy-guard',
    setup(b) {
      // Only imports from outside the guard: inside it, its modules import each other as usual.
      b.onResolve({ filter: /[\\/]guard[\\/](index|redact)\.js$/ }, (args) =>
        /[\\/]src[\\/]guard[\\/]/.test(args.importer) ? undefined : { path: 'lazy-guard', namespace: 'kei' },
      );
      b.onLoad({ filter: /^lazy-guard$/, namespace: 'kei' }, () => ({ contents, loader: 'js', resolveDir: root }));
    },
  };
}

await build(cjsBundle('code-cache.ts', 'code-cache.cjs'));
await build(cjsBundle(join('..', 'guard', 'index.ts'), 'guard.cjs'));
await build(cjsBundle(join('..', 'guard', 'redact.ts'), 'guard-redact.cjs'));
await build({
  ...cjsBundle('main.ts', 'hook.cjs'),
  external: ['bindings'],
  // better-sqlite3's JavaScript is bundled too (its dozen files cost ~10 ms to load); the addon itself is
  // loaded at run time from the path db.ts finds (the `nativeBinding` option).
  // import.meta.url (used to find the addon and bin/) becomes this file's own URL.
  // __KEI_HOOK_BUNDLE__ tells src/core/sqlite-better.ts it may use the bundle's own require.
  define: { 'import.meta.url': '__kei_module_url', __KEI_HOOK_BUNDLE__: 'true' },
  banner: {
    js: [
      "const __kei_module_url = require('node:url').pathToFileURL(__filename).href;",
      // A dynamic import() inside a script V8 restored from a code cache fails on Node 20 ("A dynamic import callback
      // was not specified"): the loader passes __kei_import_host, an import() from its own (normal) module.
      "const __kei_import = typeof __kei_import_host === 'function' ? __kei_import_host : (specifier) => import(specifier);",
    ].join('\n'),
  },
  plugins: [await lazyGuard(), dynamicImportThroughHost],
});
const bundled = readFileSync(join(root, 'dist', 'hooks', 'hook.cjs'), 'utf8');
if (/(?<![\w$.])import\((?!specifier\))/.test(bundled))
  throw new Error(
    'dist/hooks/hook.cjs has an import() the code cache would break: use a variable specifier (see dynamicImportThroughHost)',
  );
