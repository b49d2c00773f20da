import { describe, expect, it } from 'vitest';
import { LineLimit, type OversizeLine } from '../../src/server/stdio-line-limit.js';

/** Feeds `input` in chunks of `chunk` bytes; returns the lines passed on and the ones refused. */
async function run(input: string, maxBytes: number, chunk = 7): Promise<{ passed: string[]; refused: OversizeLine[] }> {
  const refused: OversizeLine[] = [];
  const limit = new LineLimit(maxBytes, (line) => refused.push(line));
  const out: Buffer[] = [];
  limit.on('data', (c: Buffer) => out.push(c));
  const bytes = Buffer.from(input);
  for (let i = 0; i < bytes.length; i += chunk) limit.write(bytes.subarray(i, i + chunk));
  await new Promise<void>((resolve) => limit.end(resolve));
  return { passed: out.map((b) => b.toString()), refused };
}

describe('LineLimit', () => {
  it('passes each line under the limit on whole, as one chunk, however the input was split', async () => {
    const { passed, refused } = await run('{"a":1}\n{"b":2}\r\n\n', 100, 3);
    expect(passed).toEqual(['{"a":1}\n', '{"b":2}\r\n', '\n']);
    expect(refused).toEqual([]);
  });

  it('drops a line over the limit, reports its size and id, and passes the next line', async () => {
    const big = JSON.stringify({ method: 'tools/call', params: { arguments: { id: 9, text: 'x'.repeat(5000) } }, jsonrpc: '2.0', id: 42 });
    const { passed, refused } = await run(`${big}\n{"ok":true}\n`, 1000, 64);
    expect(refused).toEqual([{ bytes: Buffer.byteLength(big), id: 42 }]);
    expect(passed).toEqual(['{"ok":true}\n']);
  });

  it('finds a leading id, a string id, and gives null when the id cannot be told', async () => {
    const pad = 'p'.repeat(3000);
    const lines = [
      JSON.stringify({ jsonrpc: '2.0', id: 'abc', method: 'x', params: { pad } }),
      JSON.stringify({ jsonrpc: '2.0', method: 'x', params: { pad, id: 5 } }),
      `not json ${pad}`,
    ];
    const { refused } = await run(`${lines.join('\n')}\n`, 1000, 500);
    expect(refused.map((r) => r.id)).toEqual(['abc', null, null]);
  });

  it('reports an oversize line left unfinished at the end of input', async () => {
    const { passed, refused } = await run(`{"id":3,${'q'.repeat(2000)}`, 1000);
    expect(passed).toEqual([]);
    expect(refused).toEqual([{ bytes: 2008, id: 3 }]);
  });
});
