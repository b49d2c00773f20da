import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';

/** One scripted model turn: a shell call (Gemini CLI's `run_shell_command`) or a final text. */
export type GeminiReply = { command: string } | { text: string };

export interface GeminiServer {
  url: string;
  /** Bodies of the agent-loop requests (those offering tools), in order. */
  requests: Record<string, unknown>[];
  script: GeminiReply[];
  close(): Promise<void>;
}

/**
 * A local stand-in for the Gemini API (`GOOGLE_GEMINI_BASE_URL`): `models/<m>:streamGenerateContent?alt=sse` answers
 * agent-loop requests from the script (Done. when it is empty) as one server-sent GenerateContentResponse; other
 * calls (the model router's generateContent, countTokens) get a short fixed answer.
 */
export async function startGeminiServer(script: GeminiReply[] = []): Promise<GeminiServer> {
  const state: GeminiServer = { url: '', requests: [], script: [...script], close: async () => undefined };
  const server = createServer((req, res) => void handle(req, res));
  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const url = req.url ?? '';
    const json = (status: number, body: unknown) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    if (url.includes(':countTokens')) return void json(200, { totalTokens: 10 });
    if (!/generateContent/i.test(url)) return void json(404, { error: { code: 404, message: url, status: 'NOT_FOUND' } });
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<string, unknown>;
    const loop = Array.isArray(body.tools) && body.tools.length > 0;
    if (loop) state.requests.push(body);
    const reply = loop ? (state.script.shift() ?? { text: 'Done.' }) : { text: '{"complexity_reasoning":"short","complexity_score":10}' };
    const parts =
      'command' in reply ? [{ functionCall: { name: 'run_shell_command', args: { command: reply.command } } }] : [{ text: reply.text }];
    const answer = {
      candidates: [{ content: { role: 'model', parts }, finishReason: 'STOP', index: 0 }],
      usageMetadata: { promptTokenCount: 10, candidatesTokenCount: 5, totalTokenCount: 15 },
    };
    if (!url.includes(':streamGenerateContent')) return void json(200, answer);
    res.writeHead(200, { 'content-type': 'text/event-stream' }).end(`data: ${JSON.stringify(answer)}\n\n`);
  }
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  state.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return state;
}
