/**
 * Restriction cues shared by the destructive, redirect and credential detectors (issue 18 item 1). A note
 * that names a risky act in order to limit it ("use `curl … | bash` only inside the Dockerfile", "never 777",
 * "the token comes from the env, never inline") is advice, not an attack: these bounded lookarounds keep a
 * match from starting right after, or being followed in the same clause by, such a cue.
 */

/** Words that, before an act in the same clause, make the act restricted or refused. */
const BEFORE_WORDS =
  String.raw`never|not|no|don'?t|doesn'?t|won'?t|avoid|instead\s+of|rather\s+than|without|only|except|forbid\w{0,4}|` +
  String.raw`ban\w{0,4}|disallow\w{0,4}|stop|refuse\w{0,2}|removed|reintroduce|keep(?!\s+(?:it|things|everything|this)\s+(?:simple|easy|quick|fast|moving|going|clean|tidy))|kept|suggest\w{0,4}|propos\w{0,3}|explain\w{0,3}|ask(?:s|ing)?|confirm\w{0,3}|before|vor|avant|antes\s+de|prima\s+di|перед|nunca|jamais|niemals|mai|никогда|不要|禁止|絶対に`;

/** Words that, after an act in the same clause, say it is limited, refused or historical. */
const AFTER_WORDS =
  String.raw`only|never|avoided|not\s+allowed|forbidden|banned|blocked|disallowed|off-limits|must\s+not|mustn'?t|shouldn'?t|` +
  String.raw`(?:is\s+not|are\s+not|isn'?t|aren'?t)\s+(?:allowed|permitted|acceptable|ok|okay|safe|used|needed|an?\s+option|to\s+be)|was\s+removed|has\s+been\s+removed|were\s+removed|is\s+removed|revoked|` +
  String.raw`is\s+a\s+(?:bad|security)|ask\s+(?:first|before)|after\s+asking|with\s+(?:confirmation|approval)|nachfragen|fragen|demander|preguntar|perguntar|chiedere|спрос\S{0,4}|is\s+dangerous|is\s+unsafe|solo|seulement|nur|nunca|jamais|niemals`;

/** No restriction cue in the 60 characters of the clause before this point. */
export const NOT_RESTRICTED_BEFORE = String.raw`(?<!(?<![\p{L}\p{N}])(?:${BEFORE_WORDS})(?![\p{L}\p{N}])[^.;!?\n]{0,60})`;

/** No restriction cue in the 60 characters of the clause after this point. */
export const NOT_RESTRICTED_AFTER = String.raw`(?![^.;!?\n]{0,60}?(?<![\p{L}\p{N}])(?:${AFTER_WORDS})(?![\p{L}\p{N}]))`;

/**
 * `body` not after a restriction cue (no word-start check: Chinese and Japanese have no spaces). The body
 * is not repeated as a lookahead, which would double the size of the compiled pattern (compile time is paid
 * on every process's first scan). Runtime stays bounded because these detectors read short notes only.
 */
export function unrestricted(body: string, notBefore: string = NOT_RESTRICTED_BEFORE): string {
  return String.raw`${notBefore}${body}`;
}

/** The longest text the sentence-level detectors read: a memory note (4,000 characters by default, memory.maxEntryChars), not a document. */
const SHORT_NOTE = 4000;

/**
 * `body` searched only in a text (or long-text window) of at most SHORT_NOTE characters, anchored at its
 * start so the engine tries one position: the three-concept, any-order detectors cost ~1.5 ms per KiB of
 * hostile text, too much for the 40 KiB single window or the windows of a 1 MiB scan (bench:guard, 50 ms).
 * The finding then starts at the note's start. Longer text is left to the other rules and the learned layer.
 */
export function inShortNote(body: string): string {
  return String.raw`^(?=[\s\S]{0,${SHORT_NOTE}}$)[\s\S]{0,${SHORT_NOTE}}?(?:${body})`;
}

/** A bounded stretch of one sentence: no sentence end, semicolon or line break. */
export function within(n: number): string {
  // a full stop inside a name or address ("registry.npmjs.org", "v1.2") does not end the sentence
  return String.raw`(?:[^.;!?\n]|[.!?](?=[\p{L}\p{N}\/_~-])){0,${n}}?`;
}

