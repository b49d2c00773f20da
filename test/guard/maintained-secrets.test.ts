import { randomInt } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { GuardBlockedError } from '../../src/gate/guard-blocked-error.js';
import { redactSecrets, scanText } from '../../src/guard/index.js';
import { GITLEAKS_RULES } from '../../src/guard/rules/gitleaks.generated.js';
import { everyStoredText, rawDatabaseBytes, runHook } from '../ledger/run-hook.js';
import { testKit } from '../helpers/kit.js';
import { removeSuiteDirs, suiteDir } from '../helpers/temp.js';

// Every credential is made at run time from random characters, so this file holds none.
const pick = (n: number, alphabet: string) => Array.from({ length: n }, () => alphabet[randomInt(alphabet.length)]).join('');
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const HEX = '0123456789abcdef';
// Starts with a capital: gitleaks allows `user:x…`, `user:test…` and the like as placeholders, as it should.
const password = () => `K${pick(6, ALNUM)}9${pick(6, ALNUM)}`;
const bearer = () => pick(36, ALNUM);
const fresh = {
  sendgrid: () => `SG.${pick(22, ALNUM)}.${pick(43, ALNUM)}`,
  digitalocean: () => `dop_v1_${pick(64, HEX)}`,
};

/** Text that stores a credential, the credential, and the rule of the maintained list that names it. */
function credentials(): { name: string; text: string; secret: string; rule: RegExp }[] {
  const pw = password();
  const token = bearer();
  const single = bearer();
  const sendgrid = fresh.sendgrid();
  const digitalocean = fresh.digitalocean();
  const urlPw = password();
  return [
    {
      name: 'curl -u user:password',
      text: `Deploys run curl -u deploy:${pw} https://ci.internal.example/hook`,
      secret: pw,
      rule: /curl_auth_user/,
    },
    {
      name: 'curl with an Authorization: Bearer header',
      text: `Check the status with curl -s -H "Authorization: Bearer ${token}" https://api.internal.example/v2/status`,
      secret: token,
      rule: /curl_auth_header/,
    },
    {
      name: 'curl with a single-quoted header',
      text: `curl -X POST -H 'Authorization: Bearer ${single}' https://hooks.internal.example/run`,
      secret: single,
      rule: /curl_auth_header/,
    },
    { name: 'SendGrid key', text: `The mailer uses ${sendgrid} for sending`, secret: sendgrid, rule: /sendgrid/ },
    { name: 'DigitalOcean token', text: `Use ${digitalocean} when provisioning droplets`, secret: digitalocean, rule: /digitalocean/ },
    {
      name: 'credentials in a URL',
      text: `Clone from https://builder:${urlPw}@git.internal.example/app.git`,
      secret: urlPw,
      rule: /url_credentials/,
    },
  ];
}

afterAll(removeSuiteDirs);

describe('secrets from the maintained rule list (gitleaks)', () => {
  it('ships the list as compiled-ready data, with the formats the hand-written rules lacked', () => {
    const ids = GITLEAKS_RULES.map((r) => r.id);
    expect(ids.length).toBeGreaterThan(150);
    for (const id of ['sendgrid-api-token', 'digitalocean-pat', 'curl-auth-user', 'curl-auth-header']) expect(ids).toContain(id);
    for (const r of GITLEAKS_RULES) expect(() => new RegExp(r.source, `${r.flags}gd`), r.id).not.toThrow();
  });

  for (const c of credentials()) {
    it(`a memory holding ${c.name} is refused, and the guard names the rule`, () => {
      const kit = testKit();
      try {
        const attempt = () => kit.memory.add(c.text);
        expect(attempt).toThrow(GuardBlockedError);
        expect(kit.memory.stats().total).toBe(0);
        expect(scanText(c.text).findings.some((f) => c.rule.test(f.rule))).toBe(true);
      } finally {
        kit.close();
      }
    });

    it(`redaction removes ${c.name} and keeps the words around it`, () => {
      const redacted = redactSecrets(c.text);
      expect(redacted).not.toContain(c.secret);
      expect(redacted).toContain('[REDACTED:secret.');
      expect(redacted.split(' ')[0]).toBe(c.text.split(' ')[0]);
    });
  }

  it.each([
    ['a placeholder token in angle brackets', 'curl -H "Authorization: Bearer <token>" https://api.example.com/v1/me'],
    ['a variable as the bearer token', 'The client sends the header Authorization: Bearer $API_TOKEN on every request'],
    ['a path that only looks like user/pass', 'The login form is at https://example.com/user/pass and takes a username'],
    ['documentation of a header name', 'The API expects an Authorization header carrying a Bearer token from the login call.'],
    ['the word SendGrid and a key name', 'Email goes through SendGrid; the key lives in SENDGRID_API_KEY in the vault.'],
    ['a DigitalOcean token mentioned by its prefix only', 'DigitalOcean personal tokens start with dop_v1_ and are kept in 1Password.'],
  ])('passes %s', (_name, text) => {
    const result = scanText(text);
    expect(result.findings.filter((f) => f.category === 'secret')).toEqual([]);
    expect(result.verdict).toBe('allow');
    expect(redactSecrets(text)).toBe(text);
  });

  // Whether a bare curl command is worth a memory is for the other layers (exfiltration, learned) to say.
  it.each([
    ['a variable as the curl password', 'curl -u "admin:$ADMIN_PASSWORD" https://example.com/api'],
    ['a placeholder password in curl -u', 'curl -u user:password https://example.com/api'],
  ])('finds no secret in %s', (_name, text) => {
    expect(scanText(text).findings.filter((f) => f.category === 'secret')).toEqual([]);
    expect(redactSecrets(text)).toBe(text);
  });

  it('a hook event carrying them stores none of them (ledger, at rest on disk)', () => {
    const home = suiteDir('kei-maintained-');
    const cases = credentials();
    const command = cases.map((c) => c.text).join(' && ');
    const payload = {
      session_id: 's-maint',
      cwd: '/work/project',
      tool_name: 'Bash',
      tool_use_id: 't1',
      tool_input: { command },
      tool_response: { stdout: cases.map((c) => c.text).join('\n'), stderr: '' },
    };
    expect(runHook(home, 'SessionStart', { session_id: 's-maint', cwd: '/work/project', source: 'startup' }).code).toBe(0);
    expect(runHook(home, 'PostToolUse', payload).code).toBe(0);
    const stored = everyStoredText(home).join('\n');
    const raw = rawDatabaseBytes(home);
    expect(stored).toContain('[REDACTED:secret.');
    for (const c of cases) {
      expect(stored.includes(c.secret), `stored: ${c.name}`).toBe(false);
      expect(raw.includes(c.secret), `on disk: ${c.name}`).toBe(false);
    }
  }, 60_000);
});
