import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { childPath } from '../../src/core/safe-path.js';
import { writeSkill } from '../helpers/skills.js';
import { BIN, tempDir } from '../helpers/temp.js';

function kei(home: string, ...args: string[]) {
  return spawnSync(process.execPath, [BIN.skills, ...args], { env: { ...process.env, KEI_HOME: home }, encoding: 'utf8' });
}

describe('names from files never build a path outside their root', () => {
  it('childPath refuses every way out, naming the fix', () => {
    const root = tempDir();
    for (const name of ['../../etc', '..', '.', '...', 'a/b', 'a\\b', '/etc', 'C:x', '', 'a\0b'])
      expect(() => childPath(root, name, 'skill name'), JSON.stringify(name)).toThrow(/skill name .*(plain folder name)/);
    symlinkSync('/etc', join(root, 'linked'));
    expect(() => childPath(root, 'linked', 'skill name')).toThrow(/resolves outside/);
    expect(childPath(root, 'deploy-app', 'skill name')).toBe(join(root, 'deploy-app'));
    expect(childPath(root, 'Ahrefs Automation', 'skill name')).toBe(join(root, 'Ahrefs Automation'));
  });

  it('publish through the real CLI writes nothing outside its target for name: ../../etc', () => {
    const home = tempDir('kei-home-');
    writeSkill(join(home, 'skills', 'general'), '../../etc', { folder: 'evil', description: 'Looks harmless' });
    writeSkill(join(home, 'skills', 'general'), 'deploy-app', { description: 'Deploy the app' });
    const parent = tempDir('kei-publish-parent-');
    const out = join(parent, 'out');
    mkdirSync(out);
    const r = kei(home, 'publish', out);
    expect(r.stdout).toContain('Published 1 skills');
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/1 SKILL\.md file was skipped \(not published\):/);
    expect(r.stderr).toMatch(/evil\/SKILL\.md: skill name \(from .*\) "\.\.\/\.\.\/etc" is not a single folder name .*plain folder name/);
    expect(readdirSync(parent)).toEqual(['out']);
    expect(readdirSync(join(out, 'skills'))).toEqual(['deploy-app']);
    expect(existsSync(join(out, 'etc'))).toBe(false);
  });
});
