import { describe, expect, it } from 'vitest';
import { redactSecrets, scanText } from '../../src/guard/index.js';

/**
 * Provider tokens are judged by the maintained list (gitleaks' rules, generated) alone: the
 * hand-written patterns for them were retired. Each token here has its provider's real shape and
 * random content, built at run time from a fixed seed so this file holds no key-shaped literal and
 * every run checks the same tokens.
 */
let seed = 0x5eed;
function random(alphabet: string, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    out += alphabet[(seed >>> 8) % alphabet.length];
  }
  return out;
}
const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const LOWER = 'abcdefghijklmnopqrstuvwxyz';
const DIGITS = '0123456789';
const ALNUM = UPPER + LOWER + DIGITS;
const URLSAFE = `${ALNUM}_-`;
const HEX = '0123456789abcdef';
const base64url = (s: string) => Buffer.from(s).toString('base64url');

/** [provider, token, the maintained rule that must name it]. */
const TOKENS: [string, string, string][] = [
  ['AWS access key id', `AKIA${random(`${UPPER}234567`, 16)}`, 'secret.aws_access_token'],
  ['AWS temporary key id', `ASIA${random(`${UPPER}234567`, 16)}`, 'secret.aws_access_token'],
  ['GitHub classic PAT', `ghp_${random(ALNUM, 36)}`, 'secret.github_pat'],
  ['GitHub OAuth token', `gho_${random(ALNUM, 36)}`, 'secret.github_oauth'],
  ['GitHub app token', `ghs_${random(ALNUM, 36)}`, 'secret.github_app_token'],
  ['GitHub user-to-server token', `ghu_${random(ALNUM, 36)}`, 'secret.github_app_token'],
  ['GitHub refresh token', `ghr_${random(ALNUM, 36)}`, 'secret.github_refresh_token'],
  ['GitHub fine-grained PAT', `github_pat_${random(ALNUM, 22)}_${random(ALNUM, 59)}`, 'secret.github_fine_grained_pat'],
  ['GitLab PAT', `glpat-${random(URLSAFE, 20)}`, 'secret.gitlab_pat'],
  ['Slack bot token', `xoxb-${random(DIGITS, 12)}-${random(DIGITS, 13)}-${random(ALNUM, 24)}`, 'secret.slack_bot_token'],
  [
    'Slack user token',
    `xoxp-${random(DIGITS, 12)}-${random(DIGITS, 12)}-${random(DIGITS, 13)}-${random(HEX, 32)}`,
    'secret.slack_user_token',
  ],
  [
    'Slack webhook',
    `https://hooks.slack.com/services/T${random(UPPER + DIGITS, 8)}/B${random(UPPER + DIGITS, 10)}/${random(ALNUM, 24)}`,
    'secret.slack_webhook_url',
  ],
  ['Stripe secret key', `sk_live_${random(ALNUM, 24)}`, 'secret.stripe_access_token'],
  ['Stripe restricted key', `rk_live_${random(ALNUM, 99)}`, 'secret.stripe_access_token'],
  ['Stripe test key', `sk_test_${random(ALNUM, 24)}`, 'secret.stripe_access_token'],
  ['OpenAI project key', `sk-proj-${random(URLSAFE, 74)}T3BlbkFJ${random(URLSAFE, 74)}`, 'secret.openai_api_key'],
  ['OpenAI service-account key', `sk-svcacct-${random(URLSAFE, 74)}T3BlbkFJ${random(URLSAFE, 74)}`, 'secret.openai_api_key'],
  ['OpenAI legacy key', `sk-${random(ALNUM, 20)}T3BlbkFJ${random(ALNUM, 20)}`, 'secret.openai_api_key'],
  ['Anthropic API key', `sk-ant-api03-${random(URLSAFE, 93)}AA`, 'secret.anthropic_api_key'],
  ['Anthropic admin key', `sk-ant-admin01-${random(URLSAFE, 93)}AA`, 'secret.anthropic_admin_api_key'],
  ['Google API key', `AIza${random(URLSAFE, 35)}`, 'secret.gcp_api_key'],
  ['SendGrid key', `SG.${random(URLSAFE, 22)}.${random(URLSAFE, 43)}`, 'secret.sendgrid_api_token'],
  ['DigitalOcean PAT', `dop_v1_${random(HEX, 64)}`, 'secret.digitalocean_pat'],
  ['DigitalOcean OAuth token', `doo_v1_${random(HEX, 64)}`, 'secret.digitalocean_access_token'],
  ['npm token', `npm_${random(ALNUM, 36)}`, 'secret.npm_access_token'],
  ['PyPI upload token', `pypi-AgEIcHlwaS5vcmc${random(URLSAFE, 70)}`, 'secret.pypi_upload_token'],
  ['Hugging Face token', `hf_${random(UPPER + LOWER, 34)}`, 'secret.huggingface_access_token'],
  [
    'JWT',
    `${base64url('{"alg":"HS256","typ":"JWT"}')}.${base64url(`{"sub":"${random(DIGITS, 10)}","name":"Ada"}`)}.${random(URLSAFE, 43)}`,
    'secret.jwt',
  ],
];

