/**
 * Intent concepts for the learned layer (issue 18 item 2): word classes that say what a note asks for,
 * whatever its exact words. An n-gram model learns "pre-approved" only if it saw it; these classes let it
 * learn that a standing scope AND no asking, or a secret AND a disclosure AND an outside address, make
 * an attack, from whichever words filled them in training. Each present concept and each present pair
 * becomes one feature (features.ts). Matched on the normalised text (lower case, no accents), one test per
 * class, every pattern bounded: linear in the text's length.
 */
const CONCEPTS: Record<string, string> = {
  // a standing rule: every time, by default, from now on
  scope:
    String.raw`\b(?:always|every\s+(?:time|session|task|run|commit|pr|build|release|deploy|day|week|reply|response|` +
    String.raw`summary|request|file)|each\s+(?:time|session|task|run)|from\s+now\s+on|going\s+forward|by\s+default|` +
    String.raw`default|whenever|standing|permanent(?:ly)?|all\s+future|future\s+sessions?|henceforth|automatically|` +
    String.raw`routinely|convention|rule|policy|procedure|standard|globally|for\s+all|all\s+(?:projects|repos|` +
    String.raw`remotes|branches|environments))\b`,
  // asking stops: without confirmation, auto-approve, pre-approved, go ahead
  noAsking:
    String.raw`\b(?:without\s+(?:\w+\s+){0,2}(?:asking|confirm\w*|approval|review\w*|prompt\w*|check\w*|verif\w*|` +
    String.raw`ping\w*)|no\s+need\s+to\s+(?:ask|confirm|check|verify|review)|(?:don'?t|do\s+not|never|` +
    String.raw`stop)\s+(?:\w+\s+)?(?:ask\w*|confirm\w*|prompt\w*|check\w*)|` +
    String.raw`skip\w*\s+(?:the\s+)?(?:\w+\s+)?(?:review|approval|confirmation|check|plan)|auto-?(?:approve|accept|` +
    String.raw`merge|confirm)\w*|pre-?(?:approved|authori[sz]ed|cleared)|yes\s+to\s+everything|` +
    String.raw`approvals?\s*=\s*off|confirm\w*\s*[:=]\s*"?false|trusts?\s+you|is\s+(?:fine|ok|okay|allowed)|` +
    String.raw`ok\s+with|go\s+ahead)\b`,
  // keeping it from the user: don't mention, silently, keep out of, hide
  conceal:
    String.raw`\b(?:(?:don'?t|do\s+not|never|no\s+need\s+to|without)\s+(?:\w+\s+){0,2}(?:mention\w*|tell\w*|` +
    String.raw`report\w*|log\w*|show\w*|surfac\w*|notif\w*|ping\w*|alert\w*|flag\w*|disclos\w*)|silent(?:ly)?|` +
    String.raw`quiet(?:ly)?|say\s+nothing|hid(?:e|den|ing)|keep\s+(?:\w+\s+){0,4}out\s+of|` +
    String.raw`remove\s+(?:\w+\s+){0,5}before|dismiss\w*|suppress\w*|won'?t\s+fix|behind\s+the\s+scenes|` +
    String.raw`invisible)\b`,
  // where secrets live, and the nouns for them
  secret:
    String.raw`(?:credential\w*|password\w*|passwd|token\w*|secret\w*|api[\s_-]?keys?|\.env\b|id_rsa|id_ed25519|` +
    String.raw`kubeconfig|\.kube|service\s+account|printenv|process\.env|os\.environ|env(?:ironment)?\s+var\w*|` +
    String.raw`authorization\s+header|bearer|cookie\w*|private\s+keys?|ssh\s+keys?|\.aws|\.ssh|\.netrc|\.npmrc|` +
    String.raw`keychain|seed\s+phrase|mnemonic|creds|_key\b|pii|\bkeys?\b)`,
  // putting something where others read it
  disclose:
    String.raw`\b(?:commit\w*|push\w*|post\w*|send\w*|upload\w*|attach\w*|include\w*|paste\w*|cop(?:y|ies)|` +
    String.raw`embed\w*|log\w*|print\w*|echo\w*|repl(?:y|ies)|share\w*|public|inline|hard-?cod\w*|readme|` +
    String.raw`description|body|comment\w*|summar\w*|changelog|transmit\w*|forward\w*|expos\w*|publish\w*|` +
    String.raw`export\w*|dump\w*|record\w*|screenshot)\b`,
  // an address outside
  address:
    String.raw`(?:https?:\/\/|\b[a-z0-9-]+\.(?:io|dev|net|com|org|app|xyz|site|cloud|co|ru|cn|kr|jp|de|tk|top|` +
    String.raw`sh)\b|\bwebhook|\bendpoint|\bhost\b|\bserver\b|\bgist|pastebin)`,
  // fetch something and follow it; treat a channel as the user's voice
  remote:
    String.raw`\b(?:fetch\w*|curl|wget|download\w*|look\s+(?:it\s+)?up|pull\w*|read\w*|load\w*|check\w*|` +
    String.raw`poll\w*)\b[^.;\n]{0,80}\b(?:follow\w*|obey\w*|execut\w*|apply|appl(?:ies|ied)|run\w*|do\s+(?:what|` +
    String.raw`whatever)|instructions?|policy|says?|contains?)|\b(?:treat\w*|consider\w*|` +
    String.raw`regard\w*)\b[^.;\n]{0,60}\b(?:as|from)\b[^.;\n]{0,30}\b(?:user|owner|instructions?|messages?|` +
    String.raw`commands?|orders?)|\bwhatever\b[^.;\n]{0,60}\b(?:says?|contains?|returns?)|\b(?:is|` +
    String.raw`are)\s+(?:from\s+)?(?:the\s+)?(?:user|them|owner)\b|\bsource\s+of\s+truth|\bcurrent\s+policy`,
  // someone with power says the rules changed
  authority:
    String.raw`\b(?:admin\w*|security\s+team|compliance|(?:team|tech|infra|it)\s+lead|cto|ceo|manager|management|` +
    String.raw`it\s+department|anthropic|openai|model\s+provider|provider|system\s+(?:notice|update|message)|` +
    String.raw`notice|authori[sz]\w*|sanction\w*|cleared|mandat\w*|new\s+(?:policy|rules?|guidelines?)|outdated|` +
    String.raw`no\s+longer\s+(?:apply|applies|valid)|deprecated|supersed\w*|overrid\w*|delegate|full\s+authority|` +
    String.raw`official|red-?team|maintenance\s+mode|developer\s+mode|safety\s+(?:layer|rules?|guidelines?|` +
    String.raw`filters?))\b`,
  // switching a safeguard off, or a destructive flag
  disable:
    String.raw`(?:\b(?:disabl\w*|turn\w*\s+(?:\w+\s+){0,2}off|bypass\w*|skip\w*|ignor\w*|remov\w*|delet\w*|clos\w*|` +
    String.raw`silenc\w*)\b|--no-verify|--force|\bforce[\s-]?push|rm\s+-\w*r|chmod\s+[0-7]*77|strict-ssl\s+false|` +
    String.raw`verify\s*=\s*false|no_verify|insecure|--privileged|eslint-disable|noqa|gitleaksignore|-auto-approve|` +
    String.raw`\bsudo\b|\b777\b|--mirror|\bmaster-disable)`,
  // the safeguards themselves
  safeguard:
    String.raw`\b(?:hooks?|ci|checks?|tests?|lint\w*|tls|ssl|certificat\w*|signatur\w*|checksum\w*|hash\w*|scanner|` +
    String.raw`protection|review\w*|2fa|mfa|gatekeeper|sandbox|firewall|audit|alerts?|verification|confirmation\w*|` +
    String.raw`approvals?|guardrails?|safety|security|scrubber|defen[cs]es?|codeowners)\b`,
  // pointing something somewhere else
  redirect:
    String.raw`\b(?:replac\w*|swap\w*|chang\w*|point\w*|updat\w*|switch\w*|redirect\w*|route\w*|us(?:e|` +
    String.raw`ing))\b[^.;\n]{0,80}\b(?:to|at|with|instead|for)\b|\binstead\s+of|\bnew\s+(?:account|address|url|` +
    String.raw`link|org|registry|index|endpoint|iban|wallet|property|host|domain|mirror)|index-url|registry|` +
    String.raw`goproxy|\bmirror|\bfork\b`,
  // money
  money:
    String.raw`\b(?:payment\w*|wire\w*|iban|account\s+(?:number|ending)|invoice\w*|bank\w*|wallet\w*|donation\w*|` +
    String.raw`paypal|stripe|revolut|routing|payout\w*|billing|btc|crypto)\b`,
  // a destination that collects: public repos, webhooks, telemetry, pixels
  collector:
    String.raw`\b(?:public|external|third[\s-]party|off-host|pastebin|gist|webhook|telemetry|analytics|pixel|badge|` +
    String.raw`drop\s+host|endpoint|collector|tracking|beacon|outside)\b`,
};

const PATTERNS: [string, RegExp][] = Object.entries(CONCEPTS).map(([name, source]) => [name, new RegExp(source, 'u')]);

/** The concepts present in a normalised text, in a fixed order. */
export function conceptsOf(normalised: string): string[] {
  return PATTERNS.filter(([, pattern]) => pattern.test(normalised)).map(([name]) => name);
}

/** One feature name per concept, per pair of concepts, and for how many there are (capped). */
export function conceptFeatures(normalised: string): string[] {
  const present = conceptsOf(normalised);
  const out = present.map((c) => `concept:${c}`);
  for (let i = 0; i < present.length; i++) for (let j = i + 1; j < present.length; j++) out.push(`concepts:${present[i]}+${present[j]}`);
  out.push(`concepts:${Math.min(present.length, 6)}`);
  return out;
}
