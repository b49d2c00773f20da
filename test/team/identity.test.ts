import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tick } from '../../src/team/hlc.js';
import { ensureProjectId, normaliseRemoteUrl, projectIdentity } from '../../src/team/identity.js';
import { git } from '../helpers/git.js';
import { tempDir } from '../helpers/temp.js';

describe('project identity across machines', () => {
  it('ssh, scp-like and https spellings of one origin are one project; the local path plays no part', () => {
    const spellings = [
      'git@github.com:acme/web.git',
      'https://github.com/acme/web',
      'https://user@GitHub.com/acme/web.git/',
      'ssh://git@github.com:22/acme/web.git',
    ];
    expect(new Set(spellings.map(normaliseRemoteUrl))).toEqual(new Set(['github.com/acme/web']));
    expect(normaliseRemoteUrl('git@gitlab.com:acme/web.git')).not.toBe('github.com/acme/web');
  });

  it('a clone reads its origin without running git; without one, .keiseikit/project.json gives an id to commit', () => {
    const clone = tempDir();
    git(clone, 'init', '-q');
    expect(projectIdentity(clone)).toBeUndefined();
    const id = ensureProjectId(clone);
    expect(JSON.parse(readFileSync(join(clone, '.keiseikit', 'project.json'), 'utf8')).id).toBe(id.slice(3));
    expect(projectIdentity(clone)).toBe(id);
    git(clone, 'remote', 'add', 'origin', 'git@github.com:acme/api.git');
    expect(projectIdentity(clone)).toBe('github.com/acme/api');
    expect(existsSync(join(clone, '.keiseikit', 'project.json'))).toBe(true);
  });

  it('a clock never goes back: a machine behind stamps after the latest clock it has seen', () => {
    const seen = tick('', Date.UTC(2026, 0, 2), 'ana');
    const behind = tick(seen, Date.UTC(2026, 0, 1), 'ben');
    expect(behind > seen).toBe(true);
    expect(tick(behind, Date.UTC(2026, 0, 3), 'ben') > behind).toBe(true);
  });
});
