import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { connectKeiMcp, textOf, type McpSession } from '../helpers/mcp.js';
import { writeSkill } from '../helpers/skills.js';
import { BIN, tempDir } from '../helpers/temp.js';

let session: McpSession | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
});

/** The real kei-mcp over stdio, in a project holding one skill, `notes`. */
async function start() {
  const home = tempDir('kei-home-');
  const project = tempDir('kei-proj-');
  mkdirSync(join(project, '.git'));
  const userHome = tempDir('kei-user-');
  const folder = join(project, '.claude', 'skills', 'notes');
  writeSkill(join(project, '.claude', 'skills'), 'notes', { description: 'Keep release notes tidy', body: '1. Read guide.md\n' });
  writeFileSync(join(folder, 'guide.md'), 'Sort entries by date.\n');
  session = await connectKeiMcp(home, { HOME: userHome }, project);
  return { home, project, userHome, folder, s: session };
}

describe('skill file names through the real kei-mcp and CLI', () => {
  it('a name with a part made only of dots (....//x) is refused with the reason, and nothing is written', async () => {
    const { s, folder } = await start();
    for (const file of ['....//x', '.../x.md', 'a/..../b']) {
      const r = await s.call('skill_write_file', { name: 'notes', file, content: 'hello' });
      expect(r.isError, file).toBe(true);
      expect(textOf(r)).toMatch(/has a part made only of dots \("\.{3,4}"\); name files and folders with at least one other character/);
    }
    expect(readdirSync(folder).sort()).toEqual(['SKILL.md', 'guide.md']);
  });

  it('whatever is written can be read, patched and removed under the same name (..notes.md, refs//b.md)', async () => {
    const { s, home, project, userHome, folder } = await start();
    for (const file of ['..notes.md', 'refs//b.md']) {
      const written = await s.call('skill_write_file', { name: 'notes', file, content: 'first draft\n' });
      expect(written.isError, textOf(written)).toBeFalsy();
      const read = await s.call('skill_read_file', { name: 'notes', file });
      expect(read.isError, textOf(read)).toBeFalsy();
      expect(textOf(read)).toBe('first draft\n');
      const patch = spawnSync(process.execPath, [BIN.skills, 'patch', 'notes', '--file', file, '--old', 'first', '--new', 'second'], {
        cwd: project,
        env: { ...process.env, KEI_HOME: home, HOME: userHome },
        encoding: 'utf8',
      });
      expect(patch.status, patch.stderr).toBe(0);
      expect(textOf(await s.call('skill_read_file', { name: 'notes', file }))).toBe('second draft\n');
      const removed = await s.call('skill_remove_file', { name: 'notes', file });
      expect(removed.isError, textOf(removed)).toBeFalsy();
    }
    expect(existsSync(join(folder, '..notes.md'))).toBe(false);
    expect(existsSync(join(folder, 'refs', 'b.md'))).toBe(false);
  });

  it('skill_load lists no file through a symlink leaving the skill, and never looks inside a linked folder', async () => {
    const { s, folder } = await start();
    const host = tempDir('kei-host-');
    writeFileSync(join(host, 'id_rsa'), 'PRIVATE');
    mkdirSync(join(host, 'deep'));
    writeFileSync(join(host, 'deep', 'secret.txt'), 'PRIVATE');
    symlinkSync(join(host, 'id_rsa'), join(folder, 'key.md'));
    symlinkSync(host, join(folder, 'hostdir'));
    symlinkSync('.', join(folder, 'loop'));
    symlinkSync('guide.md', join(folder, 'alias.md'));
    const load = await s.call('skill_load', { name: 'notes' });
    expect((load.structuredContent as { files: string[] }).files).toEqual(['alias.md', 'guide.md']);
    expect(textOf(load)).not.toMatch(/id_rsa|secret\.txt|key\.md|hostdir/);
    const read = await s.call('skill_read_file', { name: 'notes', file: 'key.md' });
    expect(read.isError).toBe(true);
    expect(textOf(read)).toMatch(/resolves outside the skill folder/);
  });
});
