// Commits a built plugin folder as the next commit of a release branch (default `plugin`), without touching the
// checkout: a temporary index and git's plumbing write the tree and move the branch. Pushing it (`git push origin
// plugin`) publishes the plugin that .claude-plugin/marketplace.json on the main branch points at.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Returns the new commit's id. Files ignored in the repository (node_modules/, dist/) are committed all the same. */
export function commitToBranch(repo, folder, branch, message) {
  const scratch = mkdtempSync(join(tmpdir(), 'kei-plugin-index-'));
  const env = { ...process.env, GIT_INDEX_FILE: join(scratch, 'index') };
  const git = (args) => execFileSync('git', ['-C', repo, ...args], { env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }).trim();
  try {
    git(['--work-tree', folder, 'add', '--all', '--force', '.']);
    const tree = git(['write-tree']);
    const parent = tryGit(git, ['rev-parse', '--verify', '--quiet', `refs/heads/${branch}`]);
    const commit = git(['commit-tree', tree, ...(parent ? ['-p', parent] : []), '-m', message]);
    git(['update-ref', `refs/heads/${branch}`, commit, ...(parent ? [parent] : [])]);
    return commit;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

function tryGit(git, args) {
  try {
    return git(args);
  } catch {
    return '';
  }
}
