import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/core/clock.js';
import { openDatabase } from '../../src/core/db.js';
import { KeiError } from '../../src/core/errors.js';
import { DaytonaClient } from '../../src/sandbox/daytona-client.js';
import { DaytonaSandboxes } from '../../src/sandbox/daytona.js';
import { SandboxRecords } from '../../src/sandbox/registry.js';
import { startDaytonaFake, type DaytonaFake } from '../helpers/daytona-fake.js';
import { tempDir } from '../helpers/temp.js';

let fake: DaytonaFake | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

async function setup(key = 'secret-key') {
  fake = await startDaytonaFake('secret-key');
  const client = new DaytonaClient({ apiUrl: fake.url, apiKey: key, autoStopMinutes: 15, sleep: async () => undefined });
  const db = openDatabase(join(tempDir(), 'kei.db'));
  return { fake, client, backend: new DaytonaSandboxes(client, new SandboxRecords(db), fixedClock(1000)) };
}

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (err) {
    return (err as KeiError).code;
  }
  return 'no error';
}

describe('Daytona client against a local server speaking its API', () => {
  it('creates with auto-stop, executes, uploads and downloads in a named sandbox', async () => {
    const { backend, fake } = await setup();
    await backend.upload('proj', 'data.txt', Buffer.from('from the host'));
    const r = await backend.exec('proj', { command: 'cat data.txt' });
    expect(r).toMatchObject({ exitCode: 0, stdout: 'from the host' });
    expect((await backend.download('proj', 'data.txt')).toString()).toBe('from the host');
    const [remote] = [...fake.sandboxes.values()];
    expect(remote).toMatchObject({ labels: { keiseikit: 'proj' }, autoStopInterval: 15 });
    expect(await backend.list()).toHaveLength(1);
  });

  it('starts a stopped or archived sandbox again before using it', async () => {
    const { backend, fake } = await setup();
    await backend.exec('proj', { command: 'echo first' });
    await backend.stop('proj');
    expect([...fake.sandboxes.values()][0].state).toBe('stopped');
    expect((await backend.exec('proj', { command: 'echo resumed' })).stdout).toBe('resumed\n');
    [...fake.sandboxes.values()][0].state = 'archived';
    expect((await backend.exec('proj', { command: 'exit 3' })).exitCode).toBe(3);
    expect(fake.calls.filter((c) => c.endsWith('/start'))).toHaveLength(2);
  });

  it('maps 401 and 404 to clear errors, and retries 429', async () => {
    const bad = await setup('wrong-key');
    expect(await codeOf(bad.client.create({}))).toBe('daytona_unauthorized');
    await bad.fake.close();
    const { client, fake } = await setup();
    expect(await codeOf(client.get('sb-missing'))).toBe('daytona_not_found');
    fake.throttleNext(2);
    const created = await client.create({ a: 'b' });
    expect(created.state).toBe('started');
    expect(fake.calls.filter((c) => c === 'POST /sandbox')).toHaveLength(3);
    fake.throttleNext(10);
    expect(await codeOf(client.get(created.id))).toBe('daytona_rate_limited');
  });

  it('deletes the remote sandbox of a one-off command, and on delete', async () => {
    const { backend, fake } = await setup();
    await backend.exec(undefined, { command: 'echo once' });
    expect(fake.sandboxes.size).toBe(0);
    await backend.create('keep');
    await backend.delete('keep');
    expect(fake.sandboxes.size).toBe(0);
    expect(await backend.list()).toEqual([]);
  });

  it('never switches auto-stop off silently, and needs a key', () => {
    expect(() => new DaytonaClient({ apiUrl: 'http://x', apiKey: 'k', autoStopMinutes: 0 })).toThrow(/refusing autoStopInterval 0/);
    expect(() => new DaytonaClient({ apiUrl: 'http://x', apiKey: 'k', autoStopMinutes: 0, allowNoAutoStop: true })).not.toThrow();
    expect(() => new DaytonaClient({ apiUrl: 'http://x', apiKey: '', autoStopMinutes: 15 })).toThrow(/DAYTONA_API_KEY/);
  });
});
