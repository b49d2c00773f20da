import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFrontmatter } from '../../src/skills/frontmatter.js';
import { readSkill } from '../../src/skills/parse.js';
import { validatePaths } from '../../src/skills/validate-paths.js';
import { aliasBomb, hostileProject } from '../helpers/hostile-skills.js';
import { writeSkill } from '../helpers/skills.js';
import { BIN, tempDir } from '../helpers/temp.js';

function kei(home: string, args: string[], cwd?: string) {
  const r = spawnSync(process.execPath, [BIN.skills, ...args], {
    env: { ...process.env, KEI_HOME: home, HOME: tempDir('kei-user-') },
    cwd,
    encoding: 'utf8',
    timeout: 20_000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('hostile frontmatter', () => {
  it('refuses an alias bomb quickly, naming the aliases and the fix', () => {
    const started = Date.now();
    expect(() => parseFrontmatter(`description: x\n${aliasBomb('metadata')}`)).toThrow(/YAML aliases \(\*name\); write the values out/);
    expect(() => parseFrontmatter(`description: x\n${aliasBomb('other')}`)).toThrow(/YAML aliases/);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('keeps ordinary aliases and large alias-free frontmatter', () => {
    expect(parseFrontmatter('description: &d hello\nmetadata:\n  short: *d\n')).toEqual({ description: 'hello', metadata: { short: 'hello' } });
    const list = Array(30_000).fill('1').join(',');
    expect((parseFrontmatter(`description: x\nitems: [${list}]\n`).items as unknown[]).length).toBe(30_000);
  });

  it('refuses frontmatter over 64 KiB, or never closed, without reading the rest of the file', () => {
    const root = tempDir();
    const big = writeSkill(root, 'big-front', { extra: `notes: "${'x'.repeat(70_000)}"\n` });
    expect(readSkill(big, { path: root, label: 't' })).toMatchObject({ problem: { reason: expect.stringMatching(/bytes; the limit is 65536/) } });
    const open = join(root, 'open', 'SKILL.md');
    mkdirSync(join(root, 'open'));
    writeFileSync(open, `---\nname: open\ndescription: never closed\n${'body line\n'.repeat(1_000_000)}`);
    expect(readSkill(open, { path: root, label: 't' })).toMatchObject({ problem: { reason: expect.stringMatching(/no closing --- line/) } });
  });

  it('validate reports each bad file and goes on with the rest', () => {
    const { root } = hostileProject();
    writeFileSync(join(root, 'unreadable.md'), '');
    const reports = validatePaths([root]);
    expect(reports.map((r) => [r.name, r.loaded])).toEqual([
      [null, false],
      [null, false],
      ['good-skill', true],
    ]);
    expect(reports[0].findings[0].message).toMatch(/YAML aliases/);
    expect(() => validatePaths([join(root, 'no-such')])).toThrow(/no-such: no such file or folder \(give SKILL\.md files/);
  });
});

describe('hostile files through the real CLI', () => {
  it('validate, list and list --json stay fast and name the skipped files', () => {
    const { project, root } = hostileProject();
    const home = tempDir('kei-home-');
    const started = Date.now();
    const validate = kei(home, ['validate', root]);
    expect(validate.code).toBe(1);
    expect(validate.out).toMatch(/FAIL .*bomb-extra\/SKILL\.md\n\s+error: not-loadable: frontmatter expands/);
    expect(validate.out).toMatch(/ok {3}.*good-skill\/SKILL\.md/);

    const list = kei(home, ['list'], project);
    expect(list.code).toBe(0);
    expect(list.out).toContain('good-skill');
    expect(list.out).toContain('2 SKILL.md files were skipped (not loaded):');
    expect(list.out).toMatch(/bomb-metadata\/SKILL\.md: frontmatter expands to more than \d+ values/);

    const json = kei(home, ['list', '--json'], project);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.out).map((s: { name: string }) => s.name)).toEqual(['good-skill']);
    expect(json.err).toContain('2 SKILL.md files were skipped');
    expect(Date.now() - started).toBeLessThan(15_000);
  });

  it('doctor counts the skipped files in its skills row', () => {
    const { project } = hostileProject();
    const r = kei(tempDir('kei-home-'), ['doctor'], project);
    expect(r.out).toMatch(/skills\s+absent\s+1 loaded, 2 SKILL\.md skipped; first: frontmatter expands/);
  }, 30_000);
});

describe('names from files as CLI arguments', () => {
  it('a leading-hyphen name works after --, and without it the error says so; a name with spaces works quoted', () => {
    const project = tempDir('kei-proj-');
    mkdirSync(join(project, '.git'));
    const root = join(project, '.claude', 'skills');
    writeSkill(root, '-foo', { folder: 'dash-foo', description: 'Starts with a hyphen' });
    writeSkill(root, 'Ahrefs Automation', { folder: 'ahrefs-automation', description: 'Automate Ahrefs' });
    const home = tempDir('kei-home-');
    const shown = kei(home, ['show', '--', '-foo'], project);
    expect(shown.code, shown.err).toBe(0);
    expect(shown.out).toContain('Starts with a hyphen');
    expect(kei(home, ['where', '--', '-foo'], project).out).toContain('dash-foo/SKILL.md');
    const bare = kei(home, ['show', '-foo'], project);
    expect(bare.code).not.toBe(0);
    expect(bare.err).toContain(`a skill name starting with "-" goes after "--", e.g. kei-skills show -- -foo`);
    expect(kei(home, ['show', 'Ahrefs Automation'], project).out).toContain('Automate Ahrefs');
  });
});
