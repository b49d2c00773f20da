import { spawnSync } from 'node:child_process';
import { generateKeyPairSync, randomBytes, randomInt } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redactSecrets } from '../../src/guard/redact.js';
import { BIN, removeSuiteDirs, suiteDir } from '../helpers/temp.js';
import { allLogs, everyStoredText, rawDatabaseBytes, runHook } from './run-hook.js';

// Every secret is made at run time (real keys from node:crypto, random tokens), so this file holds none.
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const randomToken = (n: number, alphabet = ALNUM) => Array.from({ length: n }, () => alphabet[randomInt(alphabet.length)]).join('');

/** A random API token as services issue them: mixed case with digits scattered through it. */
function opaqueToken(n = 40): string {
  for (;;) {
    const t = randomToken(n);
    if (/[a-z]/.test(t) && /[A-Z]/.test(t) && (t.match(/\d/g) ?? []).length >= 4) return t;
  }
}

const rsaKey = (bits: number) =>
  generateKeyPairSync('rsa', {
    modulusLength: bits,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
  }).privateKey;
const ecKey = () =>
  generateKeyPairSync('ec', {
    namedCurve: 'P-256',
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  }).privateKey;
function opensshKey(): string {
  const body = `b3BlbnNzaC1rZXktdjEAAAAA${randomBytes(300).toString('base64')}`.match(/.{1,70}/g) ?? [];
  return [`-----BEGIN ${'OPENSSH'} PRIVATE KEY-----`, ...body, `-----END ${'OPENSSH'} PRIVATE KEY-----`, ''].join('\n');
}

/** The pieces of a secret that must not be found anywhere: whole tokens; every body line of a key (and its first 24 chars). */
function fragmentsOf(secret: string): string[] {
  if (!secret.includes('-----BEGIN')) return [secret, secret.slice(4, 20)];
  const lines = secret.split('\n').filter((l) => l.length >= 16 && !l.startsWith('-----'));
  return [...lines, ...lines.map((l) => l.slice(0, 24))];
}

interface Fixture {
  secrets: string[];
  envDump: string;
  rsa: string;
  keysTogether: string;
  truncated: string;
  bearer: string;
  promptToken: string;
}

function makeFixture(): Fixture {
  const vendor = [
    `ghp_${opaqueToken(36)}`,
    `sk-ant-api03-${opaqueToken(48)}`,
    `AKIA${randomToken(16, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567')}`,
    `xoxb-${randomToken(12, '0123456789')}-${opaqueToken(24)}`,
    `glpat-${opaqueToken(20)}`,
  ];
  // Ten opaque values under names that say nothing: only the entropy check can find them, and all ten must be.
  const opaque = Array.from({ length: 10 }, () => opaqueToken());
  const password = `correct-horse-battery-${randomToken(6, 'abcdefghij')}`;
  const envDump = [
    'HOME=/home/dev',
    'SHELL=/bin/bash',
    ...opaque.map((t, i) => `APP_SETTING_${i}=${t}`),
    `GITHUB_TOKEN=${vendor[0]}`,
    `ANTHROPIC_API_KEY=${vendor[1]}`,
    `AWS_ACCESS_KEY_ID=${vendor[2]}`,
    `SLACK_BOT=${vendor[3]}`,
    `GITLAB=${vendor[4]}`,
    `DB_PASSWORD=${password}`,
  ].join('\n');
  const rsa = rsaKey(3072);
  const ec = ecKey();
  const ssh = opensshKey();
  const cut = rsaKey(2048);
  const truncated = `${cut.slice(0, Math.floor(cut.length * 0.6))}`;
  const bearer = opaqueToken(32);
  const promptToken = `ghp_${opaqueToken(36)}`;
  return {
    secrets: [...vendor, ...opaque, password, rsa, ec, ssh, truncated, bearer, promptToken],
    envDump,
    rsa,
    keysTogether: `${ec}\n${ssh}`,
    truncated,
    bearer,
    promptToken,
  };
}

/** A Claude Code transcript of the same session: the prompt, the calls, their full results. */
function writeTranscript(path: string, f: Fixture, calls: { id: string; command: string; output: string }[]): void {
  const lines: object[] = [
    { type: 'user', sessionId: 'sec-1', cwd: '/work/project', message: { role: 'user', content: `deploy with ${f.promptToken} please` } },
  ];
  for (const [i, c] of calls.entries()) {
    lines.push({
      type: 'assistant',
      message: {
        id: `m${i}`,
        role: 'assistant',
        model: 'claude-x',
        content: [
          { type: 'text', text: 'Checking.' },
          { type: 'tool_use', id: c.id, name: 'Bash', input: { command: c.command } },
        ],
      },
    });
    lines.push({
      type: 'user',
      message: { role: 'user', content: [{ type: 'tool_result', tool_use_id: c.id, content: c.output, is_error: false }] },
    });
  }
  writeFileSync(path, `${lines.map((l) => JSON.stringify(l)).join('\n')}\n`);
}