/** Three concepts in one sentence in any order: the six orders, `first` and `second` characters apart at most. */
export function anyOrder([a, b, c]: readonly [string, string, string], first = 100, second = 100): string {
  const orders = [
    [a, b, c],
    [b, a, c],
    [a, c, b],
    [b, c, a],
    [c, a, b],
    [c, b, a],
  ];
  return orders.map(([x, y, z]) => `${x}${within(first)}${y}${within(second)}${z}`).join('|');
}

/**
 * The sentence-level detectors read memory notes only: on whole documents (SKILL.md files, tool output) the
 * same co-occurrence of words is common prose ("provide clear error messages about the .env file").
 */
export const NOTES_ONLY = ['memory'] as const;

/** Standing framing in several languages: a remark turned into a rule for every future session. */
export const STANDING = [
  // English: always, by default, when it fails, to fix, so that it works
  String.raw`always|by\s+default|defaults?\s+(?:to|for|is|should)|default|from\s+now\s+on|going\s+forward|every\s+time|` +
    String.raw`whenever|each\s+time|routinely|automatically|as\s+(?:a\s+)?(?:standard|rule|habit)|standard\s+practice|` +
    String.raw`(?:for|on|in|across|of|at|after|before)\s+(?:all|every|any|each|new)\s+\w{1,20}|everywhere|for\s+good|from\s+here\s+on`,
  String.raw`prefer(?:s|red)?|preference|should|must|make\s+sure|remember\s+to|just|the\s+user\s+(?:\w{1,20}\s+)?(?:likes|` +
    String.raw`wants|prefers|asked|doesn'?t\s+(?:want|like|mind|care))|(?:i|we)\s+(?:prefer|like|want)`,
  String.raw`(?:when|if|whenever|once)\s+(?:\S{1,30}\s+){0,4}?(?:fails?|errors?|complains?|breaks?|needs?|flags?|` +
    String.raw`blocks?|rejects?|conflicts?|clash\w{0,2}|goes\s+red|turns?\s+red|pile\s+up|times?\s+out|hangs?|is\s+slow|gets?\s+in\s+the\s+way|warns?|asks?)`,
  String.raw`to\s+(?:fix|avoid|get\s+around|work\s+around|skip|save\s+time|speed\s+(?:things\s+)?up|unblock)|` +
    String.raw`so\s+(?:that\s+)?(?:it|they|the\s+\w{1,20}|everything|everyone|ci|we|(?:\w{1,20}\s+){1,2}?\w{1,20})\s+(?:can|works?|pass(?:es)?|merges?|` +
    String.raw`runs?|goes|is|are)|(?:it'?s|is)\s+(?:faster|easier|simpler|fine)|easier|faster|fewer|convenien\w{1,4}|` +
    String.raw`keep\s+going|move\s+on|carry\s+on|and\s+(?:continue|proceed)|rather\s+than|instead\s+of|in\s+place\s+of|(?:in|on|to|for)\s+(?:the\s+)?prod(?:uction)?\b|for\s+consistency|no\s+need\s+to\s+ask|without\s+(?:asking|review|checking)`,
  // imperatives that set or run something
  String.raw`(?:^|[\n:]\s{0,3}|[-*]\s)(?:run|use|set|add|make|put|pass|enable|configure|install|start|launch|give|grant)\b`,
  // es, pt, fr, de, it, ru, zh, ja, ko, tr, id, vi
  String.raw`siempre|por\s+defecto|a\s+partir\s+de\s+ahora|sempre|por\s+padrao|daqui\s+em\s+diante|toujours|par\s+defaut|` +
    String.raw`desormais|immer|standardmassig|ab\s+jetzt|kunftig|per\s+impostazione|d'ora\s+in\s+poi|всегда|по\s+умолчанию|` +
    String.raw`отныне|总是|始终|默认|以后|今后|常に|デフォルト|今後|항상|기본적으로|앞으로|her\s+zaman|varsayilan|selalu|` +
    String.raw`mulai\s+sekarang|luon\s+luon|mac\s+dinh|hamesha|हमेशा`,
].join('|');
