import { errorMessage } from '../core/errors.js';
import { runStdioServer } from './stdio.js';

function flag(argv: string[], name: string): string | undefined {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
}

async function startHttp(argv: string[]): Promise<void> {
  const { runHttpServer } = await import('./http.js');
  const server = await runHttpServer({
    host: flag(argv, '--host') ?? '127.0.0.1',
    port: Number(flag(argv, '--port') ?? 8765),
    token: process.env.KEI_MCP_TOKEN,
    allowedOrigins: process.env.KEI_MCP_ALLOWED_ORIGINS?.split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  });
  process.stderr.write(`kei-mcp: listening on ${server.url}\n`);
  const stop = () => void server.close().then(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

const HELP = [
  'kei-mcp: KeiSeiKit MCP server.',
  'Usage: kei-mcp                      (stdio)',
  '       kei-mcp --http [--host 127.0.0.1] [--port 8765]',
  'Environment: KEI_HOME (data folder), KEI_MCP_TOKEN (bearer token; required to listen beyond loopback; blank counts as none),',
  '  KEI_MCP_ALLOWED_ORIGINS, KEI_MCP_MAX_SESSIONS (HTTP sessions at once, default 64),',
  '  KEI_MCP_SESSION_IDLE_MS (an idle HTTP session closes after it, default 30 min),',
  '  KEI_MCP_MAX_LINE_BYTES (longest stdio message, default 4 MiB)',
  '',
].join('\n');

/** Why the arguments are not ones kei-mcp takes, or undefined: a typo must not start a server the user did not ask for. */
export function argvProblem(argv: string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--host' || arg === '--port') {
      const value = argv[++i];
      if (value === undefined || value.startsWith('-')) return `${arg} needs a value`;
      if (arg === '--port' && !/^\d{1,5}$/.test(value)) return `--port must be a number (got "${value}")`;
      if (!argv.includes('--http')) return `${arg} applies only with --http`;
    } else if (arg !== '--http') return `unknown ${arg.startsWith('-') ? 'option' : 'argument'} "${arg}"`;
  }
  return undefined;
}

/** Entry of `bin/kei-mcp.js`. */
export async function main(argv: string[] = process.argv.slice(2)): Promise<void> {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stderr.write(HELP);
    return;
  }
  const problem = argvProblem(argv);
  if (problem) {
    process.stderr.write(`kei-mcp: ${problem}\n${HELP}`);
    process.exit(2);
  }
  try {
    if (argv.includes('--http')) return await startHttp(argv);
    await runStdioServer();
  } catch (err) {
    process.stderr.write(`kei-mcp: ${errorMessage(err)}\n`);
    process.exit(1);
  }
}
