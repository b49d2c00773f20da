import { writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { upsertSession } from '../../src/ledger/sessions.js';
import { openKit, type Kit } from '../../src/kit.js';
import { openerFor, openBrowser } from '../../src/ui/open-browser.js';
import { startDashboard, type Dashboard } from '../../src/ui/server.js';
import { recordSession } from '../helpers/ledger.js';
import { removeSuiteDirs, suiteDir } from '../helpers/temp.js';
import { signIn, type Launched } from './launch.js';
import { SECRET, seedHome, type Seeded } from './seed.js';

/** A JSON answer, read loosely: each test names the fields it checks. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

// Issue 23: the dashboard's JSON API, in process over real HTTP and a real data home.
describe('dashboard API', () => {
  let seeded: Seeded;
  let kit: Kit;
  let dash: Dashboard;
  let auth: { cookie: string; csrf: string };
  let origin: string;

  const get = async (path: string) => {
    const res = await fetch(`${origin}${path}`, { headers: { cookie: auth.cookie } });
    return { status: res.status, body: (await res.json()) as Record<string, Json> };
  };
  const change = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${origin}${path}`, {
      method,
      headers: { cookie: auth.cookie, 'x-csrf-token': auth.csrf },
      body: JSON.stringify(body ?? {}),
    });
    return { status: res.status, body: (await res.json()) as Record<string, Json> };
  };

  beforeAll(async () => {
    seeded = seedHome(suiteDir('kei-ui-api-'));
    kit = openKit({ home: seeded.home, cwd: seeded.project, env: { HOME: seeded.home } });
    dash = await startDashboard(kit);
    origin = `http://127.0.0.1:${dash.port}`;
    auth = await signIn({ url: dash.url, origin } as Launched);
  });
  afterAll(async () => {
    await dash?.close();
    kit?.close();
    removeSuiteDirs();
  });

  it('filters memories by scope, project, tag and source; a wrong filter names the choices', async () => {
    expect((await get('/api/memories')).body.total).toBe(4);
    expect((await get('/api/memories?scope=project')).body.memories.map((m: Json) => m.content)).toEqual([
      'Run the integration tests with the real SQLite file, never mocks',
    ]);
    expect((await get(`/api/memories?project=${encodeURIComponent(seeded.project)}`)).body.total).toBe(1);
    expect((await get('/api/memories?tag=tooling')).body.memories[0].id).toBe(seeded.memoryId);
    expect((await get('/api/memories?source=reviewer')).body.memories[0].sourceKind).toBe('reviewer');
    expect((await get('/api/memories?source=agent')).body.memories.map((m: Json) => m.id)).toEqual([seeded.memoryId]);
    expect((await get('/api/memories?source=user')).body.total).toBe(2);
    const wrong = await get('/api/memories?source=robots');
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.message).toMatch(/source must be one of agent, reviewer, team, user/);
    const first = (await get('/api/memories?limit=2')).body;
    const rest = (await get('/api/memories?limit=2&offset=2')).body;
    expect([first.total, first.memories.length, rest.memories.length]).toEqual([4, 2, 2]);
    expect(new Set([...first.memories, ...rest.memories].map((m: Json) => m.id)).size).toBe(4);
    const facets = (await get('/api/memory-facets')).body;
    expect(facets.tags.map((t: Json) => t.tag).sort()).toEqual(['testing', 'tooling']);
  });

  it('searches with the ranking of memory_search (the same hits in the same order)', async () => {
    const ours = (await get('/api/memories?q=tests')).body.memories.map((m: Json) => m.id);
    expect(ours).toEqual(kit.memory.search('tests').map((h) => h.id));
    expect(ours.length).toBe(1);
  });

  it('deletes a memory, lists it as recently deleted, and undo brings it back with its id', async () => {
    expect((await change('DELETE', `/api/memories/${seeded.memoryId}`)).status).toBe(200);
    expect((await get(`/api/memories/${seeded.memoryId}`)).status).toBe(404);
    expect((await get('/api/memory-facets')).body.removed.map((r: Json) => r.id)).toContain(seeded.memoryId);
    expect((await change('POST', `/api/memories/${seeded.memoryId}/undo`)).body.action).toBe('remove');
    expect((await get(`/api/memories/${seeded.memoryId}`)).body.memory.content).toBe('The user prefers pnpm over npm for every project');
  });

  it('archives and unarchives a skill; gives feedback on it', async () => {
    expect((await change('POST', '/api/skills/retry-helper/feedback', { success: false, note: 'did not retry on 429' })).status).toBe(200);
    expect((await get('/api/skills/retry-helper')).body.usage).toMatchObject({ uses: 1, failures: 1 });
    expect((await change('POST', '/api/skills/retry-helper/archive')).status).toBe(200);
    const listed = (await get('/api/skills')).body;
    expect(listed.skills.map((s: Json) => s.name)).not.toContain('retry-helper');
    expect(listed.archived.map((s: Json) => s.name)).toContain('retry-helper');
    expect((await change('POST', '/api/skills/retry-helper/unarchive')).status).toBe(200);
    expect((await get('/api/skills')).body.skills.map((s: Json) => s.name)).toContain('retry-helper');
    const missing = await get('/api/skills/nope');
    expect([missing.status, missing.body.error.code]).toEqual([404, 'skill_not_found']);
  });

  it('pauses, resumes and cancels a job', async () => {
    expect((await change('POST', '/api/jobs/hello/pause')).body.enabled).toBe(0);
    expect((await get('/api/jobs')).body.jobs[0].next).toEqual([]);
    expect((await change('POST', '/api/jobs/hello/resume')).body.enabled).toBe(1);
    expect((await get('/api/jobs')).body.jobs[0].next).toHaveLength(3);
    expect((await change('DELETE', '/api/jobs/hello')).status).toBe(200);
    expect((await get('/api/jobs')).body.jobs).toEqual([]);
  });

  it('exports one session as ShareGPT JSONL, redacted', async () => {
    const transcript = join(seeded.home, 'transcript.jsonl');
    const lines = [
      { type: 'user', sessionId: 'exp-1', message: { role: 'user', content: `Deploy with ${SECRET}` } },
      { type: 'assistant', sessionId: 'exp-1', message: { role: 'assistant', content: [{ type: 'text', text: 'Deployed.' }] } },
    ];
    writeFileSync(transcript, lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
    recordSession(kit.db, 'exp-1', [{ prompt: 'Deploy', calls: [] }], Date.now());
    upsertSession(kit.db, { id: 'exp-1', at: Date.now(), transcriptPath: transcript });
    const res = await fetch(`${origin}/api/sessions/exp-1/export`, { headers: { cookie: auth.cookie } });
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="session-exp-1.jsonl"');
    const text = await res.text();
    const record = JSON.parse(text.trim());
    expect(record.conversations.map((c: Json) => c.from)).toContain('human');
    expect(text).not.toContain(SECRET);
  });

  it('shows the learning loop: nightly report, reviewer runs, model calls', async () => {
    kit.db
      .prepare("INSERT INTO review_ops (session_id, at, op, scope, content, outcome) VALUES (?, ?, 'add', 'user', ?, 'applied')")
      .run(seeded.session, Date.now(), 'Prefers pnpm');
    kit.db
      .prepare(
        "INSERT INTO llm_calls (at, day, backend, model, purpose, prompt_chars, input_tokens, output_tokens, cost_usd, outcome) VALUES (?, ?, 'api', 'claude-haiku', 'review', 100, 30, 20, 0.0012, 'ok')",
      )
      .run(Date.now(), new Date().toISOString().slice(0, 10));
    const l = (await get('/api/learning')).body;
    expect(l.nightly[0].report.items[0]).toMatchObject({ action: 'validated', subject: 'retry-helper' });
    expect(l.reviews[0]).toMatchObject({ session: seeded.session, applied: 1 });
    expect(l.calls[0]).toMatchObject({ model: 'claude-haiku', input_tokens: 30, output_tokens: 20 });
    const timeline = (await get(`/api/sessions/${seeded.session}`)).body.timeline;
    expect(timeline.at(-1)).toMatchObject({ kind: 'review', title: 'reviewer add (applied)' });
  });

  it('answers unknown routes, files outside the page and bad bodies with clear errors', async () => {
    expect((await get('/api/nothing')).status).toBe(404);
    expect((await fetch(`${origin}/../package.json`, { headers: { cookie: auth.cookie } })).status).toBe(404);
    expect((await fetch(`${origin}/%2e%2e/package.json`, { headers: { cookie: auth.cookie } })).status).toBe(404);
    const bad = await fetch(`${origin}/api/memories/${seeded.memoryId}`, {
      method: 'PUT',
      headers: { cookie: auth.cookie, 'x-csrf-token': auth.csrf },
      body: 'not json',
    });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as Json).error.message).toMatch(/JSON object/);
    const empty = await change('PUT', `/api/memories/${seeded.memoryId}`, { content: '' });
    expect(empty.body.error.message).toMatch(/"content" is required/);
  });

  it('says which port is taken, and how to pick another', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      await expect(startDashboard(kit, { port })).rejects.toThrow(new RegExp(`port ${port} is in use; pick another with --port`));
    } finally {
      blocker.close();
    }
  });

  it('opens the browser with the platform opener and never fails without one', () => {
    expect(openerFor('darwin', 'http://x')).toEqual({ command: 'open', args: ['http://x'] });
    expect(openerFor('linux', 'http://x').command).toBe('xdg-open');
    expect(openerFor('win32', 'http://x/?a=1&b=2').args).toEqual(['/c', 'start', '""', 'http://x/?a=1^&b=2']);
    // No opener on PATH (a server, a container): nothing is thrown and nothing is left running.
    const path = process.env.PATH;
    process.env.PATH = '';
    try {
      expect(() => openBrowser('http://127.0.0.1:1/', 'linux')).not.toThrow();
    } finally {
      process.env.PATH = path;
    }
  });
});
