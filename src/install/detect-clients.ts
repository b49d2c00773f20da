import { accessSync, constants, existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { CLIENTS, vscodeUserFolder, type Client } from './other-clients.js';

export interface DetectedClient {
  client: Client;
  /** What showed it is installed, as the user would recognise it: `~/.cursor`, `codex on PATH`. */
  signs: string[];
}

export interface DetectOptions {
  home: string;
  env?: NodeJS.ProcessEnv;
  platform?: NodeJS.Platform;
}

interface Signs {
  /** Folders (or files) a client makes in the home folder once it has run. */
  paths: (home: string, platform: NodeJS.Platform) => string[];
  /** Commands it puts on PATH. */
  commands: string[];
}

// A client counts as installed when it left its config folder behind or its command is on PATH: an editor
// installed but never started has no folder yet, a CLI installed with npm may have no folder but has a command.
const SIGNS: Record<Client, Signs> = {
  'claude-code': { paths: (h) => [join(h, '.claude'), join(h, '.claude.json')], commands: ['claude'] },
  cursor: { paths: (h) => [join(h, '.cursor')], commands: ['cursor'] },
  zed: {
    paths: (h, p) => [join(h, '.config', 'zed'), ...(p === 'darwin' ? [join(h, 'Library', 'Application Support', 'Zed')] : [])],
    commands: ['zed', 'zeditor'],
  },
  vscode: { paths: (h, p) => [vscodeUserFolder(h, p), join(h, '.vscode')], commands: ['code'] },
  codex: { paths: (h) => [join(h, '.codex')], commands: ['codex'] },
  gemini: { paths: (h) => [join(h, '.gemini')], commands: ['gemini'] },
};

/** The supported clients this user has, each with what gave it away, in the order of `CLIENTS`. */
export function detectClients(options: DetectOptions): DetectedClient[] {
  const env = options.env ?? process.env;
  const platform = options.platform ?? process.platform;
  const found: DetectedClient[] = [];
  for (const client of CLIENTS) {
    const signs = [
      ...SIGNS[client]
        .paths(options.home, platform)
        .filter((p) => existsSync(p))
        .map((p) => tildePath(p, options.home)),
      ...SIGNS[client].commands.filter((c) => onPath(c, env, platform)).map((c) => `${c} on PATH`),
    ];
    if (signs.length > 0) found.push({ client, signs });
  }
  return found;
}

/** Whether an executable of this name is in one of PATH's folders (with PATHEXT's extensions on Windows). */
function onPath(command: string, env: NodeJS.ProcessEnv, platform: NodeJS.Platform): boolean {
  const extensions = platform === 'win32' ? ['', ...(env.PATHEXT ?? '.EXE;.CMD;.BAT').split(';')] : [''];
  for (const dir of (env.PATH ?? '').split(platform === 'win32' ? ';' : delimiter)) {
    if (!dir) continue;
    for (const ext of extensions) {
      try {
        accessSync(join(dir, command + ext), platform === 'win32' ? constants.F_OK : constants.X_OK);
        return true;
      } catch {
        // not here: the next folder
      }
    }
  }
  return false;
}

/** `~/…` for paths in the home folder: shorter, and the same on every machine. */
export function tildePath(path: string, home: string): string {
  return path === home ? '~' : path.startsWith(`${home}/`) ? `~${path.slice(home.length)}` : path;
}
