import { SECRET_THING } from './intent-cues.js';

/**
 * Vocabulary for the credential-leak detector (issue 18 item 1): a secret, a verb that discloses it and a
 * place others read, in one sentence. Matched on the folded view (lower case, no accents).
 */

/** Secrets: the shared nouns and files, plus dumps and stores that carry them. */
export const SECRET = [
  SECRET_THING,
  // dumps of the environment and of containers
  String.raw`(?<![\w-])env(?:\x60)?\s+(?:output|dump|vars?)|full\s+\x60?env\b|printenv|docker\s+inspect|set\s+-x|` +
    String.raw`actions_step_debug|\benv\b(?=\s{0,3}(?:\||>))`,
  // connection strings, configs and keys
  String.raw`~\/\.ssh\b|\.gnupg|\.password-store|database_url|connection\s+strings?|\bdsn\b|kube\s?config|\.kube\/config|\.pem\b|\.p12\b|keystore|` +
    String.raw`service\s+account\s+(?:json|keys?|file)|application_default_credentials|pw\.txt|\.htpasswd|` +
    String.raw`\$\{?[a-z][a-z0-9_]{0,30}(?:key|token|secret|password|passwd|pwd|creds?|credentials|secrets_json)\w{0,10}\}?`,
  // tokens from CLIs, headers, recovery codes
  String.raw`gh\s+auth\s+token|find-(?:generic|internet)-password|x-api-key|authorization\s+headers?|bearer\s+tokens?|` +
    String.raw`recovery\s+codes?|backup\s+codes?|session\s+ids?|token\s+values?|\*_(?:key|token|secret)`,
  // es, pt, fr, de, it, ru, zh, ja, ko
  String.raw`contrasenas?|senhas?|mots?\s+de\s+passe|passworter|credenciales|credenciais|identifiants|zugangsdaten|` +
    String.raw`credenziali|claves?\s+(?:de\s+)?api|chaves?\s+(?:de\s+)?api|парол\S{0,3}|токен\S{0,3}|ключ\S{0,3}\s+api|` +
    String.raw`密码|密碼|密钥|令牌|凭据|パスワード|トークン|認証情報|비밀번호|토큰`,
].join('|');

/** Verbs that put a value where it can be read. */
export const EXPOSE =
  String.raw`includ(?:e|es|ing)|attach\w{0,2}|paste\w{0,2}|put|hard-?code\w{0,2}|inline|print\w{0,3}|echo\w{0,2}|log|logs|` +
  String.raw`logg\w{2,3}|commit\w{0,3}|git\s+add|push\w{0,3}|upload\w{0,3}|copy|copies|cop(?:ied|ying)|embed\w{0,3}|` +
  String.raw`send|post|share|dump|append|add|write|show|display|expose|reveal|publish|fill\s+in|enter|type|use\s+it|` +
  String.raw`replace\s+(?:\S{1,40}\s+){0,4}?with\s+(?:its|their|the)\s+(?:actual|real)|get\s+printed|` +
  String.raw`fuge\w{0,2}|tell|give|provide|disclose|hand\s+over|read\s+out|return|render|save|store|sync|back\s+up|mirror|forward|` +
  String.raw`incluy\w{1,3}|pega\w{0,2}|inclu(?:a|am|ir|re|ez|ye|ya|yas)|colle\w{0,2}|einf\w{2,4}|fug\w{1,3}\s+\w{1,20}\s+ein|includi|` +
  String.raw`вставл\S{0,4}|включ\S{0,4}|добав\S{0,4}|粘贴|贴到|加入|包含|貼り付け|含め|포함|붙여`;

