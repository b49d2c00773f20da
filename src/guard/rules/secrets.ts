import { gap, phrase, token, type PatternRule } from '../rule-types.js';

/** Layer 2: credentials. A memory or skill is no place for a secret even when nobody is attacking. */
export const SECRET_RULES: readonly PatternRule[] = [
  token('secret.private_key', 'secret', 'critical', '-----BEGIN (?:[A-Z0-9]+ ){0,3}PRIVATE KEY(?: BLOCK)?-----'),
  token('secret.aws_access_key', 'secret', 'critical', '\\b(?:AKIA|ASIA|ABIA|ACCA)[0-9A-Z]{16}\\b'),
  token(
    'secret.aws_secret_key',
    'secret',
    'critical',
    '(?:aws_secret_access_key|aws_secret|secret_access_key)\\s*[=:]\\s*["\']?[A-Za-z0-9/+=]{40}\\b',
    'gi',
  ),
  token('secret.github_token', 'secret', 'critical', '\\b(?:ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{36,}\\b|\\bgithub_pat_[A-Za-z0-9_]{50,}\\b'),
  token('secret.gitlab_token', 'secret', 'critical', '\\bglpat-[A-Za-z0-9_-]{20,}\\b'),
  token('secret.anthropic_key', 'secret', 'critical', '\\bsk-ant-(?:api|admin)\\d{2}-[A-Za-z0-9_-]{20,}'),
  token(
    'secret.openai_key',
    'secret',
    'critical',
    '\\bsk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{20,}T3BlbkFJ[A-Za-z0-9_-]{20,}|\\bsk-(?:proj|svcacct)-[A-Za-z0-9_-]{40,}',
  ),
  token(
    'secret.slack_token',
    'secret',
    'critical',
    '\\bxox[abposr]-[A-Za-z0-9-]{10,}|https:\\/\\/hooks\\.slack\\.com\\/services\\/T[A-Z0-9]+\\/B[A-Z0-9]+\\/[A-Za-z0-9]+',
  ),
  token('secret.stripe_key', 'secret', 'critical', '\\b(?:sk|rk)_(?:live|test)_[A-Za-z0-9]{20,}\\b'),
  token('secret.google_api_key', 'secret', 'critical', '\\bAIza[0-9A-Za-z_-]{35}\\b|\\bya29\\.[0-9A-Za-z_-]{30,}'),
  token('secret.huggingface_token', 'secret', 'critical', '\\bhf_[A-Za-z0-9]{30,}\\b'),
  token('secret.npm_token', 'secret', 'critical', '\\bnpm_[A-Za-z0-9]{36}\\b|\\/\\/registry\\.npmjs\\.org\\/:_authToken=\\S{1,30}'),
  token('secret.pypi_token', 'secret', 'critical', '\\bpypi-AgEIcHlwaS5vcmc[A-Za-z0-9_-]{50,}'),
  token('secret.jwt', 'secret', 'high', '\\beyJ[A-Za-z0-9_-]{8,}\\.eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{10,}'),
  token('secret.url_credentials', 'secret', 'critical', '\\b[a-z][a-z0-9+.-]{1,20}:\\/\\/[^\\s:/@]{1,64}:[^\\s@/]{3,128}@[\\w.-]+', 'gi'),
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
  token('secret.named_value', 'secret', 'high', String.raw`(?<![A-Za-z0-9_])(?:${SECRET_NAME})\\?["']?\s*[=:]\s*\\?["']?${LITERAL_VALUE}`),
  token(
    'secret.auth_header',
    'secret',
    'high',
    String.raw`\b(?:Proxy-)?Authorization\s*:\s*(?:(?:Bearer|Basic|Token|Bot|Digest)\s+)?[A-Za-z0-9._~+/=-]{8,}|\bBearer\s+[A-Za-z0-9._~+/=-]{8,}`,
    'gi',
  ),
];
