import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { BIN } from './temp.js';

export interface McpSession {
  client: Client;
  call(name: string, args: Record<string, unknown>): Promise<CallToolResult>;
  close(): Promise<void>;
}

/** Starts the real `kei-mcp` process over stdio against a KEI_HOME and connects a client. */
export async function connectKeiMcp(home: string, extraEnv: Record<string, string> = {}, cwd?: string): Promise<McpSession> {
  const env = { ...process.env, KEI_HOME: home, ...extraEnv } as Record<string, string>;
  const transport = new StdioClientTransport({ command: process.execPath, args: [BIN.mcp], env, cwd, stderr: 'pipe' });
  const client = new Client({ name: 'kei-test', version: '1.0.0' });
  await client.connect(transport);
  return {
    client,
    call: async (name, args) => (await client.callTool({ name, arguments: args })) as CallToolResult,
    close: () => client.close(),
  };
}

export function textOf(result: CallToolResult): string {
  return result.content.map((c) => (c.type === 'text' ? c.text : '')).join('\n');
}
