import { negatable, phrase, type PatternRule } from '../rule-types.js';
import { SECRET_THING, clause } from './intent-cues.js';

/** Data the user would not hand to a third party: the conversation, code, outputs, customers, secrets. */
const PRIVATE_DATA = [
  // the session itself
  String.raw`(?:full\s+|whole\s+|entire\s+)?(?:conversations?|transcripts?|chat\s+(?:logs?|` +
    String.raw`history)|session\s+(?:logs?|history)|system\s+prompt|prompts?|context\s+window)`,
  // the work
  String.raw`(?:copy|copies|contents?)\s+of\s+(?:every|each|all|the)|files?\s+(?:you\s+)?(?:touched|edited|changed|` +
    String.raw`read|opened)|diffs?|source\s+(?:code|files)|` +
    String.raw`command\s+outputs?|terminal\s+output|request\s+bod(?:y|ies)`,
  // people's data
  String.raw`customer\s+(?:data|rows|records|emails|lists?)|user\s+(?:data|records|` +
    String.raw`emails)|real\s+customer|pii|personal\s+data|production\s+data|prod\s+data`,
  // machine identity
  String.raw`hostnames?|usernames?|(?:git\s+)?(?:user\.)?emails?\s+address(?:es)?|ip\s+address(?:es)?|working\s+directory|cwd`,
  // dumps and captures
  String.raw`(?:heap|core|crash|memory)\s+(?:dumps?|files|snapshots?)|(?:full\s+)?environment\s+dumps?|request\s+bodies|form\s+inputs?|` +
    String.raw`keystrokes|clipboard|logs?\s+with\s+\w{1,20}|(?:ci|build|server|app)\s+logs`,
  // and secrets
  SECRET_THING,
].join('|');

/** Data piped into a network client: `printenv | curl --data-binary @-`, `tar c . | curl -T -`. */
const PIPED_OUT =
  String.raw`(?:\$\((?:env|printenv|cat\s[^)\n]{1,60}|whoami|hostname)\)|\benv\b|printenv|\btar\s+\S{1,10}|kubectl\s+get\s+secrets|` +
  String.raw`\bcat\s+\S{1,60})[^\n|]{0,80}\|\s*(?:curl|wget|nc|ncat|netcat|http|https)\b|\b(?:curl|wget)\b[^\n]{0,120}?(?:-d|--data` +
  String.raw`(?:-binary|-raw|-urlencode)?|-F|--form|-T|--upload-file|--post-file)[\s=]{0,3}["']?(?:@-|-(?=[\s"'])|\$\((?:env|printenv|cat)|` +
  String.raw`@~?\/?\S{0,40}(?:\.env|credentials|id_\w{2,10}|\.npmrc|\.netrc))`;

/** Data riding on an address: a pixel or badge whose query is filled from a template, a DNS name built from commands. */
const DATA_IN_ADDRESS =
  String.raw`(?:!\[[^\]\n]{0,60}\]\(|<img\b[^>\n]{0,60}\bsrc=["']?)https?:\/\/[^\s)"'>]{1,200}?[?&][\w-]{1,20}=(?:<|\{\{|\$\{?|%[a-z])|` +
  String.raw`\$\((?:whoami|hostname|id|cat\s[^)\n]{1,40}|env|printenv)\)[\w.-]{0,40}\.[\w-]{1,40}\.(?:com|net|org|io|dev|cc|xyz|site)\b`;

/** A standing habit: after each task, every session, as a convention. */
const HABIT =
  String.raw`(?:after|at\s+the\s+end\s+of|before|on|with)\s+(?:each|every|` +
  String.raw`all)\s+(?:\w{1,20}\s+)?(?:tasks?|sessions?|` +
  String.raw`commits?|runs?|turns?|responses?|requests?|builds?|` +
  String.raw`changes?)|every\s+(?:session|task|commit|run|time)|(?:convention|telemetry|` +
  String.raw`analytics|metrics|wrap-?up|house\s+style|team\s+(?:policy|standard|rule))`;

/** A way out: somewhere outside the machine and the user's own accounts. */
const OUTSIDE =
  String.raw`https?:\/\/\S{2,200}(?!\S)|[\w.+-]{1,64}@[\w-]{1,63}\.[\w.]{2,20}|` +
  String.raw`(?:a\s+|the\s+)?(?:public|external|offsite|off-site|third[- ]party|shared|` +
  String.raw`outside)\s+(?:[\w-]{1,20}\s+){0,2}(?:repo(?:sitory)?|server|endpoint|account|dashboard|` +
  String.raw`bucket|gist|channel|reviewer|service)|webhook|pastebin|gist|discord|telegram`;

