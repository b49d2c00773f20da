import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PromptListChangedNotificationSchema } from '@modelcontextprotocol/sdk/types.js';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/core/db.js';
import { connectKeiMcp, textOf, type McpSession } from '../helpers/mcp.js';
import { writeSkill } from '../helpers/skills.js';
import { BIN, tempDir } from '../helpers/temp.js';

let session: McpSession | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
});

async function start() {
  const home = tempDir('kei-home-');
  const project = tempDir('kei-proj-');
  mkdirSync(join(project, '.git'));
  const userHome = tempDir('kei-user-');
  const root = join(project, '.claude', 'skills');
  writeSkill(root, 'deploy-app', {
    description: 'Deploy the web app to staging',
    body: '# Deploy\n\n1. Build:\n   ```sh\n   make build\n   ```\n2. Ship with “make deploy”.\n',
  });
  writeSkill(root, 'triage-bug', { description: 'Reproduce and triage a bug report', body: 'Reproduce first, then bisect.\n' });
  session = await connectKeiMcp(home, { HOME: userHome }, project);
  return { home, project, root, userHome, s: session };
}

describe('skills through the real kei-mcp', () => {
  it('lists, searches and loads skills, recording the load in the ledger', async () => {
    const { s, home } = await start();
    const list = await s.call('skill_list', {});
    expect((list.structuredContent as { count: number }).count).toBe(2);
    const search = await s.call('skill_search', { query: 'staging deploy' });
    expect((search.structuredContent as { results: { name: string }[] }).results[0].name).toBe('deploy-app');
    const load = await s.call('skill_load', { name: 'deploy-app' });
    expect(load.structuredContent).toMatchObject({ name: 'deploy-app', files: [] });
    expect((load.structuredContent as { body: string }).body).toContain('make build');
    const feedback = await s.call('skill_feedback', { name: 'deploy-app', success: true, note: 'deployed fine' });
    expect(feedback.isError).toBeFalsy();
    const db = openDatabase(join(home, 'kei.db'));
    expect(db.prepare('SELECT skill_name, source, success, success_reason FROM skill_invocations').all()).toEqual([
      { skill_name: 'deploy-app', source: 'mcp', success: 1, success_reason: 'feedback: deployed fine' },
    ]);
    db.close();
  });

  it('patches with fuzzy strategies over the wire, and reverts through the CLI', async () => {
    const { s, home, root, project, userHome } = await start();
    const trimmed = await s.call('skill_patch', { name: 'deploy-app', old: '```sh\nmake build\n```', new: '```sh\nmake build-prod\n```' });
    expect(textOf(trimmed)).toMatch(/line-trimmed/);
    const unicode = await s.call('skill_patch', {
      name: 'deploy-app',
      old: '2. Ship with "make deploy".',
      new: '2. Ship with "make release".',
    });
    expect(textOf(unicode)).toMatch(/unicode-normalised/);
    const ambiguous = await s.call('skill_patch', { name: 'deploy-app', old: 'make', new: 'just' });
    expect(ambiguous.isError).toBe(true);
    expect(textOf(ambiguous)).toMatch(/matches 2 places/);
    const path = join(root, 'deploy-app', 'SKILL.md');
    expect(readFileSync(path, 'utf8')).toContain('   make build-prod\n');
    const revert = spawnSync(process.execPath, [BIN.skills, 'revert', 'deploy-app', '--to', '1'], {
      cwd: project,
      env: { ...process.env, KEI_HOME: home, HOME: userHome },
      encoding: 'utf8',
    });
    expect(revert.status, revert.stderr).toBe(0);
    expect(readFileSync(path, 'utf8')).toContain('make deploy”');
  });

  it('create → hot reload → the new skill is a prompt and a resource, with list_changed', async () => {
    const { s, root } = await start();
    let notified = 0;
    s.client.setNotificationHandler(PromptListChangedNotificationSchema, () => {
      notified++;
    });
    expect((await s.client.listPrompts()).prompts.map((p) => p.name).sort()).toEqual(['deploy-app', 'triage-bug']);
    const created = await s.call('skill_create', {
      name: 'write-changelog',
      description: 'Write a changelog entry',
      body: '1. Read the diff\n2. Summarise',
    });
    expect(created.isError).toBeFalsy();
    writeSkill(root, 'added-on-disk', { description: 'Dropped in by another tool' });
    // The watcher sees it within ~100 ms on a quiet machine (bench:skills measures that); a loaded CI machine
    // can take seconds, so wait for it rather than for a fixed time.
    let prompts: string[] = [];
    for (const until = Date.now() + 15_000; Date.now() < until; await new Promise((r) => setTimeout(r, 100))) {
      prompts = (await s.client.listPrompts()).prompts.map((p) => p.name);
      if (prompts.includes('added-on-disk') && notified > 0) break;
    }
    expect(prompts).toEqual(expect.arrayContaining(['write-changelog', 'added-on-disk']));
    expect(notified).toBeGreaterThan(0);
    const prompt = await s.client.getPrompt({ name: 'write-changelog' });
    expect(JSON.stringify(prompt.messages)).toContain('Read the diff');
    const resource = await s.client.readResource({ uri: 'skill://added-on-disk/SKILL.md' });
    expect(JSON.stringify(resource.contents)).toContain('Dropped in by another tool');
  });

  it('refuses path escapes with a clear error', async () => {
    const { s } = await start();
    for (const file of ['../../../etc/passwd', '/etc/passwd', 'scripts/../../../x']) {
      const read = await s.call('skill_read_file', { name: 'deploy-app', file });
      expect(read.isError).toBe(true);
      expect(textOf(read)).toMatch(/path_escape/);
      const write = await s.call('skill_write_file', { name: 'deploy-app', file, content: 'x' });
      expect(textOf(write)).toMatch(/path_escape/);
    }
  });
});
