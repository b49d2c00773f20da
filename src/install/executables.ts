import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Absolute paths of this installation's executables: set-up works without a global install, whatever the PATH. */
export function installationRoot(): string {
  return resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
}

export interface Executables {
  node: string;
  mcp: string;
  hook: string;
  cli: string;
}

export function executables(root = installationRoot()): Executables {
  return {
    node: process.execPath,
    mcp: join(root, 'bin', 'kei-mcp.js'),
    hook: join(root, 'bin', 'kei-hook.cjs'),
    cli: join(root, 'bin', 'kei-skills.js'),
  };
}

/** A shell command line with every path quoted (hook commands run through a shell). */
export function commandLine(parts: string[]): string {
  return parts.map((p) => (/^[\w@%+=:,./-]+$/.test(p) ? p : `'${p.replace(/'/g, `'\\''`)}'`)).join(' ');
}

/** Marks what we own in other tools' configs: hook commands naming kei-hook, servers named kei. */
export const SERVER_NAME = 'kei';
export const isOurHookCommand = (command: unknown): boolean => typeof command === 'string' && /kei-hook(\.c?js)?\b/.test(command);

/** A Claude Code command hook: a shell line in `command`, or (exec form, no shell) the program in `command` and `args`. */
export interface CommandHook {
  command?: unknown;
  args?: unknown;
}

/** The hook as one shell line, whichever form it has: what the checks read. */
export function hookCommandLine(h: CommandHook | undefined): string | undefined {
  if (typeof h?.command !== 'string') return undefined;
  return Array.isArray(h.args) ? commandLine([h.command, ...h.args.map(String)]) : h.command;
}

export const isOurHook = (h: CommandHook | undefined): boolean => isOurHookCommand(hookCommandLine(h));