describe('secrets never at rest', () => {
  let f: Fixture;
  let home: string;
  let exported: string;

  beforeAll(() => {
    f = makeFixture();
    home = suiteDir('kei-secrets-');
    const transcript = join(home, 'transcript.jsonl');
    const calls = [
      { id: 't1', command: 'env', output: f.envDump },
      { id: 't2', command: 'cat ~/.ssh/id_rsa', output: f.rsa },
      { id: 't3', command: 'cat keys/*', output: f.keysTogether },
      {
        id: 't4',
        command: `curl -H "Authorization: Bearer ${f.bearer}" https://api.example/v1/me`,
        output: `${f.truncated}\nbuild finished`,
      },
    ];
    writeTranscript(transcript, f, calls);
    const base = { session_id: 'sec-1', cwd: '/work/project', transcript_path: transcript };
    const events: [string, object][] = [
      ['SessionStart', { ...base, source: 'startup' }],
      ['UserPromptSubmit', { ...base, prompt: `deploy with ${f.promptToken} please` }],
      ...calls.map((c): [string, object] => [
        'PostToolUse',
        {
          ...base,
          tool_name: 'Bash',
          tool_use_id: c.id,
          tool_input: { command: c.command },
          tool_response: { stdout: c.output, stderr: '' },
        },
      ]),
      [
        'PostToolUseFailure',
        { ...base, tool_name: 'Bash', tool_use_id: 't5', tool_input: { command: 'ssh-add -L' }, error: `bad key:\n${f.rsa}` },
      ],
      // PreCompact writes its trigger to the hook log: a secret there must not reach the log file.
      ['PreCompact', { ...base, trigger: `manual ${f.promptToken} ${f.keysTogether}` }],
      ['Stop', base],
      ['SessionEnd', { ...base, reason: 'exit' }],
    ];
    for (const [event, payload] of events) expect(runHook(home, event, payload).code).toBe(0);
    const out = join(home, 'export.jsonl');
    const r = spawnSync(process.execPath, [BIN.skills, 'export-trajectories', '--out', out], {
      env: { ...process.env, KEI_HOME: home },
      encoding: 'utf8',
    });
    expect(r.status, r.stderr).toBe(0);
    exported = readFileSync(out, 'utf8');
  }, 120_000);
  afterAll(removeSuiteDirs);

  it('kei.db holds none of them, in any column or anywhere in its files (main, WAL)', () => {
    const stored = everyStoredText(home).join('\n');
    const raw = rawDatabaseBytes(home);
    for (const secret of f.secrets) {
      for (const piece of fragmentsOf(secret)) {
        expect(stored.includes(piece), `stored: ${piece}`).toBe(false);
        expect(raw.includes(piece), `on disk: ${piece}`).toBe(false);
      }
    }
  });

  it('the ledger still records the calls, with the secrets marked as redacted and the rest kept', () => {
    const stored = everyStoredText(home).join('\n');
    expect(stored).toContain('[REDACTED:secret.private_key]');
    expect(stored).toContain('build finished');
    expect(stored).toContain('HOME=/home/dev');
  });

  it('the hook log holds none of them', () => {
    const logs = allLogs(home);
    expect(logs).toContain('session compacted');
    for (const secret of f.secrets) for (const piece of fragmentsOf(secret)) expect(logs.includes(piece), `log: ${piece}`).toBe(false);
  });

  it('an export holds none of them and still carries the conversation', () => {
    expect(exported).toContain('build finished');
    expect(exported).toContain('[REDACTED:secret.private_key]');
    for (const secret of f.secrets)
      for (const piece of fragmentsOf(secret)) expect(exported.includes(piece), `export: ${piece}`).toBe(false);
  });
});

describe('redaction of keys and tokens', () => {
  it('takes a private key as one block, also cut short without its END line, and keeps the prose around it', () => {
    const key = rsaKey(2048);
    expect(redactSecrets(`before\n${key}after`)).toBe('before\n[REDACTED:secret.private_key]\nafter');
    const cut = key.slice(0, 900);
    expect(redactSecrets(`${cut}\n\nnext step: deploy`)).toBe('[REDACTED:secret.private_key]\n\nnext step: deploy');
    // As stored from a tool's JSON output: the line breaks are escaped.
    expect(redactSecrets(JSON.stringify({ stdout: cut, exit: 0 }))).toBe('{"stdout":"[REDACTED:secret.private_key]","exit":0}');
  });

  it('finds every token however many there are', () => {
    const tokens = Array.from({ length: 50 }, () => opaqueToken());
    const out = redactSecrets(tokens.map((t, i) => `V${i}=${t}`).join('\n'));
    for (const t of tokens) expect(out).not.toContain(t);
  });

  it('redacts values whose names say they are secret, and leaves references and ordinary keys alone', () => {
    const pw = `hunter${randomToken(4, '0123456789')}`;
    expect(redactSecrets(`DB_PASSWORD=${pw} apiKey: "${pw}"`)).not.toContain(pw);
    const kept =
      'TOKEN=$GITHUB_TOKEN monkey: banana sort_key=name password: ${{ secrets.PW }} apiKey: string; const apiKey = process.env.API_KEY';
    expect(redactSecrets(kept)).toBe(kept);
  });
});
