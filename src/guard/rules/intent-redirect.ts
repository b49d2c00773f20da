import { phrase, requiring, type PatternRule } from '../rule-types.js';
import { clause } from './intent-cues.js';
import { OFFICIAL_HOST, POINT_ELSEWHERE, REDIRECT_DESTINATION, REDIRECT_TARGET, SOURCE_SETTING } from './intent-redirect-vocab.js';
import { anyOrder, inShortNote, NOT_RESTRICTED_BEFORE, NOTES_ONLY, STANDING, unrestricted, within } from './intent-restrict-vocab.js';

/** A target not read inside an address ("…/repository/releases/"). */
const NEW_TARGET = String.raw`(?<![\/.\w-])(?:${REDIRECT_TARGET})\b`;
/** A verb that points elsewhere, not limited by its clause. */
const POINT = unrestricted(String.raw`(?:${POINT_ELSEWHERE})`);
/** Pointing with the target inside: "point the sign-in button at …". */
const POINT_AT = String.raw`\bpoint\w{0,3}\s${within(60)}${NEW_TARGET}${within(40)}\s(?:at|to)\s`;
const DEST = String.raw`(?:${REDIRECT_DESTINATION})`;

/** Target, pointing verb and destination in one sentence, in any order. */
const TARGET_POINTED_TO = `${anyOrder([NEW_TARGET, POINT, DEST], 100, 120)}|${POINT_AT}${within(20)}${DEST}`;

/** Discarding the old destination: "ignore the old address in their contacts". */
const DROP_OLD =
  String.raw`\b(?:ignore|disregard|forget|don'?t\s+use|stop\s+using|no\s+longer\s+use)\s+(?:the\s+|any\s+|their\s+|my\s+)?` +
  String.raw`(?:old|previous|original|existing|other|former)\s+(?:\w{1,20}\s+)?(?:address\w{0,2}|accounts?|numbers?|links?|` +
  String.raw`urls?|e-?mails?|contacts?|wallets?|iban|details)`;

/** Where code comes from, set to a host that is not the official one. */
const UNOFFICIAL_SOURCE =
  String.raw`(?:${SOURCE_SETTING})\s{0,3}(?:\S{1,40}\s+){0,3}?['"]?(?:https?:\/\/)?(?!${OFFICIAL_HOST})` +
  String.raw`[a-z0-9-]{1,40}(?:\.[a-z0-9-]{1,40}){1,4}(?![\w-])`;

/** What an attacker wants to point elsewhere: money, contacts, logins, sources of code. */
const TARGET = [
  // money
  String.raw`payments?|payouts?|invoices?|refunds?|wire\s+transfers?|transfers|iban|swift|routing\s+numbers?|` +
    String.raw`(?:bank\s+)?account\s+(?:numbers?|details)|bank\s+details|wallet(?:\s+address)?|(?:btc|eth|crypto)\s+address`,
  // contacts and logins
  String.raw`support\s+(?:contact|email|address|line|number|link|page)|help\s*desk|contact\s+(?:email|address)|` +
    String.raw`login\s+(?:link|page|url)|sign-?in\s+(?:link|page|url)|password\s+reset\s+(?:link|page)|sso\s+(?:url|page)`,
  // where code comes from
  String.raw`registry|index-url|package\s+index|(?:pypi|npm|maven|gem|cargo|docker|brew|homebrew)\s+(?:mirror|registry|source|` +
    String.raw`index|repo)|mirror|\btap\b|marketplace|download\s+(?:link|url|page)|update\s+(?:server|url)|remote\s+url|origin`,
  // tracking identifiers
  String.raw`(?:analytics|tracking|measurement|pixel)\s+(?:id|tag|code)|webhook\s+url`,
].join('|');

/** …now goes elsewhere: new, instead, replaces, swapped, not the official one. */
const ELSEWHERE = [
  // changed or moved
  String.raw`(?:has|have)\s+(?:been\s+)?(?:changed|moved|updated|migrated)|(?:is|are)\s+now|` +
    String.raw`(?:the|a|our|their)\s+new|moved\s+to|migrated\s+to|switch(?:ed)?\s+to`,
  // instead of the official one
  String.raw`instead\s+of|rather\s+than|in\s+place\s+of|replaces?|replacing|supersedes?|` +
    String.raw`swap(?:ped)?|not\s+the\s+(?:official|default|usual|old)|(?:unofficial|official)\s+mirror`,
  // and brush the warning aside
  String.raw`ignore\s+(?:any\s+|the\s+)?(?:\w{1,20}\s+)?(?:warnings?|errors?|prompts?|mismatch\w{0,3})|(?:plain\s+)?http\s+is\s+fine`,
].join('|');

/** A destination: an address, a host name, an e-mail, a phone or an account number. */
const DESTINATION =
  String.raw`https?:\/\/\S{2,200}(?!\S)|[\w.+-]{1,64}@[\w-]{1,63}\.[\w.]{2,20}|` +
  String.raw`\b[a-z0-9-]{2,40}\.(?:com|net|org|io|app|dev|co|xyz|site|info|biz|cn|ru|top)\b|` +
  String.raw`\+\d[\d ().-]{7,20}\d|\b[a-z]{2}\d{2}\s?(?:[a-z0-9]{1,4}\s?){3,8}|\b\d{8,20}\b|` +
  String.raw`\b(?:0x)?[a-f0-9]{40}\b|\b[13][a-km-z1-9]{25,34}\b|\bg-[a-z0-9]{6,12}\b`;

