import { errorMessage } from '../core/errors.js';
import { runStdioServer } from './stdio.js';

/** Entry of `bin/kei-mcp.js`. */
export async function main(argv: string[] = process.argv.slice(2)): Promise<void> {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stderr.write('kei-mcp: KeiSeiKit MCP server on stdio.\nUsage: kei-mcp\nEnvironment: KEI_HOME (data folder, default ~/.keiseikit)\n');
    return;
  }
  try {
    await runStdioServer();
  } catch (err) {
    process.stderr.write(`kei-mcp: ${errorMessage(err)}\n`);
    process.exit(1);
  }
}