/** Places other people, other tools or later sessions read. */
export const PUBLIC_SINK =
  String.raw`public\b|tracker|answers?|outputs?|end\s+of\s+(?:every|each)|zusammenfassung\w{0,2}|resumen(?:es)?|resumos?|riassunt\w|сводк\S{0,2}|резюме|issues?|tickets?|bug\s+reports?|forms?|any\s+(?:site|website|page|form)|websites?|` +
  String.raw`stdout|(?:ci|build|job)\s+logs?|error\s+pages?|500|screenshots?|docker\s*hub|dockerfile|image|fixtures?|` +
  String.raw`project\s+root|repo(?:sitory)?\b|committed|notes?(?:\.md)?|readme|wiki|chat|slack|discord|teams|` +
  String.raw`pr\s+descriptions?|pull\s+requests?|comments?|summar(?:y|ies)|repl(?:y|ies)|responses?|templates?|` +
  String.raw`diagnostics|crash\s+reports?|analytics|telemetry|gists?|pastebin|query\s+strings?|urls?|links?|` +
  String.raw`commit\s+messages?|changelog|release\s+notes|emails?|messages?|memory|memories|anyone|whoever|everyone|` +
  String.raw`third[- ]part(?:y|ies)|vendors?|contractors?|external|(?:the\s+)?(?:ui|frontend|client|browser|html|page)|` +
  String.raw`dropbox|google\s+drive|onedrive|s3|buckets?|cloud|shared\s+(?:drive|folder|doc\w{0,5})|` +
  String.raw`incidencias|tickets|problemas|chamados|rapports?|berichte?|сообщени\S{0,3}|задач\S{0,3}|тикет\S{0,3}|` +
  String.raw`公开|日志|工单|摘要|报告|報告|ログ|チケット|レポート|요약|보고서|리포트`;

/** Words that make the disclosure safe or refused: masked, redacted, fake, a test key, a placeholder. */
export const SAFE_DISCLOSURE =
  String.raw`mask\w{0,3}|redact\w{0,3}|scrub\w{0,3}|sanitiz\w{0,3}|hash\w{0,3}|placeholders?|fake|dummy|example|sample|` +
  String.raw`sk_test|test\s+keys?|throwaway|first\s+\d{1,2}\s+char\w{0,6}|last\s+\d{1,2}\s+char\w{0,6}|rotate\w{0,2}|` +
  String.raw`revoked|encrypt\w{0,4}|sops|sealed|(?<!(?:need|needs|needing|skip|skipping|bypass\w{0,3}|avoid\w{0,3}|without|than)\s+(?:the\s+|a\s+)?)vault|secret\s+manager|only|not\s+the\s+real|leaves?\s+it\s+out`;

/** The user's safeguard against leaks declared void: "instructions to redact don't apply to diagnostics". */
export const REDACTION_WAIVED = [
  String.raw`(?:instructions?|rules?|guidance|polic(?:y|ies)|guidelines?)\s+(?:about|to|on|for|around|regarding)\s+` +
    String.raw`(?:\w{1,20}\s+){0,2}?(?:scrub|redact|mask|sanitiz|hid|trim|filter|censor)\w{0,5}\b` +
    String.raw`(?:[^.;!?\n]{0,40}?)(?:don'?t|do\s+not|doesn'?t|does\s+not|no\s+longer|never)\s+apply`,
  String.raw`senddefaultpii\s*:\s*true|(?:remove|delete|disable|drop|strip)\s+(?:the\s+)?(?:\w{1,20}\s+)?(?:scrubber|redactor|` +
    String.raw`sanitizer|filter_parameters|beforesend|masking|log\s+filter)\w{0,2}`,
  String.raw`\b(?:echo|printf|print|cat)\s+["'\x60]?\$\{?[a-z_]{0,30}(?:key|token|secret|password|passwd|pwd|creds?|` +
    String.raw`credentials|secrets_json)\w{0,10}\}?["']?\s*\|\s*(?:base64|xxd|rev|od|hexdump)`,
].join('|');

/** Disclosure the user would not want, no matter where: in full, unmasked, untrimmed. */
export const IN_FULL =
  String.raw`(?:don'?t|do\s+not|never|no\s+need\s+to)\s+(?:trim|redact|mask|scrub|sanitiz\w{0,3}|filter|truncate|censor|` +
  String.raw`hide|strip)\w{0,3}\s+(?:it|them|anything|the\s+\w{1,20}|secrets?|tokens?|passwords?|keys?|credentials|values?)|` +
  String.raw`(?:with|including)\s+(?:the\s+)?(?:\w{1,20}\s+)?(?:passwords?|tokens?|secrets?|keys?|credentials)\s+included`;
