import { commandLine } from '../install/executables.js';

/**
 * The command line a sandbox's shell runs for the words a user typed after `--`. One word stays a shell command
 * line as written (`-- 'make && make test'`); several words are argv as given, each quoted, so the shell
 * re-parses none of them (`-- sh -c 'echo a; echo b'`, `-- printf '[%s]\n' "a b"`).
 */
export function shellCommandFor(words: string[]): string {
  return words.length === 1 ? words[0] : commandLine(words);
}
