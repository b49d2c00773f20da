import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { openKit } from '../../src/kit.js';
import type { Invoker } from '../../src/learn/invoker/invoker.js';
import { reextractSkill } from '../../src/learn/improve.js';
import { trajectoryIdOf } from '../../src/ledger/turns.js';
import { startModelServer, type ModelServer } from '../helpers/model-server.js';
import { recordSession, type RecordedCall } from '../helpers/ledger.js';
import { BIN, tempDir } from '../helpers/temp.js';

const DAY = 86_400_000;
const SECRET = 'ghp_Zx9Qw8Er7Ty6Ui5Op4As3Df2Gh1Jk0Lz9Xc8';
const AWS = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const bash = (command: string, response = 'done'): RecordedCall => ({ tool: 'Bash', input: { command }, response });

/** A deploy session in which the user says who they are, where they work and live, and pastes secrets. */
const diarySession = [
  {
    prompt:
      "Hi, I'm Dana Whitfield. I work at Acme on the billing team. Deploy the invoice service to staging from /home/dana/src/invoices.",
    calls: [bash('cd /home/dana/src/invoices && git status'), bash('fly auth whoami', 'dana.whitfield@acme-corp.com')],
  },
  {
    prompt: `Run the tests first. My wife Jane says hi from Lisbon. Use the token ${SECRET} and call +1 415-555-0199 if it breaks.`,
    calls: [
      bash('npm test'),
      { tool: 'Read', input: { file_path: '/Users/dana/.aws/credentials' }, response: `aws_secret_access_key = ${AWS}` },
    ],
  },
  { prompt: 'Now build the container on db01.billing.acme.internal', calls: [bash('ssh dana@10.20.30.40 docker build -t invoices .')] },
  {
    prompt: 'Ship it and check the health endpoint',
    calls: [bash('fly deploy --remote-only'), bash('curl -fsS https://billing.acme.internal/health')],
  },
];

const LEAKS = [
  /acme/i,
  /dana/i,
  /whitfield/i,
  /jane/i,
  /lisbon/i,
  /billing team/i,
  /\/home\//,
  /\/Users\//,
  /415-555/,
  SECRET,
  AWS,
  /10\.20\.30\.40/,
  /db01/,
  /\.internal/,
];

/** A KEI_HOME holding that session, ended a day ago. */
function homeWithDiary(): string {
  const home = tempDir('kei-privacy-');
  const kit = openKit({ home, cwd: home, env: {} });
  recordSession(kit.db, 's1', diarySession, Date.now() - DAY);
  kit.close();
  return home;
}

/** `kei-skills nightly` as a real process, asynchronously: the scripted model server answers from this process. */
async function nightly(home: string, env: NodeJS.ProcessEnv) {
  const r = await promisify(execFile)(process.execPath, [BIN.skills, 'nightly', '--json'], {
    env: { HOME: home, PATH: tempDir('kei-no-path-'), KEI_HOME: home, ...env },
    encoding: 'utf8',
  });
  const report = JSON.parse(r.stdout) as { items: { action: string; subject: string; detail: string }[] };
  const extracted = report.items.filter((i) => i.action === 'extracted');
  expect(extracted, r.stdout).toHaveLength(1);
  const kit = openKit({ home, cwd: home, env: {} });
  const path = kit.skills.registry.get(extracted[0].subject)?.path;
  kit.close();
  return { name: extracted[0].subject, text: readFileSync(path as string, 'utf8') };
}

function expectNoLeak(text: string): void {
  for (const leak of LEAKS) expect(text).not.toMatch(leak);
}

// Issue 19, item 16: an extracted skill is shared knowledge; nothing personal from the trajectory goes into it.
describe('extracted skills carry nothing personal', () => {
  let server: ModelServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('offline: no personal facts, names, home paths, secrets or hostnames; the procedure stays', async () => {
    const skill = await nightly(homeWithDiary(), {});
    expectNoLeak(`${skill.name}\n${skill.text}`);
    expect(skill.text).toContain('extractor: offline');
    expect(skill.text).toContain('Deploy the invoice service to staging');
    expect(skill.text).toContain('npm test');
    expect(skill.text).toContain('fly deploy --remote-only');
  });

  it('model-backed: the model never sees them, and what it echoes anyway is scrubbed the same way', async () => {
    server = await startModelServer();
    const echoed =
      '---\nname: acme-dana-deploy-invoices\ndescription: Deploy invoices for Dana Whitfield at Acme from /home/dana/src/invoices ' +
      'via db01.billing.acme.internal.\nmetadata:\n  category: deploy\n---\n\n## Process\n1. I work at Acme on the billing team.\n' +
      `2. Export GITHUB_TOKEN=${SECRET} and ssh dana@10.20.30.40.\n3. Run \`npm test\` then \`fly deploy --remote-only\`.\n`;
    server.respond = () => ({ text: JSON.stringify({ skill_md: echoed }) });
    const skill = await nightly(homeWithDiary(), { ANTHROPIC_API_KEY: 'sk-test', ANTHROPIC_BASE_URL: server.url });
    expect(skill.text).toContain('extractor: anthropic');
    expectNoLeak(`${skill.name}\n${skill.text}`);
    expect(skill.name).toBe('deploy-invoices');
    expect(skill.text).toContain('fly deploy --remote-only');
    const sent = JSON.stringify(server.requests.map((r) => r.body));
    expect(sent).toContain('npm test');
    expectNoLeak(sent.replace(/[Tt]rajectory traj_s1/g, ''));
  });
});

// Re-extraction of a failing skill reads failing sessions too: the same scrubbing, offline and with a model.
describe('a re-extracted skill carries nothing personal either', () => {
  /** A KEI_HOME with a skill and the diary session, whose calls failed, as its failing trajectory. */
  function failingDiary() {
    const home = tempDir('kei-privacy-re-');
    const kit = openKit({ home, cwd: home, env: {} });
    kit.skills.writer.create({
      name: 'deploy-invoices',
      description: 'Deploy the invoice service to staging.',
      body: '1. Run `npm test`.\n',
    });
    const failed = diarySession.map((t) => ({ ...t, calls: t.calls.map((c) => ({ ...c, ok: false })) }));
    recordSession(kit.db, 's1', failed, Date.now() - DAY);
    return { kit, trajectory: trajectoryIdOf('s1') };
  }

  it('offline: the pitfalls written from the failures name no person, home path, host or secret', async () => {
    const { kit, trajectory } = failingDiary();
    const unavailable = { available: false, reason: 'no model in this test' } as unknown as Invoker;
    const r = await reextractSkill(kit, unavailable, 'deploy-invoices', [trajectory]);
    const text = readFileSync(kit.skills.registry.get('deploy-invoices')?.path as string, 'utf8');
    kit.close();
    expect(r.extractor).toBe('offline');
    expect(text).toContain('failed in session');
    expectNoLeak(text);
  });
});
