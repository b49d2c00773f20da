import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { connectKeiMcp, textOf, type McpSession } from '../helpers/mcp.js';
import { writeSkill } from '../helpers/skills.js';
import { tempDir } from '../helpers/temp.js';
import { aliasBomb } from '../helpers/hostile-skills.js';

let session: McpSession | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
});

/** A project with a normal skill plus whatever `more` writes into its .claude/skills, and a kei-mcp on it. */
async function start(more: (root: string) => void) {
  const project = tempDir('kei-proj-');
  mkdirSync(join(project, '.git'));
  const root = join(project, '.claude', 'skills');
  writeSkill(root, 'deploy-app', { description: 'Deploy the web app to staging' });
  more(root);
  const started = Date.now();
  session = await connectKeiMcp(tempDir('kei-home-'), { HOME: tempDir('kei-user-') }, project);
  return { s: session, root, startMs: Date.now() - started };
}

type Structured = Record<string, unknown>;

describe('kei-mcp against hostile and huge skills', () => {
  it('starts fast next to alias bombs, skips them, and every other tool still works', async () => {
    const { s, startMs } = await start((root) => {
      writeSkill(root, 'bomb-metadata', { extra: aliasBomb('metadata') });
      writeSkill(root, 'bomb-extra', { extra: aliasBomb('x-notes') });
    });
    expect(startMs).toBeLessThan(10_000);
    const list = (await s.call('skill_list', {})).structuredContent as { skills: { name: string }[] };
    expect(list.skills.map((x) => x.name)).toEqual(['deploy-app']);
    expect((await s.call('memory_add', { content: 'Deploys go through staging first' })).isError).toBeFalsy();
    expect((await s.client.listResources()).resources.map((r) => r.uri)).toEqual(['skill://deploy-app/SKILL.md']);
  });

  it('caps a 5 MB body (skill_load, prompt, resource) and reads the rest by offset, exactly', async () => {
    const line = 'Step: run the migration, then check the logs — ünïcödé ✓ included.\n';
    const body = line.repeat(Math.ceil((5 * 1024 * 1024) / Buffer.byteLength(line)));
    const { s, root } = await start((r) => writeSkill(r, 'huge-skill', { description: 'A very long runbook', body }));
    const fullBody = `\n${body}`; // writeSkill puts a blank line after the frontmatter
    const load = await s.call('skill_load', { name: 'huge-skill' });
    expect(load.isError).toBeFalsy();
    expect(Buffer.byteLength(JSON.stringify(load))).toBeLessThan(1024 * 1024);
    const loaded = load.structuredContent as Structured;
    expect(loaded).toMatchObject({ truncated: true, body_bytes: Buffer.byteLength(fullBody) });
    expect(textOf(load)).toMatch(
      /\[truncated: bytes 0–\d+ of \d+ shown\. Read the rest with skill_read_file \{"name":"huge-skill","file":"SKILL.md","offset":\d+\}\]$/,
    );

    let text = loaded.body as string;
    let offset = loaded.next_offset as number | undefined;
    let calls = 0;
    while (offset !== undefined) {
      const part = await s.call('skill_read_file', { name: 'huge-skill', file: 'SKILL.md', offset });
      expect(part.isError).toBeFalsy();
      const p = part.structuredContent as Structured;
      expect(p.offset).toBe(offset);
      text += p.content as string;
      offset = p.next_offset as number | undefined;
      calls++;
    }
    expect(text).toBe(fullBody);
    expect(calls).toBeGreaterThan(15);
    const file = readFileSync(join(root, 'huge-skill', 'SKILL.md'), 'utf8');
    const sliced = (await s.call('skill_read_file', { name: 'huge-skill', file: 'SKILL.md', offset: 3, length: 10 })).structuredContent;
    expect(sliced).toMatchObject({ offset: 3, next_offset: 13, truncated: true, content: file.slice(3, 13) });

    const prompt = await s.client.getPrompt({ name: 'huge-skill' });
    expect(Buffer.byteLength(JSON.stringify(prompt))).toBeLessThan(1024 * 1024);
    expect(JSON.stringify(prompt.messages)).toContain('Read the rest with the skill_read_file tool');
    const resource = await s.client.readResource({ uri: 'skill://huge-skill/SKILL.md' });
    expect(Buffer.byteLength(JSON.stringify(resource))).toBeLessThan(1024 * 1024);
    // The session survives: the server is still there for every other tool.
    expect((await s.call('memory_add', { content: 'The runbook is long' })).isError).toBeFalsy();
    expect((await s.call('skill_list', {})).isError).toBeFalsy();
  }, 60_000);

  it('a hostile name is data: resources are encoded, paths never leave the skill', async () => {
    const { s } = await start((root) => {
      writeSkill(root, '../../etc', { folder: 'evil', description: 'Looks harmless' });
      writeSkill(root, 'Ahrefs Automation', { folder: 'ahrefs-automation', description: 'Automate Ahrefs' });
    });
    const uris = (await s.client.listResources()).resources.map((r) => r.uri).sort();
    expect(uris).toEqual(['skill://..%2F..%2Fetc/SKILL.md', 'skill://Ahrefs%20Automation/SKILL.md', 'skill://deploy-app/SKILL.md']);
    const ahrefs = await s.client.readResource({ uri: 'skill://Ahrefs%20Automation/SKILL.md' });
    expect(JSON.stringify(ahrefs.contents)).toContain('Automate Ahrefs');
    const evil = await s.client.readResource({ uri: 'skill://..%2F..%2Fetc/SKILL.md' });
    expect(JSON.stringify(evil.contents)).toContain('Looks harmless');
    await expect(s.client.readResource({ uri: 'skill://..%2F..%2Fetc/..%2F..%2F..%2Fetc%2Fpasswd' })).rejects.toThrow(
      /leaves the skill folder/,
    );
    const read = await s.call('skill_read_file', { name: '../../etc', file: '../../../../etc/passwd' });
    expect(textOf(read)).toMatch(/path_escape/);
    expect((await s.call('skill_load', { name: 'Ahrefs Automation' })).isError).toBeFalsy();
  });
});