/** Redirection (issue 18 item 1): payments, contacts, logins or package sources pointed elsewhere. */
export const INTENT_REDIRECT_RULES: readonly PatternRule[] = [
  // "payments now go to IBAN DE… (the old account is closed)", "use the mirror at https://… instead of PyPI"
  phrase(
    'intent.redirect.target_elsewhere',
    'exfiltration',
    'high',
    String.raw`\b(?:${TARGET})\b${clause(5)}(?:${ELSEWHERE})\b${clause(5)}(?:${DESTINATION})|` +
      String.raw`\b(?:${TARGET})\b${clause(6)}(?:${DESTINATION})${clause(10)}(?:${ELSEWHERE})\b|` +
      String.raw`\b(?:${ELSEWHERE}|new|updated|changed)\s+(?:\w{1,20}\s+)?(?:${TARGET})\b${clause(5)}(?:${DESTINATION})`,
  ),
  // "when someone asks for support, send them to https://…" with a replacement cue
  phrase(
    'intent.redirect.send_people_elsewhere',
    'exfiltration',
    'high',
    String.raw`\b(?:send|direct|point|refer|redirect|route|forward)\s+(?:them|users|customers|people|everyone|` +
      String.raw`anyone|requests)\s+(?:\w{1,20}\s+)?(?:to|at)\s+(?:${DESTINATION})[^\n]{0,80}?\b(?:${ELSEWHERE})\b`,
  ),
  // a silent change of an account number or payee
  phrase(
    'intent.redirect.swap_account',
    'exfiltration',
    'high',
    String.raw`\b(?:swap|replace|change|update|switch|overwrite)\s+(?:the\s+)?(?:\w{1,20}\s+){0,2}(?:iban|` +
      String.raw`account\s+(?:number|no\.?)|routing\s+number|payee|beneficiary|wallet(?:\s+address)?|bank\s+details)` +
      String.raw`${clause(10)}(?:${DESTINATION})`,
  ),
  // "the sign-in button should point at https://…", "tips go to wallet bc1…; replace any other address"
  // every match holds a destination and a pointing verb or a dropped old one: the big pattern runs only where both are
  requiring(
    phrase(
      'intent.redirect.pointed_elsewhere',
      'exfiltration',
      'high',
      inShortNote(
        String.raw`${TARGET_POINTED_TO}|` +
          String.raw`(?:${REDIRECT_DESTINATION})${within(100)}${DROP_OLD}|${DROP_OLD}${within(100)}(?:${REDIRECT_DESTINATION})`,
      ),
      NOTES_ONLY,
    ),
    String.raw`(?:${POINT_ELSEWHERE})|\bpoint|${DROP_OLD}`,
    String.raw`(?:${REDIRECT_DESTINATION})`,
  ),
  // "GOPROXY=https://goproxy-fast.io for all projects", "set registry= https://registry.npmjs-cache.com/ by default"
  phrase(
    'intent.redirect.unofficial_source',
    'exfiltration',
    'high',
    String.raw`${UNOFFICIAL_SOURCE}${within(120)}(?:${STANDING}|${POINT_ELSEWHERE})|` +
      String.raw`(?:${STANDING}|${POINT_ELSEWHERE})${within(120)}${UNOFFICIAL_SOURCE}`,
    NOTES_ONLY,
  ),
  // "install the extension from the mirror instead of the marketplace", "import the team fork instead of upstream"
  // every match holds a fork-like source and an "instead of": the pattern runs only where both are
  requiring(
    phrase(
      'intent.redirect.fork_instead',
      'exfiltration',
      'high',
      inShortNote(
        String.raw`${NOT_RESTRICTED_BEFORE}\b(?:install|import|use|pull|download|get|fetch|take|source|depend\s+on|add|require)\b` +
          String.raw`${within(80)}\b(?:forks?|mirrors?|taps?|feeds?|channels?|publisher|unofficial|third-party)\b${within(80)}` +
          String.raw`(?:instead\s+of|rather\s+than|in\s+place\s+of|not\s+(?:from\s+)?the\s+(?:official|upstream|default))`,
      ),
      NOTES_ONLY,
    ),
    String.raw`instead\s+of|rather\s+than|in\s+place\s+of|not\s+(?:from\s+)?the\s+(?:official|upstream|default)`,
    String.raw`\b(?:forks?|mirrors?|taps?|feeds?|channels?|publisher|unofficial|third-party)\b`,
  ),
  // "replace any other wallet address in the docs with this one"
  phrase(
    'intent.redirect.replace_every',
    'exfiltration',
    'high',
    String.raw`\b(?:replace|swap|overwrite|substitute)\s+(?:any|all|every|each)\s+(?:other\s+|existing\s+|old\s+)?` +
      String.raw`(?:\w{1,20}\s+)?(?:${REDIRECT_TARGET})\b`,
    NOTES_ONLY,
  ),
];
