// The plugin's MCP server while the kit is not ready. Exiting with an error would make Claude Code mark the server
// failed until the user clears its cache by hand, so this answers instead (plain JSON-RPC: the MCP SDK may not be
// loadable yet): one status tool that says what is happening. Once the kit is ready it starts the real kei-mcp,
// replays the client's initialize to it, relays every message both ways, and tells the client that the tools,
// prompts and resources changed, all on the same connection.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

const STATUS_TOOL = {
  name: 'kei_setup_status',
  description: 'Says why the KeiSeiKit tools are not available yet (first-time setup) and what to do.',
  inputSchema: { type: 'object', properties: {} },
};
const CHECK_EVERY_MS = 2000;

/**
 * @param {{ isReady: () => boolean, notReady: () => string, realServer: string[], version: string }} o
 *   isReady: whether the real server can start now; notReady: the message tools answer meanwhile;
 *   realServer: node arguments that start the real kei-mcp.
 */
export function runStandIn(o) {
  const state = { initialize: undefined, child: undefined, pending: [] };
  const send = (msg) => process.stdout.write(`${JSON.stringify(msg)}\n`);
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  lines.on('line', (line) => {
    if (!line.trim()) return;
    if (state.child || state.pending.length > 0 || (state.initialize && o.isReady())) return relay(line);
    let msg;
    try {
      msg = JSON.parse(line);
    } catch {
      return send({ jsonrpc: '2.0', id: null, error: { code: -32700, message: 'parse error' } });
    }
    answer(msg);
  });
  lines.on('close', () => (state.child ? state.child.stdin.end() : process.exit(0)));
  const timer = setInterval(() => state.initialize && !state.child && o.isReady() && switchOver(), CHECK_EVERY_MS);
  timer.unref();

  function answer(msg) {
    if (msg.id === undefined || msg.id === null) return; // notifications need no answer
    const reply = (result) => send({ jsonrpc: '2.0', id: msg.id, result });
    switch (msg.method) {
      case 'initialize':
        state.initialize = msg;
        return reply({
          protocolVersion: msg.params?.protocolVersion ?? '2025-06-18',
          capabilities: { tools: { listChanged: true }, prompts: { listChanged: true }, resources: { listChanged: true } },
          serverInfo: { name: 'kei', version: o.version },
          instructions: o.notReady(),
        });
      case 'ping':
        return reply({});
      case 'tools/list':
        return reply({ tools: [STATUS_TOOL] });
      case 'tools/call':
        return reply({ content: [{ type: 'text', text: o.notReady() }], isError: true });
      case 'prompts/list':
        return reply({ prompts: [] });
      case 'resources/list':
        return reply({ resources: [] });
      case 'resources/templates/list':
        return reply({ resourceTemplates: [] });
      default:
        return send({
          jsonrpc: '2.0',
          id: msg.id,
          error: { code: -32601, message: `${msg.method} is not available yet: ${o.notReady()}` },
        });
    }
  }

  function relay(line) {
    if (!state.child) switchOver();
    if (state.pending) state.pending.push(line);
    else state.child.stdin.write(`${line}\n`);
  }

  /** Starts the real server, hands it the client's initialize, then connects the two. */
  function switchOver() {
    clearInterval(timer);
    const child = spawn(process.execPath, o.realServer, { stdio: ['pipe', 'pipe', 'inherit'] });
    state.child = child;
    child.on('exit', (code) => process.exit(code ?? 0));
    const out = createInterface({ input: child.stdout, crlfDelay: Infinity });
    const initId = `kei-standin-${Date.now()}`;
    out.on('line', (line) => {
      if (state.pending) return handshakeDone(line, initId);
      process.stdout.write(`${line}\n`);
    });
    child.stdin.write(`${JSON.stringify({ ...state.initialize, id: initId })}\n`);
  }

  function handshakeDone(line, initId) {
    let msg;
    try {
      msg = JSON.parse(line);
    } catch {
      return;
    }
    if (msg.id !== initId) return;
    const child = state.child;
    child.stdin.write(`${JSON.stringify({ jsonrpc: '2.0', method: 'notifications/initialized' })}\n`);
    for (const line of state.pending) child.stdin.write(`${line}\n`);
    state.pending = undefined;
    for (const what of ['tools', 'prompts', 'resources']) send({ jsonrpc: '2.0', method: `notifications/${what}/list_changed` });
  }
}
