import { existsSync, readFileSync } from 'node:fs';
import { dirname, extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/** The page's files: `ui/` at the package root (two levels above dist/ui/ and src/ui/), shipped as they are. */
export const ASSETS = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'ui');

/** A file of the page by its URL path (`/` is index.html), or undefined for anything outside the folder or of another type. */
export function staticFile(urlPath: string): { body: Buffer; type: string } | undefined {
  const rel = urlPath === '/' ? 'index.html' : decodeURIComponent(urlPath).replace(/^\/+/, '');
  const file = resolve(ASSETS, rel);
  const type = TYPES[extname(file)];
  if (!type || !file.startsWith(ASSETS + sep) || !existsSync(file)) return undefined;
  return { body: readFileSync(file), type };
}

/** Every shipped file with its size: the page weight the README states. */
export function assetExists(): boolean {
  return existsSync(join(ASSETS, 'index.html'));
}
