/**
 * Words the intent detectors share (issue 18 item 1). A detector fires on two cues that co-occur within a
 * bounded window (an intent AND an object), never on one word. All are matched on the folded view: lower
 * case, accents stripped, so they are written without accents. Each is a non-capturing group.
 */

/** A standing, unbounded scope: what turns a one-off remark into a rule for every future session. */
export const BROAD_SCOPE = [
  // quantifiers over actions
  String.raw`(?:all|every|any|each)\s+(?:\w{1,30}\s+){0,2}(?:commands?|actions?|tool\s+calls?|` +
    String.raw`operations?|changes?|requests?|prompts?|deletions?|deletes|deploys?|pushe?s?)`,
  // everything, whatever, from now on
  String.raw`everything|anything|whatever|from\s+now\s+on|going\s+forward|in\s+advance|permanently|for\s+good`,
  // standing and blanket grants
  String.raw`standing\s+(?:approval|permission|consent|authori[sz]ation|instruction|order)|blanket\s+(?:approval|permission|consent)`,
  // irreversible and privileged work
  String.raw`destructive|irreversible|sudo|root|rm\s+-\w{0,3}r|drop\s+table|truncate|force[- ]push|prod(?:uction)?\b|deploy(?:s|ments?)?`,
].join('|');

/** Where secrets live: named files, stores and variables, and the plain nouns for them. */
export const SECRET_THING = [
  // files and stores
  String.raw`~?\/?\.(?:aws\/credentials|ssh\/id_\w{1,20}|netrc|npmrc|pypirc|git-credentials|docker\/config\.json|kube\/config)`,
  String.raw`\.env\b(?![.-]?(?:example|sample|template))|application_default_credentials|credentials\.json|keychain|id_rsa|id_ed25519`,
  // environment variables named like secrets, and the environment as a whole
  String.raw`\$?\{?[a-z][a-z0-9]{0,20}(?:_[a-z0-9]{1,20}){0,4}_(?:key|token|secret|password|passwd|pat)\b\}?`,
  String.raw`env(?:ironment)?\s+(?:vars?|variables)|process\.env|os\.environ|printenv|\benv\s+output|output\s+of\s+\x60?(?:env|printenv|set|export\s+-p)\x60?(?![\w-])`,
  // the nouns
  String.raw`(?:api|access|secret|private|signing|ssh|deploy|session)[ _-]?(?:keys?|tokens?)|tokens?(?!\s+(?:counts?|` +
    String.raw`usage|limits?|budgets?|costs?|per|windows?|estimates?))|passwords?|passwd|credentials?|secrets?`,
  String.raw`session\s+cookies?|cookies|seed\s+phrase|mnemonic|2fa\s+codes?|otp\s+codes?|one-time\s+codes?`,
].join('|');

/** A user of the kit in the main languages, including the "human" and "owner" synonyms. */
export const THE_USER =
  String.raw`(?:the\s+|your\s+)?(?:user|human|operator|owner|reviewers?)(?!\w)|me\b|` +
  String.raw`(?:l'|al\s+|a\s+l[ao]s?\s+|dem\s+|den\s+|all'|ao\s+)?(?:utilisateur|usuario|benutzer|nutzer|utente|usuario|` +
  String.raw`utilizador)|пользовател\S{0,3}|用户|用戶|使用者|ユーザー?|사용자`;

/**
 * Up to `n` filler words inside one clause: like `gap(n)` (linear, alternating disjoint classes), but the
 * window stops at a sentence end, a semicolon or a line break, so two cues must share a clause.
 */
export function clause(n: number, stopWords?: string): string {
  const sep = String.raw`(?:[^\p{L}\p{N}.!?;\n]|\.(?=[\p{L}\p{N}\/_~-])){1,12}`;
  const word = stopWords ? String.raw`(?!(?:${stopWords})(?![\p{L}\p{N}]))[\p{L}\p{N}'’]{1,30}` : String.raw`[\p{L}\p{N}'’]{1,30}`;
  return String.raw`(?:${sep}${word}){0,${n}}${sep}`;
}

/** Words that make what follows a condition, not a fact: "until the user has approved it". */
export const CONDITION_WORDS = String.raw`until|unless|before|once|if|after|when|whether|only`;

/** Right before an act: "never", "don't", "avoid" … make it advice against the act. */
export const NOT_BEFORE =
  String.raw`(?<!(?:never|not|don'?t|avoid|instead\s+of|rather\s+than|no|without|` +
  String.raw`until|unless|before|once|if|after|whether)\s{1,3}(?:\S{1,20}\s{1,3}){0,2})`;

/** A safety net of the machine or the repository: switching one off is the act an attack wants approved. */
export const SECURITY_CONTROL = [
  String.raw`firewall|ufw|gatekeeper|spctl|selinux|apparmor|antivirus|anti-virus|endpoint\s+protection|edr|defen[cs]es|sandbox(?:ing)?`,
  String.raw`(?:tls|ssl|https|certificate|cert|signature|checksum|integrity|host\s*key)\s+(?:verification|validation|checks?|checking)`,
  String.raw`code\s+signing|signature\s+checks?|2fa|mfa|two-factor|branch\s+protection|secret\s+scann\w{1,5}|` +
    String.raw`security\s+(?:reviews?|checks?|scans?|scanners?|warnings?|alerts?|features?|controls?|tools?|settings)`,
  String.raw`(?:pre-commit|commit|git|pre-push)\s+hooks|audit\s+log(?:ging|s)?|verify=false|--no-verify|--insecure`,
].join('|');

/** A permission that is new: "may now", "are now allowed to", "cleared to". */
export const NOW_ALLOWED =
  String.raw`(?:may|can)\s+now|(?:is|are)\s+now\s+(?:allowed|permitted|free|cleared|authori[sz]ed|ok|fine)|` +
  String.raw`(?:is|are)\s+(?:cleared|authori[sz]ed|permitted|free)\s+to|may\s+(?:freely|be\s+(?:disabled|turned\s+off|skipped|bypassed))|` +
  String.raw`(?:is|are)\s+(?:now\s+)?optional|no\s+longer\s+(?:needs?|requires?|required|needed|necessary|applies|apply)`;