describe('provider tokens: the maintained list catches every one the hand-written patterns did', () => {
  it.each(TOKENS)('%s is blocked on the memory surface', (_provider, token, rule) => {
    const result = scanText(`remember for later: ${token} (from the deploy notes)`, { surface: 'memory' });
    expect(result.findings.map((f) => f.rule)).toContain(rule);
    expect(result.verdict).toBe('block');
  });

  it.each(TOKENS)('%s is redacted whole for storage', (_provider, token, rule) => {
    const redacted = redactSecrets(`export TOKEN_FOR_CI ${token}\nnext step`);
    expect(redacted).not.toContain(token.slice(-12));
    expect(redacted).toContain(`[REDACTED:${rule}]`);
    expect(redacted).toContain('next step');
  });

  it('redacts each of several providers in one text (an env dump)', () => {
    const dump = TOKENS.map(([, token], i) => `VAR_${i} ${token}`).join('\n');
    const redacted = redactSecrets(dump);
    for (const [provider, token] of TOKENS) expect(redacted, provider).not.toContain(token.slice(-12));
    expect(redacted.match(/\[REDACTED:/g)?.length).toBeGreaterThanOrEqual(TOKENS.length);
  });
});

describe('credentials with no gitleaks rule stay with the hand-written patterns', () => {
  it.each([
    ['AWS secret access key', `aws_secret_access_key = ${random(`${ALNUM}/+`, 40)}`, 'secret.aws_secret_key'],
    ['Google OAuth access token', `ya29.${random(URLSAFE, 60)}`, 'secret.google_oauth_token'],
    ['npm token in .npmrc', `//registry.npmjs.org/:_authToken=${random(HEX, 8)}-${random(HEX, 4)}`, 'secret.npmrc_auth_token'],
    ['private key header of a cut-off block', `-----BEGIN ${'RSA'} PRIVATE KEY-----\nMIIEow`, 'secret.private_key'],
    ['credentials in a URL', `db is postgres://admin:${random(ALNUM, 12)}@db.internal:5432/app`, 'secret.url_credentials'],
    ['a secret assigned to a name', `api_key = "${random(ALNUM, 12)}9"`, 'secret.assignment'],
  ])('%s is blocked and redacted', (_name, text, rule) => {
    expect(scanText(text, { surface: 'memory' }).findings.map((f) => f.rule)).toContain(rule);
    expect(scanText(text, { surface: 'memory' }).verdict).toBe('block');
    expect(redactSecrets(text)).toContain('[REDACTED:');
  });

  it('redacts an Authorization header outside a curl command', () => {
    const header = `Authorization: Bearer ${random(ALNUM, 30)}`;
    expect(redactSecrets(`request headers: ${header}`)).toBe('request headers: [REDACTED:secret.auth_header]');
  });
});
