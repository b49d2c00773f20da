// A local stand-in for the Anthropic Messages API (the real one is out of reach offline) that speaks its
// documented streaming wire format: message_start, content_block_start/delta/stop, message_delta,
// message_stop. Used by the tests and by `npm run demo` to drive the real `claude` CLI. Types: model-server.d.ts.
import { createServer } from 'node:http';

let counter = 0;

/**
 * Main requests (those carrying tools: the agent loop) get the next scripted reply, or "Done." when the
 * script is empty; other requests (headless `claude -p --tools ""`, the SDK, titles) go to `respond`.
 */
export async function startModelServer(script = []) {
  const state = { requests: [], script: [...script], respond: undefined };
  const server = createServer((req, res) => void handle(req, res, state));
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    get requests() {
      return state.requests;
    },
    get script() {
      return state.script;
    },
    set script(s) {
      state.script = s;
    },
    get respond() {
      return state.respond;
    },
    set respond(f) {
      state.respond = f;
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function handle(req, res, state) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  const raw = Buffer.concat(chunks).toString('utf8');
  const path = req.url ?? '';
  if (req.method !== 'POST' || !path.startsWith('/v1/messages')) {
    res
      .writeHead(404, { 'content-type': 'application/json' })
      .end(JSON.stringify({ type: 'error', error: { type: 'not_found_error', message: path } }));
    return;
  }
  const body = raw ? JSON.parse(raw) : {};
  if (path.startsWith('/v1/messages/count_tokens')) {
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ input_tokens: 100 }));
    return;
  }
  const main = Array.isArray(body.tools) && body.tools.length > 0;
  state.requests.push({ path, body, main });
  const reply = main ? (state.script.shift() ?? { text: 'Done.' }) : (state.respond?.(body) ?? { text: 'A short title' });
  if (body.stream) streamReply(res, String(body.model ?? 'claude-test'), reply);
  else
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(jsonReply(String(body.model ?? 'claude-test'), reply)));
}

function blocksOf(reply) {
  const blocks = [];
  if (reply.text) blocks.push({ type: 'text', text: reply.text });
  for (const use of reply.toolUses ?? [])
    blocks.push({ type: 'tool_use', id: use.id ?? `toolu_${Date.now().toString(36)}${counter++}`, name: use.name, input: use.input });
  return blocks;
}

function jsonReply(model, reply) {
  const content = blocksOf(reply);
  return {
    id: `msg_${counter++}`,
    type: 'message',
    role: 'assistant',
    model,
    content,
    stop_reason: reply.toolUses?.length ? 'tool_use' : 'end_turn',
    stop_sequence: null,
    usage: { input_tokens: 100, output_tokens: 20 },
  };
}

function streamReply(res, model, reply) {
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
  const send = (event, data) => res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  const message = jsonReply(model, reply);
  send('message_start', {
    type: 'message_start',
    message: { ...message, content: [], stop_reason: null, usage: { input_tokens: 100, output_tokens: 1 } },
  });
  message.content.forEach((block, index) => {
    if (block.type === 'text') {
      send('content_block_start', { type: 'content_block_start', index, content_block: { type: 'text', text: '' } });
      send('content_block_delta', { type: 'content_block_delta', index, delta: { type: 'text_delta', text: block.text } });
    } else {
      send('content_block_start', {
        type: 'content_block_start',
        index,
        content_block: { type: 'tool_use', id: block.id, name: block.name, input: {} },
      });
      send('content_block_delta', {
        type: 'content_block_delta',
        index,
        delta: { type: 'input_json_delta', partial_json: JSON.stringify(block.input) },
      });
    }
    send('content_block_stop', { type: 'content_block_stop', index });
  });
  send('message_delta', {
    type: 'message_delta',
    delta: { stop_reason: message.stop_reason, stop_sequence: null },
    usage: { output_tokens: 20 },
  });
  send('message_stop', { type: 'message_stop' });
  res.end();
}

/** The system prompt of a Messages API request, whether sent as a string or as text blocks. */
export function systemText(body) {
  const system = body.system;
  if (typeof system === 'string') return system;
  return Array.isArray(system) ? system.map((b) => b.text ?? '').join('\n') : '';
}
