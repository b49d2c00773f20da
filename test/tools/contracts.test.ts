import { afterEach, describe, expect, it } from 'vitest';
import { textOf, type McpSession } from '../helpers/mcp.js';
import { connectInProcess } from '../helpers/mcp-in-process.js';
import { tempDir } from '../helpers/temp.js';

let session: McpSession | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
});

async function open(): Promise<McpSession> {
  session = await connectInProcess(tempDir('kei-home-'), { HOME: tempDir('kei-user-') });
  // Listing first: the SDK client then checks every structured result against the tool's output schema.
  await session.client.listTools();
  return session;
}

async function ok(s: McpSession, name: string, args: Record<string, unknown>) {
  const r = await s.call(name, args);
  expect(r.isError, `${name}: ${textOf(r)}`).toBeFalsy();
  expect(r.structuredContent, name).toBeDefined();
  return r.structuredContent as Record<string, unknown>;
}

describe('tool contracts (the MCP server in process, no build)', () => {
  it('every tool declares object input and output schemas, a description and annotations', async () => {
    const { tools } = await (await open()).client.listTools();
    expect(tools.length).toBeGreaterThanOrEqual(20);
    for (const tool of tools) {
      expect(tool.name).toMatch(/^[a-z]+_[a-z_]+$/);
      expect(tool.description?.length, tool.name).toBeGreaterThan(60);
      expect(tool.inputSchema.type).toBe('object');
      expect(tool.outputSchema?.type, tool.name).toBe('object');
      expect(tool.annotations, tool.name).toBeDefined();
    }
  });

  it('memory tools: results match their output schemas through add, search, replace and remove', async () => {
    const s = await open();
    const added = await ok(s, 'memory_add', { content: 'The staging database runs Postgres 16 on port 5433.' });
    expect(added.id).toBeDefined();
    const found = await ok(s, 'memory_search', { query: 'staging database port' });
    expect(JSON.stringify(found)).toContain('5433');
    await ok(s, 'memory_replace', { old_text: 'port 5433', new_content: 'The staging database runs Postgres 16 on port 6543.' });
    expect(JSON.stringify(await ok(s, 'memory_search', { query: 'staging database' }))).toContain('6543');
    await ok(s, 'memory_remove', { old_text: 'port 6543' });
    expect(JSON.stringify(await ok(s, 'memory_search', { query: 'staging database' }))).not.toContain('6543');
  });

  it('skill tools: create, list, search, load, patch, write, read and remove a file', async () => {
    const s = await open();
    await ok(s, 'skill_create', {
      name: 'release-notes',
      description: 'Write release notes from merged pull requests when a release is cut.',
      body: '# Release notes\n\n1. List merged PRs.\n2. Group by area.\n',
    });
    expect(JSON.stringify(await ok(s, 'skill_list', {}))).toContain('release-notes');
    expect(JSON.stringify(await ok(s, 'skill_search', { query: 'release notes' }))).toContain('release-notes');
    expect(JSON.stringify(await ok(s, 'skill_load', { name: 'release-notes' }))).toContain('Group by area');
    const patched = await ok(s, 'skill_patch', { name: 'release-notes', old: 'Group by area.', new: 'Group by area and by risk.' });
    expect(patched.strategy).toBe('exact');
    await ok(s, 'skill_write_file', { name: 'release-notes', file: 'reference/template.md', content: '## Added\n## Fixed\n' });
    expect((await ok(s, 'skill_read_file', { name: 'release-notes', file: 'reference/template.md' })).content).toContain('## Fixed');
    await ok(s, 'skill_remove_file', { name: 'release-notes', file: 'reference/template.md' });
    expect((await s.call('skill_read_file', { name: 'release-notes', file: 'reference/template.md' })).isError).toBe(true);
  });

  it('schedule tools: create, list, runs and cancel; a bad when-spec is a clear error', async () => {
    const s = await open();
    const created = await ok(s, 'schedule_create', { name: 'tidy', when: 'every 1h', kind: 'builtin', payload: 'prune-logs' });
    expect((created.next_runs as string[]).length).toBeGreaterThan(0);
    expect(JSON.stringify(await ok(s, 'schedule_list', {}))).toContain('tidy');
    await ok(s, 'schedule_runs', { name: 'tidy' });
    await ok(s, 'schedule_cancel', { job: 'tidy' });
    const bad = await s.call('schedule_create', { name: 'bad', when: 'every blue moon', kind: 'builtin', payload: 'prune-logs' });
    expect(bad.isError).toBe(true);
    expect(textOf(bad)).toMatch(/every blue moon|when/i);
  });
});
