import { errorMessage } from '../core/errors.js';
import { runStdioServer } from './stdio.js';

function flag(argv: string[], name: string): string | undefined {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
}

async function startHttp(argv: string[]): Promise<void> {
  const { runHttpServer } = await import('./http.js');
  const server = await runHttpServer({
    host: flag(argv, '--host') ?? '127.0.0.1', port: Number(flag(argv, '--port') ?? 8765), token: process.env.KEI_MCP_TOKEN || undefined,
    allowedOrigins: process.env.KEI_MCP_ALLOWED_ORIGINS?.split(',').map((s) => s.trim()).filter(Boolean),
  });
  process.stderr.write(`kei-mcp: listening on ${server.url}\n`);
  const stop = () => void server.close().then(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

/** Entry of `bin/kei-mcp.js`. */
export async function main(argv: string[] = process.argv.slice(2)): Promise<void> {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stderr.write('kei-mcp: KeiSeiKit MCP server.\nUsage: kei-mcp                      (stdio)\n       kei-mcp --http [--host 127.0.0.1] [--port 8765]\nEnvironment: KEI_HOME (data folder), KEI_MCP_TOKEN (bearer token; required to listen beyond loopback), KEI_MCP_ALLOWED_ORIGINS\n');
    return;
  }
  try {
    if (argv.includes('--http')) return await startHttp(argv);
    await runStdioServer();
  } catch (err) {
    process.stderr.write(`kei-mcp: ${errorMessage(err)}\n`);
    process.exit(1);
  }
}
