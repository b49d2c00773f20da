import { gap, phrase, token, type PatternRule } from '../rule-types.js';

/**
 * A pipe-to-shell named to confine it ("only inside the Dockerfile, never on the host", "fine in devcontainers"):
 * advice about where the practice belongs, not an instruction to run it here.
 */
const CONFINED_AFTER =
  String.raw`(?![^\n]{0,100}?\b(?:only\s+(?:inside|in|within|for)|never\s+(?:on|in|run)|not\s+on\s+the\s+host|` +
  String.raw`(?:is\s+)?fine\s+in|inside\s+(?:the\s+)?(?:dockerfile|container|devcontainer)|it'?s\s+in\s+the\s+dockerfile)\b)`;
const CONFINED_BEFORE = String.raw`(?<!\b(?:never|don'?t|do\s+not|avoid|no)\b[^\n]{0,40})`;
/** A credential variable sent as the header of the API it belongs to is how tokens are used, not a leak. */
const NOT_AUTH_HEADER = String.raw`(?<!(?:bearer|basic|token|authorization:?|x-api-key:?|api-key:?|private-token:?)\s{0,3}["']?)`;
/** Reporting a vulnerability or a bug to a contact sends no data. */
const NOT_A_REPORT = String.raw`(?!\s+(?:security\s+)?(?:vulnerabilit\w{1,4}|bugs?|issues?|abuse|incidents?|problems?|feedback|questions))`;

/** Where secrets live: files, environment dumps and stores. Not the mere words "token" or "API key". */
const SECRET_SOURCE =
  String.raw`(?:id_rsa|id_ed25519|~\/\.ssh|\.ssh\/|\.aws\/credentials|\.env\b(?!\.example)|\.netrc|\.npmrc|` +
  String.raw`\.pypirc|\.git-credentials|\/etc\/(?:passwd|shadow)|os\.environ|process\.env\b|printenv|\benv\s*\||` +
  String.raw`${NOT_AUTH_HEADER}\$\{?[a-z_]{0,30}(?:key|token|secret|password|passwd|credential)s?\b|keychain|cookies?\.(?:txt|` +
  String.raw`sqlite)|private[ _-]?key|seed phrase|api[ _-]?keys?\s+(?:of|from)\s+the\s+user|the\s+user(?:\u0027|` +
  String.raw`’)?s\s+(?:api[ _-]?keys?|tokens?|credentials|passwords?))`;
/** Something that sends: commands and calls, not a bare link in documentation. */
const NET =
  String.raw`(?:\b(?:curl|wget|nc|ncat|netcat|socat|scp|rsync|sftp|telnet|invoke-webrequest|iwr|httpx|axios|` +
  String.raw`smtplib|pastebin|ngrok)\b|requests\.(?:post|get|put)|http\.client|fetch\(|socket\.connect|` +
  String.raw`\.connect\(|\b(?:send|post|upload|forward|transmit|exfiltrate)\b[^\n]{0,40}https?:\/\/)`;

