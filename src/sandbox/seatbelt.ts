import { join } from 'node:path';

export interface SeatbeltPlan {
  work: string;
  home: string;
  keiHome: string;
  /** Host paths the user named read-only. */
  readOnly?: string[];
}

const SECRET_PATHS = [
  '.ssh',
  '.aws',
  '.gnupg',
  '.config/gcloud',
  '.config/gh',
  '.kube',
  '.docker',
  '.claude',
  '.netrc',
  '.claude.json',
  '.npmrc',
  '.pypirc',
  '.git-credentials',
  '.cargo/credentials',
  '.cargo/credentials.toml',
  '.bash_history',
  '.zsh_history',
];
/** Host folders of the user and other processes: unreadable (their sockets are unreachable anyway: network* is denied). */
const PRIVATE_ROOTS = ['/private/tmp', '/private/var/folders', '/Volumes'];

const quote = (p: string) => `"${p.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
const shellQuote = (p: string) => `'${p.replace(/'/g, `'\\''`)}'`;
const subpaths = (paths: string[]) => paths.map((p) => `  (subpath ${quote(p)})`);

/**
 * The macOS `sandbox-exec` profile, as close to the bubblewrap policy as Seatbelt allows: no network
 * (Unix sockets included), writes only in the work folder, the whole of HOME, KeiSeiKit's data and the
 * shared temporary folders unreadable except the work folder and paths the user named — and the usual
 * secret places and `.env` files stay hidden even inside those. Later rules win in Seatbelt.
 */
export function seatbeltProfile(plan: SeatbeltPlan): string {
  const named = plan.readOnly ?? [];
  return [
    '(version 1)',
    '(deny default)',
    '(allow process-exec)',
    '(allow process-fork)',
    '(allow signal (target same-sandbox))',
    '(allow sysctl-read)',
    '(allow mach-lookup)',
    '(allow file-read*)',
    '(deny file-read*',
    ...subpaths([plan.home, plan.keiHome, ...PRIVATE_ROOTS]),
    '  (regex #"/\\.env(\\..*)?$"))',
    '(allow file-read*',
    ...subpaths([plan.work, ...named]),
    '  (literal "/dev/null"))',
    '(deny file-read*',
    ...subpaths([...SECRET_PATHS.map((p) => join(plan.home, p)), plan.keiHome]),
    '  (regex #"/\\.env(\\..*)?$"))',
    // The work folder lives in the data home, denied just above: it is the one place fully open.
    '(allow file-read* file-write*',
    `  (subpath ${quote(plan.work)})`,
    '  (literal "/dev/null"))',
    '(deny network*)',
    '',
  ].join('\n');
}

/** `sandbox-exec -p <profile> /bin/sh -c <command>`, with HOME and TMPDIR inside the work folder. */
export function seatbeltArgs(plan: SeatbeltPlan, command: string): string[] {
  const home = shellQuote(join(plan.work, '.home'));
  const setup = `export HOME=${home} TMPDIR=${home}`;
  return ['-p', seatbeltProfile(plan), '/bin/sh', '-c', `${setup}\n${command}`];
}
