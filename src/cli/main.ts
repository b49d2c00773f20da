import { buildProgram } from './program.js';
import { failWith } from './output.js';

/** Entry of `bin/kei-skills.js`. */
export async function main(argv: string[] = process.argv): Promise<void> {
  const program = await buildProgram(argv);
  program.exitOverride((err) => {
    if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') process.exit(0);
    process.exit(err.exitCode === 0 ? 0 : 2);
  });
  try {
    await program.parseAsync(argv);
  } catch (err) {
    failWith(err);
  }
}
