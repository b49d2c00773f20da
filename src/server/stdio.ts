import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { errorMessage } from '../core/errors.js';
import { createServer, type CreateServerOptions } from './create-server.js';

/**
 * `kei-mcp`: the server on stdio. The SDK's transport does not notice a closed stdin, so we
 * watch for it ourselves and shut down cleanly (database closed, timers stopped) when the client goes.
 */
export async function runStdioServer(options: CreateServerOptions = {}): Promise<void> {
  const { server, kit, cleanup } = createServer(options);
  const transport = new StdioServerTransport();
  let stopping = false;
  const stop = async (why: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    kit.log.info('kei-mcp stopping', { why });
    await cleanup();
    process.exit(0);
  };
  process.stdin.on('end', () => void stop('stdin closed'));
  process.stdin.on('close', () => void stop('stdin closed'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('uncaughtException', (err) => kit.log.error('uncaught exception', { error: errorMessage(err), stack: err.stack }));
  await server.connect(transport);
  kit.log.info('kei-mcp started on stdio', { home: kit.paths.home, project: kit.projectKey });
}
