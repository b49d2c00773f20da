// The Teams part of `npm run demo`: two members (two data homes, two clones of one repository) share a project memory
// and a skill through a throwaway Postgres cluster, with the real CLI. Skipped, with the reason, when none can start.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { postgresBin, startPostgres } from './postgres.js';

export async function teamDemo({ root, say, step }) {
  say('\nTeams: two members share project memories and skills through Postgres.');
  if (!postgresBin()) return say('   skipped: no Postgres binaries here (apt-get install postgresql, then npm run demo again).');
  let server;
  try {
    server = await startPostgres();
  } catch (err) {
    return say(`   skipped: a Postgres server could not be started (${String(err.message).split('\n')[0]}).`);
  }
  const temp = mkdtempSync(join(tmpdir(), 'kei-demo-team-'));
  try {
    const [ana, ben] = ['ana', 'ben'].map((name) => memberOf(root, temp, name));
    step('T1', `ana and ben join team "demo" (${server.url}):`);
    for (const m of [ana, ben]) say(`   ${m('team', 'join', server.url, '--team', 'demo', '--member', m.memberName)}`);
    step('T2', 'ana remembers a fact about the project and writes and shares a skill:');
    say(`   ${ana('memory', 'add', '--scope', 'project', 'The staging database is reset every Sunday night')}`);
    say(
      `   ${ana('new', 'reset-staging', '--description', 'Reset the staging database safely', '--body', 'Run make reset-staging, then seed.')}`,
    );
    say(`   ${ana('team', 'share', 'reset-staging')}`);
    step('T3', 'ben syncs, and finds both in his own clone:');
    say(`   ${ben('team', 'sync')}`);
    say(indent(ben('memory', 'search', 'staging database')));
    say(indent(ben('where', 'reset-staging')));
    step('T4', 'team status on ben’s machine:');
    say(indent(ben('team', 'status')));
  } finally {
    server.stop();
    rmSync(temp, { recursive: true, force: true });
  }
}

/** A member: its own data home and its own clone of acme/shop; returns a function that runs the CLI as that member. */
function memberOf(root, temp, name) {
  const home = join(temp, `${name}-home`);
  const clone = join(temp, `${name}-clone`);
  mkdirSync(clone, { recursive: true });
  spawnSync('git', ['init', '-q', clone]);
  spawnSync('git', [
    '-C',
    clone,
    'remote',
    'add',
    'origin',
    name === 'ana' ? 'git@github.com:acme/shop.git' : 'https://github.com/acme/shop',
  ]);
  const run = (...args) => {
    const r = spawnSync(process.execPath, [join(root, 'bin', 'kei-skills.js'), ...args], {
      cwd: clone,
      env: { ...process.env, KEI_HOME: home, HOME: home },
      encoding: 'utf8',
    });
    return (r.stdout + r.stderr).trim();
  };
  return Object.assign(run, { memberName: name });
}

function indent(s) {
  return s
    .split('\n')
    .map((l) => `   ${l}`)
    .join('\n');
}
