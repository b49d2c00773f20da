import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';

/** One scripted model turn: a shell call (Codex's `exec_command`) or a final text. */
export type ResponsesReply = { cmd: string } | { text: string };

export interface ResponsesServer {
  url: string;
  /** Every request body Codex sent, in order. */
  requests: Record<string, unknown>[];
  script: ResponsesReply[];
  close(): Promise<void>;
}

/**
 * A local stand-in for the OpenAI Responses API speaking its streaming wire format (response.created,
 * response.output_item.done, response.completed as server-sent events), enough for the real Codex CLI
 * through a custom model provider's `base_url`. Each request takes the next scripted reply; "Done." when none is left.
 */
export async function startResponsesServer(script: ResponsesReply[] = []): Promise<ResponsesServer> {
  const state: ResponsesServer = { url: '', requests: [], script: [...script], close: async () => undefined };
  let n = 0;
  const server = createServer((req, res) => void handle(req, res));
  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    if (req.method !== 'POST' || !req.url?.endsWith('/responses')) {
      res.writeHead(404, { 'content-type': 'application/json' }).end('{}');
      return;
    }
    state.requests.push(JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>);
    const reply = state.script.shift() ?? { text: 'Done.' };
    const id = `resp_${++n}`;
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    const send = (event: Record<string, unknown>) => res.write(`event: ${String(event.type)}\ndata: ${JSON.stringify(event)}\n\n`);
    send({ type: 'response.created', response: { id } });
    const item =
      'cmd' in reply
        ? {
            type: 'function_call',
            id: `fc_${n}`,
            name: 'exec_command',
            arguments: JSON.stringify({ cmd: reply.cmd }),
            call_id: `call_${n}`,
          }
        : { type: 'message', id: `msg_${n}`, role: 'assistant', content: [{ type: 'output_text', text: reply.text }] };
    send({ type: 'response.output_item.done', output_index: 0, item });
    const usage = { input_tokens: 10, input_tokens_details: null, output_tokens: 5, output_tokens_details: null, total_tokens: 15 };
    send({ type: 'response.completed', response: { id, usage } });
    res.end();
  }
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address() as { port: number };
  state.url = `http://127.0.0.1:${address.port}/v1`;
  state.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return state;
}
