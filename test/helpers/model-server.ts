import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One scripted assistant reply: text and/or tool calls, as the Anthropic Messages API streams them. */
export interface ScriptedReply {
  text?: string;
  toolUses?: { name: string; input: Record<string, unknown>; id?: string }[];
}

export interface RecordedRequest {
  path: string;
  body: Record<string, unknown>;
  /** True for the agent loop's own requests (they carry tools); false for side requests (titles, summaries). */
  main: boolean;
}

export interface ModelServer {
  url: string;
  requests: RecordedRequest[];
  /** Replies still to be given to main requests, in order. */
  script: ScriptedReply[];
  /** Answers requests without tools (headless `claude -p --tools ""`, the SDK); undefined → a short title. */
  respond?: (body: Record<string, unknown>) => ScriptedReply | undefined;
  close(): Promise<void>;
}

let counter = 0;

/**
 * A local stand-in for the Anthropic API (the real one is out of reach here) that speaks its
 * documented streaming wire format: message_start, content_block_start/delta/stop, message_delta,
 * message_stop. Main requests get the next scripted reply; when the script is empty, a plain
 * "Done." ends the turn.
 */
export async function startModelServer(script: ScriptedReply[] = []): Promise<ModelServer> {
  const state: State = { requests: [], script: [...script] };
  const server: Server = createServer((req, res) => void handle(req, res, state));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    get requests() { return state.requests; },
    get script() { return state.script; },
    set script(s: ScriptedReply[]) { state.script = s; },
    get respond() { return state.respond; },
    set respond(f: State['respond']) { state.respond = f; },
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  } as ModelServer;
}

interface State {
  requests: RecordedRequest[];
  script: ScriptedReply[];
  respond?: (body: Record<string, unknown>) => ScriptedReply | undefined;
}

async function handle(req: IncomingMessage, res: ServerResponse, state: State): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks).toString('utf8');
  const path = req.url ?? '';
  if (req.method !== 'POST' || !path.startsWith('/v1/messages')) {
    res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ type: 'error', error: { type: 'not_found_error', message: path } }));
    return;
  }
  const body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
  if (path.startsWith('/v1/messages/count_tokens')) {
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ input_tokens: 100 }));
    return;
  }
  const main = Array.isArray(body.tools) && (body.tools as unknown[]).length > 0;
  state.requests.push({ path, body, main });
  const reply = main ? state.script.shift() ?? { text: 'Done.' } : state.respond?.(body) ?? { text: 'A short title' };
  if (body.stream) streamReply(res, String(body.model ?? 'claude-test'), reply);
  else res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(jsonReply(String(body.model ?? 'claude-test'), reply)));
}

function blocksOf(reply: ScriptedReply): Record<string, unknown>[] {
  const blocks: Record<string, unknown>[] = [];
  if (reply.text) blocks.push({ type: 'text', text: reply.text });
  for (const use of reply.toolUses ?? []) blocks.push({ type: 'tool_use', id: use.id ?? `toolu_${Date.now().toString(36)}${counter++}`, name: use.name, input: use.input });
  return blocks;
}

function jsonReply(model: string, reply: ScriptedReply) {
  const content = blocksOf(reply);
  return { id: `msg_${counter++}`, type: 'message', role: 'assistant', model, content, stop_reason: reply.toolUses?.length ? 'tool_use' : 'end_turn', stop_sequence: null, usage: { input_tokens: 100, output_tokens: 20 } };
}

function streamReply(res: ServerResponse, model: string, reply: ScriptedReply): void {
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
  const send = (event: string, data: unknown) => res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  const message = jsonReply(model, reply);
  send('message_start', { type: 'message_start', message: { ...message, content: [], stop_reason: null, usage: { input_tokens: 100, output_tokens: 1 } } });
  message.content.forEach((block, index) => {
    if (block.type === 'text') {
      send('content_block_start', { type: 'content_block_start', index, content_block: { type: 'text', text: '' } });
      send('content_block_delta', { type: 'content_block_delta', index, delta: { type: 'text_delta', text: block.text } });
    } else {
      send('content_block_start', { type: 'content_block_start', index, content_block: { type: 'tool_use', id: block.id, name: block.name, input: {} } });
      send('content_block_delta', { type: 'content_block_delta', index, delta: { type: 'input_json_delta', partial_json: JSON.stringify(block.input) } });
    }
    send('content_block_stop', { type: 'content_block_stop', index });
  });
  send('message_delta', { type: 'message_delta', delta: { stop_reason: message.stop_reason, stop_sequence: null }, usage: { output_tokens: 20 } });
  send('message_stop', { type: 'message_stop' });
  res.end();
}

/** The system prompt of a Messages API request, whether sent as a string or as text blocks. */
export function systemText(body: Record<string, unknown>): string {
  const system = body.system;
  if (typeof system === 'string') return system;
  return Array.isArray(system) ? system.map((b) => (b as { text?: string }).text ?? '').join('\n') : '';
}
