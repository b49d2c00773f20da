/**
 * `node:crypto`, loaded on first use: the hook path runs on every prompt and tool call and most
 * events never hash or draw random bytes, so they should not pay for loading it.
 */
export function crypto(): typeof import('node:crypto') {
  return process.getBuiltinModule('node:crypto');
}

/** `node:child_process`, loaded on first use: most hook events start no process. */
export function childProcess(): typeof import('node:child_process') {
  return process.getBuiltinModule('node:child_process');
}
