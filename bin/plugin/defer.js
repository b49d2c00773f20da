// One installation per session. When `kei-skills setup claude-code` also put the kit's hooks in a settings.json
// that this session reads, Claude Code runs both those hooks and the plugin's for every event; the plugin's step
// aside so each event is recorded once. Deferring is decided from the settings files, not from what was recorded:
// a key made of session, event and a hash of the payload would also merge two identical prompts typed one after
// the other (two turns), and would race between the two hook processes that Claude Code starts at the same time.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { join } from 'node:path';

const OUR_HOOK = /kei-hook(\.c?js)?\b/;

/** The settings files Claude Code reads for this session, user scope first (as `kei-skills setup` writes them). */
export function settingsFiles(env = process.env, cwd = process.cwd()) {
  const project = env.CLAUDE_PROJECT_DIR || cwd;
  return [
    join(env.HOME || homedir(), '.claude', 'settings.json'),
    join(project, '.claude', 'settings.json'),
    join(project, '.claude', 'settings.local.json'),
  ];
}

/** The settings file whose kei-hook handles `event` here (its script present), or undefined. */
export function settingsHookFor(event, root, env = process.env, cwd = process.cwd()) {
  return settingsFiles(env, cwd).find((file) => hasRunnableHook(readSettings(file, root), event));
}

function readSettings(file, root) {
  let text;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  try {
    return JSON.parse(text);
  } catch {
    // settings.json may hold comments (set-up keeps them); jsonc-parser is one of the kit's runtime dependencies.
    try {
      return createRequire(join(root, 'package.json'))('jsonc-parser').parse(text);
    } catch {
      return undefined;
    }
  }
}

function hasRunnableHook(settings, event) {
  const groups = settings?.hooks?.[event];
  if (!Array.isArray(groups)) return false;
  const commands = groups.flatMap((g) => (Array.isArray(g?.hooks) ? g.hooks : [])).map(commandLine);
  return commands.some((c) => typeof c === 'string' && OUR_HOOK.test(c) && scriptExists(c));
}

/** The hook as one shell line: `command` alone, or (exec form) `command` and `args` quoted as set-up quotes paths. */
function commandLine(h) {
  if (typeof h?.command !== 'string' || !Array.isArray(h.args)) return h?.command;
  return [h.command, ...h.args.map(String)].map((p) => (/^[\w@%+=:,./-]+$/.test(p) ? p : `'${p.replace(/'/g, `'\\''`)}'`)).join(' ');
}

/** A settings hook whose kei-hook was moved or deleted records nothing: the plugin must not defer to it. */
function scriptExists(command) {
  const script = command.match(/'((?:[^']|'\\'')*kei-hook(?:\.c?js)?)'|(\S*kei-hook(?:\.c?js)?)\b/);
  const path = script?.[1]?.replace(/'\\''/g, "'") ?? script?.[2];
  return !path || !path.includes('/') || existsSync(path);
}
