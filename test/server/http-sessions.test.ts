import { EventEmitter } from 'node:events';
import type { ServerResponse } from 'node:http';
import type { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { afterEach, describe, expect, it } from 'vitest';
import { SessionPool } from '../../src/server/http-sessions.js';

let clock = 0;
const pools: SessionPool[] = [];
afterEach(async () => {
  for (const p of pools.splice(0)) await p.closeAll();
});

function pool(maxSessions: number, idleMs: number, expired: number[] = []): SessionPool {
  const p = new SessionPool(
    { maxSessions, idleMs },
    (n) => expired.push(n),
    () => clock,
  );
  pools.push(p);
  return p;
}

function session(closed: string[], id: string) {
  return {
    transport: {} as StreamableHTTPServerTransport,
    cleanup: async () => {
      closed.push(id);
    },
  };
}

const response = () => new EventEmitter() as unknown as ServerResponse;

describe('SessionPool', () => {
  it('counts initializations under way against the limit, so a burst cannot overshoot it', () => {
    const p = pool(2, 1000);
    expect(p.reserve()).toBe(true);
    expect(p.reserve()).toBe(true);
    expect(p.reserve()).toBe(false);
    p.add('a', session([], 'a'));
    p.settle();
    p.settle();
    expect(p.reserve()).toBe(true);
  });

  it('closes sessions idle past the limit, never one with a request or stream still open', async () => {
    clock = 0;
    const closed: string[] = [];
    const expired: number[] = [];
    const p = pool(10, 1000, expired);
    p.add('idle', session(closed, 'idle'));
    p.add('streaming', session(closed, 'streaming'));
    p.add('recent', session(closed, 'recent'));
    const stream = response();
    p.use('streaming', stream);
    clock = 900;
    const quick = response();
    p.use('recent', quick);
    quick.emit('close');
    clock = 1500;
    await p.sweep();
    expect(closed).toEqual(['idle']);
    expect(expired).toEqual([1]);
    expect(p.use('idle', response())).toBeUndefined();
    stream.emit('close');
    clock = 2600;
    await p.sweep();
    expect(closed.sort()).toEqual(['idle', 'recent', 'streaming']);
    expect(p.size).toBe(0);
  });
});
