import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { errorMessage } from '../core/errors.js';
import type { Kit } from '../kit.js';
import { createServer, type CreateServerOptions } from './create-server.js';
import { LineLimit, type OversizeLine } from './stdio-line-limit.js';

/**
 * `kei-mcp`: the server on stdio. The SDK's transport does not notice a closed stdin, so we
 * watch for it ourselves and shut down cleanly (database closed, timers stopped) when the client goes.
 * Lines over `mcp.stdioMaxLineBytes` never reach it (see LineLimit): each gets an error reply.
 */
export async function runStdioServer(options: CreateServerOptions = {}): Promise<void> {
  const { server, kit, cleanup } = createServer(options);
  const maxBytes = kit.config.mcp.stdioMaxLineBytes;
  const lines = process.stdin.pipe(new LineLimit(maxBytes, (line) => refuseLine(kit, line, maxBytes)));
  const transport = new StdioServerTransport(lines, process.stdout);
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
  // A client that goes away mid-reply (EPIPE) is logged, not a crash; its closed stdin then stops us.
  process.stdout.on('error', (err) => kit.log.warn('stdout error', { error: errorMessage(err) }));
  process.on('uncaughtException', (err) => kit.log.error('uncaught exception', { error: errorMessage(err), stack: err.stack }));
  await server.connect(transport);
  kit.log.info('kei-mcp started on stdio', { home: kit.paths.home, project: kit.projectKey });
}

/** Invalid Request: the message was never parsed; the client learns why at once instead of timing out. */
function refuseLine(kit: Kit, line: OversizeLine, maxBytes: number): void {
  kit.log.warn('stdio message over the line limit discarded', { bytes: line.bytes, maxBytes, id: line.id });
  const message = `message of ${line.bytes} bytes is over the ${maxBytes}-byte stdio limit (mcp.stdioMaxLineBytes); discarded unread`;
  process.stdout.write(`${JSON.stringify({ jsonrpc: '2.0', id: line.id, error: { code: -32600, message } })}\n`);
}
