/** Commits `folder` as the next commit of `branch` in the repository at `repo`; returns the commit id. */
export function commitToBranch(repo: string, folder: string, branch: string, message: string): string;
