import { homedir } from 'node:os';
import { sep } from 'node:path';
import { createInterface } from 'node:readline';
import { errorMessage } from '../core/errors.js';
import { projectKeyFor } from '../core/project-key.js';
import { detectClients, tildePath, type DetectedClient } from '../install/detect-clients.js';
import { installationRoot } from '../install/executables.js';
import { applyChange, lineDiff, type FileChange } from '../install/file-change.js';
import { CLIENT_NAMES, CLIENTS } from '../install/other-clients.js';
import { planSetup } from '../install/plan.js';
import { formatTable, printLine } from './output.js';
import { changeVerb } from './setup-commands.js';

export interface DetectedSetupOptions {
  scope?: string;
  dryRun?: boolean;
  yes?: boolean;
}

interface ClientPlan extends DetectedClient {
  changes?: FileChange[];
  error?: string;
}

/**
 * `setup` without a client: find the clients this user has and offer to connect each one (a question per client on a
 * terminal, all of them with --yes, the diffs with --dry-run, and otherwise the commands to run). Every client is set
 * up for the user (its config in the home folder), since that is where it was found, unless --scope says otherwise.
 */
export async function runDetectedSetup(options: DetectedSetupOptions): Promise<void> {
  const home = process.env.HOME || homedir();
  const cli = cliCommand();
  const found = detectClients({ home });
  if (found.length === 0) return printLine(noneFound(cli));
  const plans = found.map((d) => planFor(d, options.scope ?? 'user', home));
  printLine(foundTable(plans));
  const pending = plans.filter((p) => p.changes && !p.changes.every((c) => c.before === c.after));
  // Asked to connect everything found: a client whose config cannot be read is a failure, said in the table above.
  if (options.yes && plans.some((p) => p.error)) process.exitCode = 1;
  if (pending.length === 0) return printLine(`\nNothing else to do. Check it with: ${cli} doctor`);
  if (cli !== 'kei-skills') printLine(`\n${npxNote()}`);
  if (options.dryRun)
    return printLine(pending.map((p) => `\n# ${CLIENT_NAMES[p.client]}\n${p.changes!.map(lineDiff).join('\n\n')}`).join('\n'));
  if (!options.yes && !(process.stdin.isTTY && process.stdout.isTTY)) return printLine(commandsToRun(pending, cli, options.scope));
  const chosen = options.yes ? pending : await askEach(pending, home);
  const connected = chosen.filter((p) => connect(p, home));
  printLine(summary(connected, pending, cli, options.scope));
  if (connected.length < chosen.length) process.exitCode = 1;
}

function planFor(detected: DetectedClient, scope: string, home: string): ClientPlan {
  try {
    return { ...detected, changes: planSetup({ client: detected.client, scope, home, project: projectKeyFor(process.cwd()) }) };
  } catch (err) {
    return { ...detected, error: errorMessage(err) };
  }
}

function foundTable(plans: ClientPlan[]): string {
  const state = (p: ClientPlan) =>
    p.error ? `cannot connect: ${p.error}` : p.changes!.every((c) => c.before === c.after) ? 'connected' : 'not connected';
  const rows = plans.map((p) => [CLIENT_NAMES[p.client], p.signs.join(', '), state(p)]);
  const noun = plans.length === 1 ? 'client' : 'clients';
  return `Found ${plans.length} ${noun}:\n${formatTable(['client', 'found', 'kei'], rows, 120)}`;
}

/** One y/N question per client, read from the terminal; anything but y or yes (or the end of input) is no. */
async function askEach(pending: ClientPlan[], home: string): Promise<ClientPlan[]> {
  const rl = createInterface({ input: process.stdin, terminal: false });
  const lines = rl[Symbol.asyncIterator]();
  const chosen: ClientPlan[] = [];
  try {
    for (const p of pending) {
      const files = p.changes!.filter((c) => c.before !== c.after).map((c) => tildePath(c.path, home));
      process.stdout.write(`\nConnect ${CLIENT_NAMES[p.client]}? This changes ${files.join(', ')} [y/N] `);
      const answer = await lines.next();
      if (answer.done) break;
      if (/^\s*y(es)?\s*$/i.test(answer.value)) chosen.push(p);
    }
  } finally {
    rl.close();
  }
  return chosen;
}

/** Writes one client's changes (each with a backup of what it replaces); false, with the reason printed, on failure. */
function connect(p: ClientPlan, home: string): boolean {
  try {
    for (const change of p.changes!) {
      const backup = applyChange(change);
      if (change.before !== change.after)
        printLine(`  ${changeVerb(change)} ${tildePath(change.path, home)}${backup ? ` (backup: ${backup})` : ''}`);
    }
    return true;
  } catch (err) {
    process.stderr.write(`kei-skills: ${CLIENT_NAMES[p.client]} was not connected: ${errorMessage(err)}\n`);
    return false;
  }
}

function setupCommand(cli: string, p: ClientPlan, scope: string | undefined): string {
  // VS Code's own default is the project's .vscode/mcp.json; found here by its user folder, it is set up for the user.
  const scopeFlag = scope ? ` --scope ${scope}` : p.client === 'vscode' ? ' --scope user' : '';
  return `${cli} setup ${p.client}${scopeFlag}`;
}

function commandsToRun(pending: ClientPlan[], cli: string, scope: string | undefined): string {
  const flags = scope ? ` --scope ${scope}` : '';
  return [
    '\nTo connect them, run:',
    ...pending.map((p) => `  ${setupCommand(cli, p, scope)}`),
    `or all at once: ${cli} setup --yes${flags}  (to see the changes first: ${cli} setup --dry-run${flags})`,
  ].join('\n');
}

function summary(connected: ClientPlan[], pending: ClientPlan[], cli: string, scope: string | undefined): string {
  const skipped = pending.filter((p) => !connected.includes(p));
  const out: string[] = [];
  if (connected.length === 0) out.push('\nNothing was changed.');
  else
    out.push(
      `\nConnected: ${namesOf(connected)}.`,
      `Next: restart ${namesOf(connected)} (a running client reads its configuration only at start), then run: ${cli} doctor`,
    );
  if (skipped.length > 0)
    out.push(`Not connected: ${namesOf(skipped)}. Later: ${skipped.map((p) => setupCommand(cli, p, scope)).join('; ')}`);
  return out.join('\n');
}

/** "Cursor", "Cursor and Zed", "Claude Code, Cursor and Zed". */
function namesOf(plans: ClientPlan[]): string {
  const names = plans.map((p) => CLIENT_NAMES[p.client]);
  return names.length < 2 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

function noneFound(cli: string): string {
  return (
    `No supported client found (looked for ${CLIENTS.map((c) => CLIENT_NAMES[c]).join(', ')}: their folders in your home ` +
    `folder and their commands on PATH).\nInstall one, or set one up by name: ${cli} setup <${CLIENTS.join('|')}>`
  );
}

/** How the user runs the CLI again: `npx keiseikit` when this copy lives in npm's npx cache, else the installed command. */
export function cliCommand(root = installationRoot()): string {
  return root.split(sep).includes('_npx') ? 'npx keiseikit' : 'kei-skills';
}

function npxNote(): string {
  return (
    `Note: this copy runs from npm's npx cache (${installationRoot()}) and the clients will start kei from there, so\n` +
    'clearing that cache disconnects them. For an installation that stays: npm install -g keiseikit, then kei-skills setup.'
  );
}
