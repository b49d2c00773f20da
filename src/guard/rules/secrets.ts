import { gap, phrase, token, type PatternRule } from '../rule-types.js';

/**
 * Layer 2: credentials. A memory or skill is no place for a secret even when nobody is attacking.
 * Provider tokens with a prefix of their own (AWS key ids, GitHub, GitLab, Slack, Stripe, OpenAI,
 * Anthropic, Google API keys, npm, PyPI, Hugging Face, JWTs, …) are judged by the maintained list
 * (gitleaks' rules, generated: maintained-secrets.ts), which follows the providers' formats. What
 * stays here is what that list has no rule for; each pattern says why.
 */
export const SECRET_RULES: readonly PatternRule[] = [
  // gitleaks' private-key needs the END line and 64 body characters: a header alone, or a key in
  // output cut short, would pass (redact.ts takes the whole block with privateKeySpans).
  token('secret.private_key', 'secret', 'critical', '-----BEGIN (?:[A-Z0-9]+ ){0,3}PRIVATE KEY(?: BLOCK)?-----'),
  // The AWS secret has no prefix: gitleaks finds it only with its generic-api-key catch-all, which
  // is left out (scripts/gen-secret-rules.js), so its usual names are read here.
  token(
    'secret.aws_secret_key',
    'secret',
    'critical',
    '(?:aws_secret_access_key|aws_secret|secret_access_key)\\s*[=:]\\s*["\']?[A-Za-z0-9/+=]{40}\\b',
    'gi',
  ),
  // Google OAuth access tokens (ya29.): gitleaks has a rule for Google API keys (AIza) only.
  token('secret.google_oauth_token', 'secret', 'critical', '\\bya29\\.[0-9A-Za-z_-]{30,}'),
  // An .npmrc auth line: legacy npm tokens are bare UUIDs with no prefix for gitleaks' npm rule.
  token('secret.npmrc_auth_token', 'secret', 'critical', '\\/\\/registry\\.npmjs\\.org\\/:_authToken=\\S{1,30}'),
  // A password inside any URL (postgres://, redis://, https://): gitleaks reads it only in Sidekiq URLs.
  token('secret.url_credentials', 'secret', 'critical', '\\b[a-z][a-z0-9+.-]{1,20}:\\/\\/[^\\s:/@]{1,64}:[^\\s@/]{3,128}@[\\w.-]+', 'gi'),
  // A value given to a secret's name: gitleaks' generic-api-key catch-all is left out for its false
  // positives in prose; this one wants a digit or symbol in the value and skips placeholders.
  token(
    'secret.assignment',
    'secret',
    'high',
    String.raw`\b(?:api[_-]?key|secret[_-]?key|access[_-]?token|auth[_-]?token|client[_-]?secret|password|passwd|` +
      String.raw`pwd)\s*[=:]\s*["']?(?![\s"'<{$]|\*{3}|x{3}|your|example|changeme|placeholder|os\.environ|os\.getenv|` +
      String.raw`process\.env|getenv|env\[|env\(|settings\.|config\.|` +
      String.raw`secrets\.)(?=[^\s"'<>]{0,60}[\d!@#%^&*+/])[^\s"'<>]{8,}`,
    'gi',
  ),
  // A secret told in words ("the wifi password is …"): no maintained list reads prose.
  phrase(
    'secret.password_prose',
    'secret',
    'high',
    String.raw`\b(?:password|passcode|passphrase|pin code|wifi key|wi-fi key|secret key|api key|token)\b` +
      String.raw`${gap(3)}(?:is|was|=|:)\s*["'“]?(?=[^\s"'“]{0,40}[\p{N}!@#$%^&*])(?![\w/.-]{0,60}\.(?:md|json|txt|ya?ml|` +
      String.raw`env)\b)[^\s"'“,;]{5,60}[^\s"'“,;.:)]`,
  ),
];

/** Kinds of key a name can end in (`STRIPE_API_KEY`, `signing_key`): not every `_key` is a secret (`sort_key`). */
const KEY_KINDS = 'api|access|secret|private|signing|encryption|master|ssh|client|app|account|service|deploy|license';
const WORD = `token|secret|password|passwd|passphrase|pwd|credentials?|auth|(?:${KEY_KINDS})[_.-]?key`;
const CAMEL = `[a-z0-9](?:Token|Secret|Password|Passwd|Passphrase|Credentials?|Auth)|(?:${KEY_KINDS})Key`;
/**
 * Names that say their value is a secret, in the casings env files, configs and code use:
 * `GITHUB_TOKEN`, `db_password`, `"client-secret"`, `apiKey`. Case-sensitive on purpose: the
 * camelCase form must not read "monkey" as "mon" + "Key".
 */
const SECRET_NAME = `(?:[A-Za-z0-9_.-]{0,60}[_.-])?(?:${WORD}|${WORD.toUpperCase()})|[A-Za-z0-9_.-]{0,60}(?:${CAMEL})`;
/**
 * A value that is not a reference, a placeholder or a type (`$VAR`, `${{ secrets.X }}`, `<token>`,
 * `***`, `process.env.X`, `password: string`): code that handles secrets is worth keeping legible.
 */
const NOT_A_LITERAL =
  String.raw`[$<{*%]|(?:true|false|null|None|none|undefined|string|number|boolean|str|bytes|Optional|` +
  String.raw`process\.env|os\.environ|os\.getenv|getenv|env\.|config\.|settings\.|secrets\.)\b`;
const LITERAL_VALUE = String.raw`(?!${NOT_A_LITERAL})(?:[^\s"'<>\\]|\\(?![nrt"'\\])){4,}`;

/**
 * Redaction only, never judging a write: what storage must not keep even when it is not worth
 * blocking (an env dump, a curl command with its header). Over-redacting a ledger line costs little;
 * these would be false positives in memories and skills, which quote such lines as examples.
 */
export const REDACT_ONLY_RULES: readonly PatternRule[] = [
  // Any value under a secret's name (env dumps, configs): the generic catch-all gitleaks would use is left out.
  token('secret.named_value', 'secret', 'high', String.raw`(?<![A-Za-z0-9_])(?:${SECRET_NAME})\\?["']?\s*[=:]\s*\\?["']?${LITERAL_VALUE}`),
  // gitleaks reads Authorization headers only inside a curl command (curl-auth-header); a header
  // also turns up in logs, HTTP dumps and fetch() calls.
  token(
    'secret.auth_header',
    'secret',
    'high',
    String.raw`\b(?:Proxy-)?Authorization\s*:\s*(?:(?:Bearer|Basic|Token|Bot|Digest)\s+)?[A-Za-z0-9._~+/=-]{8,}|\bBearer\s+[A-Za-z0-9._~+/=-]{8,}`,
    'gi',
  ),
];