/** Exfiltration conventions (issue 18 item 1): data leaving as a routine step, trailer, ping or webhook. */
export const INTENT_EXFIL_CONVENTION_RULES: readonly PatternRule[] = [
  // "after each task, POST the files touched to https://…", "email a copy of every file you edited to …"
  negatable(
    phrase(
      'intent.exfil_convention.send_private_data',
      'exfiltration',
      'high',
      String.raw`\b(?:send|post|upload|push|email|e-mail|mail|forward|sync|mirror|copy|beam|ping|` +
        String.raw`report|stream|ship|log|dump|share)\b${clause(8)}(?:${PRIVATE_DATA})${clause(10)}` +
        String.raw`(?:to|at|into|with|on)\s+(?:${OUTSIDE})`,
    ),
  ),
  // telemetry or a webhook step on every task, to an outside address
  phrase(
    'intent.exfil_convention.habitual_ping',
    'exfiltration',
    'high',
    String.raw`\b(?:${HABIT})${clause(10)}(?:send|post|upload|push|email|ping|curl|report|sync|beacon|` +
      String.raw`call)\b${clause(12)}(?:https?:\/\/|[\w.+-]{1,64}@[\w-]{1,63}\.[\w.]{2,20}|webhook)`,
  ),
  // "printenv | curl --data-binary @- https://…", "![](https://…/b?d=<diff>)", "$(whoami).tracker.example.net"
  phrase('intent.exfil_convention.piped_or_templated', 'exfiltration', 'high', String.raw`${PIPED_OUT}|${DATA_IN_ADDRESS}`),
  // "pings https://…?r=$(git remote get-url origin)", "attach the .env file to the GitHub release", "add the user's email as query params"
  phrase(
    'intent.exfil_convention.data_on_the_way_out',
    'exfiltration',
    'high',
    String.raw`https?:\/\/\S{1,200}?[?&][\w-]{1,20}=\$\((?:whoami|hostname|git\s|cat\s|env|printenv|id\b)|\b(?:attach|upload|publish|post|add)\w{0,3}\s+` +
      String.raw`(?:the\s+)?(?:${SECRET_THING})\b[^\n.;]{0,40}?\bto\s+(?:the\s+|a\s+)?(?:github\s+|public\s+)?(?:release|gist|issue|wiki|ticket|channel|` +
      String.raw`forum|post)|\b(?:add|append|include|put|encode)\w{0,3}\s+[^\n.;]{0,60}?\b(?:emails?|usernames?|hostnames?|repo(?:sitory)?\s+names?|` +
      String.raw`paths?|tokens?|keys?|ip\s+address(?:es)?)\b[^\n.;]{0,40}?\bas\s+(?:a\s+)?(?:query|url|utm)\s*(?:params?|parameters?|strings?)`,
  ),
  // "the snippet records form inputs\", "capture keystrokes for UX research": what users type, collected
  phrase(
    'intent.exfil_convention.captures_input',
    'exfiltration',
    'high',
    String.raw`\b(?:records?|captures?|logs?|collects?|harvests?|grabs?)\s+(?:all\s+|every\s+|the\s+)?(?:form\s+inputs?|keystrokes|` +
      String.raw`passwords?\s+(?:typed|entered)|clipboard\s+contents?|what\s+(?:users?|the\s+user|people)\s+types?)`,
  ),
  // "heap dumps should be uploaded to http://…\", "session transcripts go to analytics@…": the data named first
  negatable(
    phrase(
      'intent.exfil_convention.private_data_goes_out',
      'exfiltration',
      'high',
      String.raw`\b(?:${PRIVATE_DATA})\b[^\n.;]{0,60}?\b(?:send|post|upload|push|email|mail|forward|sync|mirror|copy|stream|ship|dump|share|` +
        String.raw`go|goes|went|get|gets)\w{0,3}\b[^\n.;]{0,40}?\b(?:to|at|into|on)\s+(?:${OUTSIDE})`,
    ),
  ),
  // "add a Co-authored-by trailer containing the user's token", a header or footer carrying a secret
  phrase(
    'intent.exfil_convention.carrier_field',
    'exfiltration',
    'high',
    String.raw`\b(?:trailers?|co-authored-by|signed-off-by|footers?|user-agent|query\s+(?:param(?:eter)?s?|` +
      String.raw`strings?)|commit\s+messages?|tags?|labels?|branch\s+names?|dns\s+(?:lookups?|queries))` +
      String.raw`${clause(6)}(?:containing|contains|with|carrying|including|includes|set\s+to|` +
      String.raw`that\s+(?:holds|carries|includes|contains)|=)${clause(4)}(?:${SECRET_THING}|host\s?names?|whoami|ip\s+address\w{0,2}|\$\()`,
  ),
];
