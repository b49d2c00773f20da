import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { benignReference, MIDDLE_INJECTION, withInjectionInMiddle } from '../guard/long-text-fixture.js';
import { writeSkill } from '../helpers/skills.js';
import { git, keiIn } from '../helpers/git.js';
import { tempDir } from '../helpers/temp.js';

/** A real git repository holding skill `api-guide` with a long references/api.md. */
function tapWithReference(reference: string): string {
  const work = tempDir('kei-long-tap-');
  git(work, 'init', '-q');
  writeSkill(join(work, 'skills'), 'api-guide', { description: 'Answer questions about the public API', body: 'Read references/api.md\n' });
  mkdirSync(join(work, 'skills', 'api-guide', 'references'));
  writeFileSync(join(work, 'skills', 'api-guide', 'references', 'api.md'), reference);
  git(work, 'add', '-A');
  git(work, 'commit', '-qm', 'skill');
  return work;
}

const kei = keiIn;

function install(reference: string) {
  const home = tempDir('kei-home-');
  const added = kei(home, 'tap', 'add', tapWithReference(reference), '--name', 't');
  expect(added.status, added.stderr).toBe(0);
  return { r: kei(home, 'install', 't/api-guide'), installed: join(home, 'skills', 't', 'api-guide') };
}

describe('tap install reads a long reference file whole (real git)', () => {
  it.each([100 * 1024, 400 * 1024])('refuses a skill whose %i-char reference hides an injection in the middle', (size) => {
    const { r, installed } = install(withInjectionInMiddle(size, MIDDLE_INJECTION));
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/api\.md/);
    expect(existsSync(installed)).toBe(false);
  });

  it('installs the same skill when the reference is benign', () => {
    const { r, installed } = install(benignReference(400 * 1024));
    expect(r.status, r.stderr).toBe(0);
    expect(existsSync(join(installed, 'references', 'api.md'))).toBe(true);
  });
});
