import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { createServer } from '../../src/server/create-server.js';
import type { McpSession } from './mcp.js';

/**
 * The same MCP server as `kei-mcp`, built from src/ and connected through the SDK's in-memory transport:
 * tool contracts are tested without a build or a child process. A few real-stdio tests stay as smoke tests.
 */
export async function connectInProcess(home: string, env: NodeJS.ProcessEnv = {}, cwd?: string): Promise<McpSession> {
  const kei = createServer({ home, cwd: cwd ?? home, env: { KEI_HOME: home, ...env }, logName: 'mcp' });
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  await kei.server.connect(serverSide);
  const client = new Client({ name: 'kei-test', version: '1.0.0' });
  await client.connect(clientSide);
  return {
    client,
    call: async (name, args) => (await client.callTool({ name, arguments: args })) as CallToolResult,
    close: async () => {
      await client.close();
      await kei.cleanup();
    },
  };
}
