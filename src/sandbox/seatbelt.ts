import { join } from 'node:path';

export interface SeatbeltPlan {
  work: string;
  home: string;
  keiHome: string;
}

const SECRET_PATHS = ['.ssh', '.aws', '.gnupg', '.config/gcloud', '.kube', '.docker', '.netrc', '.claude.json', '.npmrc', '.pypirc', '.git-credentials'];

const quote = (p: string) => `"${p.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

/**
 * The macOS `sandbox-exec` profile with the bubblewrap policy: no network, writes only in the work
 * folder (and the system's temporary folders), the user's secrets and KeiSeiKit's data unreadable.
 */
export function seatbeltProfile(plan: SeatbeltPlan): string {
  const secrets = SECRET_PATHS.map((p) => `  (subpath ${quote(join(plan.home, p))})`);
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
    ...secrets,
    `  (subpath ${quote(plan.keiHome)})`,
    '  (regex #"/\\.env(\\..*)?$"))',
    '(allow file-read* (subpath ' + quote(plan.work) + '))',
    '(allow file-write*',
    `  (subpath ${quote(plan.work)})`,
    '  (subpath "/private/tmp")',
    '  (subpath "/private/var/folders")',
    '  (literal "/dev/null"))',
    '(deny network*)',
    '',
  ].join('\n');
}

/** `sandbox-exec -p <profile> /bin/sh -c <command>`: where available (macOS), the local isolating backend. */
export function seatbeltArgs(plan: SeatbeltPlan, command: string): string[] {
  return ['-p', seatbeltProfile(plan), '/bin/sh', '-c', command];
}
