import { spawnSync } from 'node:child_process';
import { KeiError } from '../core/errors.js';

const GIT_TIMEOUT_MS = 120_000;

/** Runs real git with a timeout and no prompts; a failure is an error naming the command and git's words. */
export function git(args: string[], cwd?: string): string {
  const r = spawnSync('git', args, { cwd, encoding: 'utf8', timeout: GIT_TIMEOUT_MS, env: { ...process.env, GIT_TERMINAL_PROMPT: '0' } });
  if (r.error) throw new KeiError('git_failed', `git ${args[0]} could not run: ${r.error.message} (is git installed?)`);
  if (r.status !== 0)
    throw new KeiError('git_failed', `git ${args.join(' ')} failed: ${(r.stderr || r.stdout).trim().split('\n').slice(-2).join(' ')}`);
  return r.stdout.trim();
}

/**
 * A URL or path that git could read as an option (`--upload-pack=…` runs a command) is refused outright;
 * every call below also puts `--` before what the user gave, so git can only read it as a repository.
 */
export function checkGitUrl(url: string): string {
  if (url.trim() === '' || url.startsWith('-'))
    throw new KeiError(
      'invalid_git_url',
      `"${url}" is not a repository URL or path (it is empty or starts with "-"); give a URL such as https://host/team/skills.git or a folder path`,
    );
  return url;
}

export function shallowClone(url: string, dest: string): string {
  git(['clone', '--depth', '1', '--quiet', '--', checkGitUrl(url), dest]);
  return git(['rev-parse', 'HEAD'], dest);
}

/** A full clone checked out at one commit: what `restore` needs to reinstall exactly what the lock says. */
export function cloneAt(url: string, dest: string, commit: string): void {
  if (!/^[0-9a-f]{7,64}$/i.test(commit))
    throw new KeiError('lock_invalid', `"${commit}" in skills.lock.json is not a commit hash; fix or reinstall that skill`);
  git(['clone', '--quiet', '--no-checkout', '--', checkGitUrl(url), dest]);
  git(['checkout', '--quiet', commit, '--'], dest);
}

export function remoteHead(url: string): string {
  const line = git(['ls-remote', '--', checkGitUrl(url), 'HEAD']).split('\n')[0] ?? '';
  return line.split(/\s+/)[0] ?? '';
}

export function pull(dir: string): string {
  git(['fetch', '--depth', '1', '--quiet', 'origin'], dir);
  git(['reset', '--hard', '--quiet', 'FETCH_HEAD'], dir);
  return git(['rev-parse', 'HEAD'], dir);
}
