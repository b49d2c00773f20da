import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { CallToolResult, ToolAnnotations } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import { KeiError, errorMessage } from '../core/errors.js';
import type { Kit } from '../kit.js';

export interface ToolReply<O> {
  structured: O;
  text: string;
}

/** One MCP tool: its contract for the model, and a few lines that call the domain. */
export interface ToolDefinition<I extends z.ZodRawShape, O extends z.ZodRawShape> {
  name: string;
  title: string;
  description: string;
  input: I;
  output: O;
  annotations: ToolAnnotations;
  handle(
    args: z.infer<z.ZodObject<I>>,
    kit: Kit,
    extra: ToolExtra,
  ): ToolReply<z.infer<z.ZodObject<O>>> | Promise<ToolReply<z.infer<z.ZodObject<O>>>>;
}

/** What the SDK passes a handler besides its arguments: the abort signal, progress token and a notifier. */
export interface ToolExtra {
  signal?: AbortSignal;
  _meta?: { progressToken?: string | number };
  sendNotification?: (n: { method: string; params: Record<string, unknown> }) => Promise<void>;
}

export function defineTool<I extends z.ZodRawShape, O extends z.ZodRawShape>(tool: ToolDefinition<I, O>): ToolDefinition<I, O> {
  return tool;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a registry holds tools of every shape
export type AnyTool = ToolDefinition<any, any>;

/** Registers tools on a server; a domain error becomes an `isError` result that names the problem. */
export function registerTools(server: McpServer, tools: readonly AnyTool[], kit: Kit): void {
  for (const tool of tools) {
    server.registerTool(
      tool.name,
      {
        title: tool.title,
        description: tool.description,
        inputSchema: tool.input,
        outputSchema: tool.output,
        annotations: { title: tool.title, ...tool.annotations },
      },
      async (args: Record<string, unknown>, extra: unknown) => runTool(tool, args, kit, extra as ToolExtra),
    );
  }
}

async function runTool(tool: AnyTool, args: Record<string, unknown>, kit: Kit, extra: ToolExtra): Promise<CallToolResult> {
  try {
    const reply = await tool.handle(args, kit, extra ?? {});
    return capReply(tool.name, { content: [{ type: 'text', text: reply.text }], structuredContent: reply.structured }, kit);
  } catch (err) {
    if (!(err instanceof KeiError)) kit.log.error(`tool ${tool.name} failed`, { error: errorMessage(err), stack: (err as Error)?.stack });
    return toolError(err);
  }
}

/**
 * The most one tool reply may weigh. Clients drop a bigger message (the official SDK's limit is
 * 10 MiB) and with it the connection, so a tool that would send more answers with an error instead;
 * tools that return files cap themselves far below this and say how to read the rest.
 */
const MAX_REPLY_BYTES = 4 * 1024 * 1024;

function capReply(name: string, result: CallToolResult, kit: Kit): CallToolResult {
  const bytes = Buffer.byteLength(JSON.stringify(result));
  if (bytes <= MAX_REPLY_BYTES) return result;
  kit.log.warn(`tool ${name} reply over the size limit`, { bytes, limit: MAX_REPLY_BYTES });
  const text =
    `reply_too_large: the ${name} reply is ${bytes} bytes, over the ` +
    `${MAX_REPLY_BYTES}-byte limit of one message; ask for less (a filter, a smaller limit, or ` +
    `offset/length)`;
  return { isError: true, content: [{ type: 'text', text }] };
}

export function toolError(err: unknown): CallToolResult {
  const code = err instanceof KeiError ? err.code : 'internal_error';
  const field = err instanceof KeiError && typeof err.details.field === 'string' ? ` (field: ${err.details.field})` : '';
  return { isError: true, content: [{ type: 'text', text: `${code}${field}: ${errorMessage(err)}` }] };
}
