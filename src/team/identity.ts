import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { crypto } from '../core/lazy-builtin.js';

/**
 * The same project on every member's machine: the normalised URL of its git remote `origin`
 * (`git@host:org/repo.git`, `ssh://git@host/org/repo` and `https://host/org/repo` are one project), else the id in a
 * committed `.keiseikit/project.json`. Not the local path, which differs between machines. Undefined: not shareable.
 */
export function projectIdentity(projectRoot: string): string | undefined {
  const origin = originUrl(projectRoot);
  if (origin) return normaliseRemoteUrl(origin);
  const file = join(projectRoot, '.keiseikit', 'project.json');
  if (!existsSync(file)) return undefined;
  try {
    const id = (JSON.parse(readFileSync(file, 'utf8')) as { id?: unknown }).id;
    return typeof id === 'string' && id.trim() ? `id:${id.trim()}` : undefined;
  } catch {
    return undefined;
  }
}

/** host/org/repo, lower-case host, no user, port, scheme or `.git`. */
export function normaliseRemoteUrl(url: string): string {
  let text = url.trim();
  const scp = /^(?:[^@/]+@)?([^:/]+):(?!\/)(.+)$/.exec(text);
  if (scp && !/^[a-z]+:\/\//i.test(text)) text = `ssh://${scp[1]}/${scp[2]}`;
  try {
    const parsed = new URL(text);
    const path = parsed.pathname
      .replace(/\/+$/, '')
      .replace(/\.git$/, '')
      .replace(/^\/+/, '');
    return `${parsed.hostname.toLowerCase()}/${path}`;
  } catch {
    return text.replace(/\.git$/, '');
  }
}

/** Gives a project without an origin a shareable id: `.keiseikit/project.json`, to commit with the repository. */
export function ensureProjectId(projectRoot: string): string {
  const existing = projectIdentity(projectRoot);
  if (existing) return existing;
  const dir = join(projectRoot, '.keiseikit');
  mkdirSync(dir, { recursive: true });
  const id = crypto().randomUUID();
  writeFileSync(join(dir, 'project.json'), `${JSON.stringify({ id }, null, 2)}\n`);
  return `id:${id}`;
}

/** `remote "origin"` url from the repository's config, read directly (no git process; worktrees follow `gitdir:`). */
function originUrl(projectRoot: string): string | undefined {
  const gitDir = gitDirOf(projectRoot);
  if (!gitDir) return undefined;
  const candidates = [join(gitDir, 'config')];
  const common = join(gitDir, 'commondir');
  if (existsSync(common)) candidates.unshift(join(resolve(gitDir, readFileSync(common, 'utf8').trim()), 'config'));
  for (const file of candidates) {
    if (!existsSync(file)) continue;
    const match = /\[remote "origin"\][^[]*?^\s*url\s*=\s*(.+)$/m.exec(readFileSync(file, 'utf8'));
    if (match) return match[1].trim();
  }
  return undefined;
}

function gitDirOf(projectRoot: string): string | undefined {
  const dotGit = join(projectRoot, '.git');
  if (!existsSync(dotGit)) return undefined;
  const text = tryRead(dotGit);
  const pointer = text === undefined ? undefined : /^gitdir:\s*(.+)$/m.exec(text)?.[1];
  return pointer ? resolve(projectRoot, pointer.trim()) : dotGit;
}

function tryRead(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined; // a folder
  }
}
