import { lstatSync, readdirSync, readlinkSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * What of the host a sandbox sees, by allow-list: the system folders programs run from, read-only.
 * Nothing else of the host is mounted — no /run, /var/run, /tmp, /home, /root, /mnt or /opt — so
 * host Unix sockets (docker.sock, the D-Bus bus, ssh-agent) and the user's files are simply absent.
 */
export const SYSTEM_DIRS = ['/usr', '/bin', '/sbin', '/lib', '/lib32', '/lib64', '/libx32', '/etc'];

/** bubblewrap arguments that mount the system folders (merged-/usr links stay links) read-only. */
export function systemMounts(): string[] {
  const args: string[] = [];
  for (const dir of SYSTEM_DIRS) {
    const kind = entryKind(dir);
    if (kind === 'link') args.push('--symlink', readlinkSync(dir), dir);
    else if (kind === 'dir') args.push('--ro-bind', dir, dir);
  }
  return [...args, ...hide(etcSecrets())];
}

/** Files are covered with /dev/null, folders with an empty read-only tmpfs. */
export function hide(paths: { path: string; dir: boolean }[]): string[] {
  return paths.flatMap((p) => (p.dir ? ['--tmpfs', p.path, '--remount-ro', p.path] : ['--ro-bind', '/dev/null', p.path]));
}

const ETC_SCAN_LIMIT = 20_000;
const ETC_TTL_MS = 60_000;
let etcCache: { at: number; found: { path: string; dir: boolean }[] } | undefined;

/**
 * /etc without its secrets: every entry others may not read (shadow, gshadow, sudoers, ssh host keys,
 * ssl/private, keytabs …) is hidden. A rule, not a list of names, so a secret we never heard of is
 * covered too: a file the system itself keeps from other users is a file a sandbox must not see (inside
 * bubblewrap root keeps its uid, so permissions alone would not stop it). Cached for a minute: /etc
 * rarely changes and the walk costs a few milliseconds.
 */
export function etcSecrets(now = Date.now()): { path: string; dir: boolean }[] {
  if (etcCache && now - etcCache.at < ETC_TTL_MS) return etcCache.found;
  const found: { path: string; dir: boolean }[] = [];
  let seen = 0;
  const walk = (dir: string): void => {
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      return;
    }
    for (const name of names) {
      if (++seen > ETC_SCAN_LIMIT) return;
      const path = join(dir, name);
      let st: import('node:fs').Stats;
      try {
        st = lstatSync(path);
      } catch {
        continue;
      }
      if (st.isSymbolicLink()) continue;
      const othersRead = (st.mode & 0o004) !== 0;
      if (!othersRead) found.push({ path, dir: st.isDirectory() });
      else if (st.isDirectory()) walk(path);
    }
  };
  walk('/etc');
  etcCache = { at: now, found };
  return found;
}

function entryKind(path: string): 'link' | 'dir' | 'none' {
  try {
    if (lstatSync(path).isSymbolicLink()) return statSync(path).isDirectory() ? 'link' : 'none';
    return statSync(path).isDirectory() ? 'dir' : 'none';
  } catch {
    return 'none';
  }
}