/** Layer 3: moving data out, or running code fetched from the network. */
export const EXFILTRATION_RULES: readonly PatternRule[] = [
  token(
    'exfil.pipe_to_shell',
    'exfiltration',
    'critical',
    String.raw`${CONFINED_BEFORE}\b(?:curl|wget|iwr|invoke-webrequest|fetch)\b[^\n|;]{0,200}\|\s*(?:sudo\s+)?(?:ba|z|da|k)?sh\b${CONFINED_AFTER}|` +
      String.raw`${CONFINED_BEFORE}\b(?:curl|wget)\b[^\n|;]{0,200}\|\s*(?:sudo\s+)?(?:python3?|perl|ruby|node|iex)\b${CONFINED_AFTER}`,
    'gi',
  ),
  token(
    'exfil.remote_eval',
    'exfiltration',
    'critical',
    '\\b(?:eval|exec)\\s*\\(\\s*(?:requests\\.get|urllib|urlopen|fetch|await fetch|http|base64\\.b64decode|atob)|\\bexec\\(open\\(',
    'gi',
  ),
  phrase('exfil.network_with_secret', 'exfiltration', 'high', `${NET}[^\\n]{0,160}?${SECRET_SOURCE}|${SECRET_SOURCE}[^\\n]{0,160}?${NET}`),
  token(
    'exfil.env_in_url',
    'exfiltration',
    'critical',
    'https?:\\/\\/[^\\s)"\'$]{0,200}\\$\\{?[A-Z_]{0,30}(?:KEY|TOKEN|SECRET|PASS|PASSWORD|CRED)[A-Z_]{0,30}\\}?',
    'g',
  ),
  token(
    'exfil.markdown_image_data',
    'exfiltration',
    'high',
    '!\\[[^\\]\\n]{0,80}\\]\\(\\s*https?:\\/\\/[^)\\s]{0,200}(?:[?&=][^)\\s]{0,100})?(?:\\[[A-Z_ ]+\\]|\\{[a-z_]+\\}|\\$[A-Za-z_]+|%s|<[a-z_]+>)',
    'g',
  ),
  phrase(
    'exfil.markdown_image_query',
    'exfiltration',
    'medium',
    `!\\[[^\\]\\n]{0,80}\\]\\(\\s*https?:\\/\\/[^)\\s]{1,200}[?&][^)\\s=]{1,40}=`,
  ),
  phrase(
    'exfil.send_to_address',
    'exfiltration',
    'high',
    String.raw`\b(?:send|forward|bcc|cc|e-?mail|post|upload|transmit|exfiltrate|leak|share|report|copy|transfer)\b${NOT_A_REPORT}` +
      String.raw`${gap(8)}(?:to|with)\s+(?:[\w.+-]+@[\w-]+\.[\w.]+|https?:\/\/\S{1,30}|the\s+(?:external|remote|` +
      String.raw`following)\s+(?:server|address|url|endpoint))`,
  ),
  phrase(
    'exfil.bcc_every',
    'exfiltration',
    'high',
    `\\b(?:bcc|cc|forward|copy)\\s+(?:every|all|each)\\s+(?:message|email|mail|conversation|reply)`,
  ),
  phrase(
    'exfil.verb',
    'exfiltration',
    'high',
    String.raw`\b(?:exfiltrat(?:e|es|ed|ing)\b|leak(?:s|ing)?\s+(?:it|them|this|the|all|any|your|my|api|` +
      String.raw`credentials|keys?|secrets?|tokens?|passwords?|data))\b`,
  ),
  phrase(
    'exfil.c2_register',
    'exfiltration',
    'high',
    String.raw`\b(?:register|enroll|join)\s+(?:yourself\s+)?as\s+(?:a\s+)?(?:node|bot|worker|agent|zombie)\b|` +
      String.raw`\b(?:send|post|emit)\s+(?:a\s+)?(?:heartbeat|beacon|check-?in)s?\s+(?:to|every)\b|\b(?:pull|fetch|` +
      String.raw`poll|receive|get)\s+(?:new\s+)?(?:tasking|tasks|commands|orders)\s+from\s+(?:the\s+)?(?:controller|` +
      String.raw`orchestrator|c2|command server|operator)`,
  ),
  token(
    'exfil.secret_file_command',
    'exfiltration',
    'high',
    String.raw`\b(?:cat|less|more|head|tail|cp|mv|scp|base64|xxd|strings|type|open|read_text|` +
      String.raw`readFileSync)\b[^\n|;]{0,60}(?:~|\/home\/\w{1,30}|\$HOME|%USERPROFILE%)?\/?\.(?:ssh\/(?:id_\w{1,30}|` +
      String.raw`authorized_keys|config)|env\b|netrc|aws\/credentials|git-credentials|pypirc|npmrc|` +
      String.raw`docker\/config\.json|kube\/config)|\/etc\/shadow`,
    'gi',
  ),
  phrase(
    'exfil.read_secret',
    'exfiltration',
    'medium',
    String.raw`\b(?:read|cat|open|access|print|dump|copy|grab|collect|steal|harvest|extract|retrieve|include|` +
      String.raw`list)\b${gap(4)}(?:~\/\.ssh|\.ssh\/|id_rsa|id_ed25519|\.aws\/credentials|\/etc\/shadow|\.env\b|api[ _-]?keys?|` +
      String.raw`credentials|private[ _-]?keys?|passwords?|secrets|cookies|keychain|security code)`,
  ),
  phrase(
    'exfil.money',
    'exfiltration',
    'medium',
    String.raw`\b(?:send|transfer|wire)\s+(?:a\s+)?(?:transaction|money|payment|funds|crypto|bitcoin|` +
      String.raw`\$?\d[\d,.]*\s*(?:usd|eur|dollars|btc|eth)?)\b${gap(6)}(?:to|into)\b`,
  ),
];
