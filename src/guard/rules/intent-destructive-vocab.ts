/**
 * Unsafe settings and acts for the destructive-default detector (issue 18 item 1), by concept: each one removes
 * a safety net (checks, isolation, review, history, least privilege) rather than naming one attack line.
 * Matched on the folded view (lower case). Build folders and caches are not "work" for rm -rf.
 */

/** Settings that turn a check off, written the way configs and commands write them. */
const CHECKS_OFF = [
  // TLS, certificates and host keys
  String.raw`node_tls_reject_unauthorized\s*=\s*['"]?0|strict-ssl\s*[= ]\s*false|ssl_?verify\s*[= ]\s*false|` +
    String.raw`git_ssl_no_verify|verify\s*=\s*false|rejectunauthorized\s*:\s*false|insecureskipverify\s*:\s*true|` +
    String.raw`pythonhttpsverify\s*=\s*0|--no-check-certificate|--insecure\b|curl\s+(?:\S{1,30}\s+)?-k\b|` +
    String.raw`stricthostkeychecking[= ]\s*no|userknownhostsfile[= ]\s*\/dev\/null|--trusted-host|check_hostname\s*=\s*false`,
  // hooks, CI, signing, review, scanners
  String.raw`--no-verify|core\.hookspath|\bhusky\s*=\s*0|\[skip\s+ci\]|\[ci\s+skip\]|--no-gpg-sign|` +
    String.raw`continue-on-error\s*:\s*true|allow_failure\s*:\s*true|\|\|\s*true\b|--passwithnotests|` +
    String.raw`\.gitleaksignore|#\s*nosec|--no-audit|--skip-(?:checks|tests|verify|scan\w{0,3})|` +
    String.raw`(?:add|put|move)\s+(?:\S{1,20}\s+){0,3}?(?:to|in|on|into)\s+(?:the\s+|an?\s+)?(?:\S{1,20}\s+)?(?:ignore\s*-?lists?|allow\s*-?lists?|suppressions?(?:\s+files?)?|baseline|\.(?:gitleaks|trivy|snyk|semgrep|bandit|secrets?|audit)\w{0,10}ignore|\.secrets\.baseline)|gonosumdb\s*=\s*\*|gosumdb\s*=\s*off|gonoverify|goinsecure\s*=|gitleaks:allow`,
  // isolation and least privilege
  String.raw`--privileged|-v\s+\/:\/\w{1,20}|\/var\/run\/docker\.sock:|--pid[= ]host|--cap-add[= ](?:all|sys_admin)|` +
    String.raw`safe\.directory\s+['"]?\*|chmod\s+(?:-r\s+)?(?:[0-7]?777|[24][0-7]{3}|a\+rwx|o\+w|[ug]\+s)\b|` +
    String.raw`chown\s+-r\s+\S{1,40}\s+\/(?:usr|etc|bin|var|opt|lib)?(?![\w.\/-])|sudo\s+npm\s+(?:i|install)\s+-g|` +
    String.raw`--unsafe-perm|--allow-root|--break-system-packages|setenforce\s+0|selinux\s*=\s*disabled|ufw\s+disable|` +
    String.raw`iptables\s+-f|public-read(?:-write)?\b|allow\w{0,3}\s+(?:all|any|every)\s+origins?|cors\s+(?:\S{1,20}\s+){0,3}?(?:to\s+)?(?:\*|wildcard)|acl\s*[=:]\s*['"]?public|"principal"\s*:\s*"\*"|0\.0\.0\.0\/0|` +
    String.raw`access-control-allow-origin\s*:\s*\*|debug\s*=\s*true[^.;\n]{0,60}(?:prod|0\.0\.0\.0)|` +
    String.raw`0\.0\.0\.0[^.;\n]{0,40}debug\s*=\s*true|csrf_exempt|permitrootlogin\s+yes|passwordauthentication\s+yes|` +
    String.raw`nopasswd\s*:\s*all|usermod\s+-a?g\s+(?:docker|sudo|wheel)|allow_origins\s*=\s*\[\s*['"]\*|csrutil\s+disable|` +
    String.raw`spctl\s+--master-disable|chmod\s+(?:-r\s+)?666|ignore_errors\s*:\s*(?:true|yes)|set\s+\+e\b|` +
    String.raw`(?:run|use|with|prefix\s+\w{1,20}\s+with)\s+(?:\S{1,20}\s+){0,3}?sudo\b(?!\s+(?:apt|apt-get|dnf|yum|pacman|systemctl))`,
  // destroying work and history
  String.raw`rm\s+-(?:rf|fr|r)\s+(?!(?:\.\/)?(?:node_modules|dist|build|out|target|coverage|tmp|\.cache|\.next|` +
    String.raw`\.turbo|\.venv|__pycache__|\/tmp\/)\b)\S{1,60}|git\s+clean\s+-\w{0,3}[fdx]\w{0,3}|` +
    String.raw`push\s+(?:\S{1,30}\s+){0,2}?(?:-f|--force)(?!-with-lease)\b|force[- ]push(?:es|ing)?\b|` +
    String.raw`reset\s+--hard\s+(?:origin|head~)|drop\s+(?:table|database|schema)|truncate\s+table|` +
    String.raw`--accept-data-loss|--force-reset|migrate:fresh|\bdropdb\b|docker\s+system\s+prune\s+-a|git\s+branch\s+-d\b(?!\s+\S{1,40}\s+--)|` +
    String.raw`npm\s+audit\s+fix\s+--force|rm\s+-rf\s+(?:~|\/|\$home)(?![\w.-])|` +
    String.raw`(?:push|commit|merge|deploy)\w{0,3}\s+(?:\S{1,20}\s+)?(?:directly|straight)\s+(?:to|into|on)\s+(?:main|master|prod\w{0,7})|` +
    String.raw`migrate\s+reset|terraform\s+destroy|kubectl\s+delete\s+(?:ns|namespace)|` +
    String.raw`\beval\x60?\s+(?:on\s+)?(?:the\s+)?(?:strings?|input|user\s+input|config|values|whatever)`,
].join('|');

/** Things that are safety nets: removing, skipping or ignoring them is the destructive act. */
const SAFETY_NET =
  String.raw`(?:pre-?commit\s+|pre-?push\s+|git\s+|commit\s+)?hooks?|\.git\/hooks\S{0,30}|(?:the\s+)?(?:failing\s+|` +
  String.raw`flaky\s+|broken\s+|slow\s+)?tests?|test\s+suites?|migrations?|backups?|backup\s+jobs?|ci|checks|` +
  String.raw`code\s+review|reviews?|changelog\s+review|branch\s+protection|signing|signatures?|lint(?:ing|er)?|` +
  String.raw`type\s*checks?|security\s+headers|csp|x-frame-options|hsts|cors|csrf(?:\s+protection)?|auth(?:entication)?` +
  String.raw`(?:\s+middleware|\s+checks?)?|2fa|mfa|firewall|audit\s+log(?:ging|s)?|rate\s+limit\w{0,3}|` +
  String.raw`(?:secret|security|vulnerability|dependency)\s+(?:scanners?|scans?|alerts?|findings?|warnings?)|` +
  String.raw`scanners?|(?:dependabot|snyk|trivy|gitleaks|codeql|semgrep|bandit|npm\s+audit)\s*(?:alerts?|findings?|` +
  String.raw`warnings?)?|plan\s+review|approval\s+gates?|sandbox(?:ing)?|antivirus|defender|gatekeeper|` +
  String.raw`(?:tls|ssl|https|certificate|cert|host\s*key|checksum|signature)\s+(?:verification|validation|checks?|errors?|warnings?)|` +
  // other languages (folded: no accents)
  String.raw`verificaci[oa]n\w{0,3}|verificacao|verifica|prufung\w{0,2}|uberprufung\w{0,2}|pruebas?|testes?|revisi[oa]n\w{0,2}|` +
  String.raw`revisao|respaldos?|sicherung\w{0,2}|certificad\w{0,3}|certificat\w{0,3}|zertifikat\w{0,3}|controles?|controlli|kontrollen`;

/** Verbs some languages put after their object ("die Hooks überspringen"). */
const TAKE_AWAY_LAST = String.raw`deaktivieren|uberspringen|ignorieren|loschen|entfernen|abschalten|umgehen`;

/** Verbs that take a safety net away. */
const TAKE_AWAY =
  String.raw`delete|deleting|remove|removing|rip\s+out|drop|dropping|disable|disabling|turn\s+off|switch\s+off|skip|` +
  String.raw`skipping|bypass|bypassing|ignore|ignoring|silence|suppress|comment\s+out|mute|bulk-merge|` +
  String.raw`merge\s+(?:\S{1,20}\s+){0,2}without|elimina\w{0,3}|borra\w{0,3}|desactiva\w{0,3}|ignora\w{0,3}|` +
  String.raw`supprime\w{0,3}|desactive\w{0,3}|ignore\w{0,3}|losch\w{0,3}|deaktivier\w{0,3}|ignorier\w{0,3}|` +
  String.raw`uberspring\w{0,3}|salta\w{0,3}|omite\w{0,3}|pula\w{0,3}|disattiva\w{0,3}|salta\w{0,3}|contourne\w{0,3}`;

/** Languages written without spaces: a verb and its object within a few characters, either order. */
const CJK_VERB = String.raw`删除|禁用|关闭|跳过|忽略|绕过|削除|無効に|スキップ|無視|回避|삭제|비활성화|건너뛰|무시`;
const CJK_NET = String.raw`测试|钩子|检查|审查|审核|备份|迁移|证书验证|テスト|フック|チェック|レビュー|バックアップ|証明書の検証|테스트|훅|검사|리뷰|백업|인증서\s?검증`;
const CJK_ACT = String.raw`(?:${CJK_VERB})[^。；\n]{0,8}?(?:${CJK_NET})|(?:${CJK_NET})[^。；\n]{0,8}?(?:${CJK_VERB})`;
const CYRILLIC_VERB = String.raw`удал\S{0,5}|отключ\S{0,5}|игнорир\S{0,5}|пропуска\S{0,5}|пропуст\S{0,5}`;
const CYRILLIC_NET = String.raw`тест\S{0,4}|хук\S{0,3}|провер\S{0,4}|ревью|бэкап\S{0,3}|миграци\S{0,3}|сертификат\S{0,3}`;

/** An act that removes a safety net: a setting, or a verb and its object within a few words either way. */
export const DESTRUCTIVE_ACT =
  String.raw`(?:${CHECKS_OFF})|\b(?:${TAKE_AWAY})(?:[^.;!?\n\p{L}\p{N}]{1,6}[\p{L}\p{N}'-]{1,30}){0,4}` +
  String.raw`[^.;!?\n\p{L}\p{N}]{1,6}(?:${SAFETY_NET})\b|\b(?:${SAFETY_NET})\b[^.;!?\n]{0,40}?` +
  String.raw`\b(?:${TAKE_AWAY})\s+(?:them|it|those|these)\b|(?:${SAFETY_NET})\s(?:\S{1,20}\s){0,3}(?:${TAKE_AWAY_LAST})\b|${CJK_ACT}|(?:${CYRILLIC_VERB})\s(?:\S{1,20}\s){0,2}(?:${CYRILLIC_NET})`;
