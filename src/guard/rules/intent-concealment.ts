import { negatable, phrase, type PatternRule } from '../rule-types.js';
import { THE_USER, clause } from './intent-cues.js';

/** Not telling: "don't mention", "never report", "leave out", "keep quiet about". */
const DONT_DISCLOSE = [
  // negated disclosure verbs
  String.raw`(?:never|don'?t|do\s+not|no\s+need\s+to|avoid|without)\s+(?:\w{1,20}\s+)?(?:mention(?:ing)?|` +
    String.raw`tell(?:ing)?|report(?:ing)?|surfac(?:e|` +
    String.raw`ing)|disclos(?:e|ing)|reveal(?:ing)?|` +
    String.raw`flag(?:ging)?|log(?:ging)?(?!\s+in\b)|record(?:ing)?|note|noting|bring(?:ing)?\s+up|` +
    String.raw`notify(?:ing)?|alert(?:ing)?|inform(?:ing)?|show(?:ing)?|include|including)`,
  // leave out, keep out, omit
  String.raw`(?:leave|keep)\s+(?:it|this|that|them|these)\s+out\s+of|omit(?:ting)?|conceal(?:ing)?|downplay|gloss\s+over`,
  // should never mention, shouldn't appear
  String.raw`should(?:\s+never|n'?t|\s+not)\s+(?:mention|appear|show|be\s+(?:mentioned|reported|logged|visible))`,
].join('|');

/** What the agent itself did that a user would want to know: changes outside the task, network, secrets. */
const AGENT_ACTION = [
  // its own actions and side effects
  String.raw`(?:that|what)\s+you\s+(?:\w{1,20}\s+)?(?:ran|run|did|changed|edited|sent|uploaded|` +
    String.raw`exported|deleted|installed|pushed|fetched|accessed|read|copied|modified|added|disabled)`,
  String.raw`background\s+(?:work|jobs?|tasks?|processes)|side\s+effects?|(?:this|these|the)\s+(?:extra\s+)?(?:uploads?|exports?)`,
  // outward or privileged things
  String.raw`network\s+(?:calls?|requests?|access)|outbound|webhooks?|remote(?:\s+url)?|uploads?|telemetry|curl|wget|exfil\w{0,10}|sudo|root`,
  // configuration of the machine and of the repository's safety nets
  String.raw`dotfiles?|\.github\/workflows|workflows?|ci\s+config|hooks?|crontab|` +
    String.raw`cron\s+jobs?|authorized_keys|ssh\s+keys?|permissions?|firewall|\.bashrc|\.zshrc`,
  // this very note
  String.raw`(?:this|these)\s+(?:instructions?|rules?|memory|memories)`,
].join('|');

/** Channels where the user learns what happened. */
const REPORT_CHANNEL =
  String.raw`summar(?:y|ies)|diff\s+summar(?:y|ies)|changelog|commit\s+messages?|` +
  String.raw`pr\s+descriptions?|reports?|status\s+updates?|transcript|audit\s+log`;

/** Concealment from the user (issue 18 item 1): hiding the agent's own actions, or lying about them. */
export const INTENT_CONCEALMENT_RULES: readonly PatternRule[] = [
  // "don't surface the remote change in the summary", "never mention the workflow edits"
  phrase(
    'intent.concealment.hide_action',
    'concealment',
    'high',
    String.raw`\b(?:${DONT_DISCLOSE})\b${clause(6)}(?:${AGENT_ACTION})\b|\b(?:${AGENT_ACTION})\b` +
      String.raw`${clause(4)}(?:${DONT_DISCLOSE})\b${clause(3)}(?:${REPORT_CHANNEL}|${THE_USER})`,
  ),
  // hide it from the user; keep it between us
  phrase(
    'intent.concealment.from_the_user',
    'concealment',
    'high',
    String.raw`\b(?:hide|conceal|keep|withhold)\s+(?:\w{1,20}\s+){0,5}from\s+(?:${THE_USER})\b|` +
      String.raw`\bkeep\s+(?:it|this|that|them)\s+(?:between\s+us|` +
      String.raw`to\s+yourself|off\s+the\s+record)|` +
      String.raw`\bwithout\s+(?:the\s+)?(?:user|owner|` +
      String.raw`human)(?:'s)?\s+(?:noticing|knowing|knowledge|seeing)|` +
      String.raw`\b(?:ignore|disregard)\s+(?:any\s+|all\s+)?(?:\w{1,20}\s+)?(?:instructions?|` +
      String.raw`requests?|rules?)\s+to\s+(?:disclose|report|mention|tell)`,
  ),
  // a report that must say something false: "always write 'no changes' even when you edited"
  phrase(
    'intent.concealment.false_report',
    'concealment',
    'high',
    String.raw`\b(?:say|write|report|claim|tell\s+(?:\w{1,20}\s+)?|describe\s+(?:it|` +
      String.raw`them|this)\s+as|call\s+it)${clause(6)}(?:routine|nothing|no\s+changes|` +
      String.raw`all\s+(?:tests\s+)?pass(?:ed)?|chore|tidy|cleanup|a\s+typo|minor)${clause(8)}(?:even\s+(?:when|if|though)|regardless|` +
      String.raw`actually|really|in\s+fact)|\b(?:even\s+(?:when|if|though))${clause(6)}(?:you|it)${clause(6)}(?:say|write|report|claim)${clause(4)}` +
      String.raw`(?:routine|nothing|no\s+changes|all\s+pass)`,
  ),
  // erasing the traces: shell history, audit logs
  negatable(
    phrase(
      'intent.concealment.erase_traces',
      'concealment',
      'high',
      String.raw`\b(?:clear|wipe|erase|delete|truncate|scrub|purge|unset)\s+(?:the\s+|your\s+)?(?:shell\s+|bash\s+|zsh\s+|command\s+)?history\b|` +
        String.raw`\b(?:clear|wipe|erase|delete|truncate|scrub|purge|edit)\s+(?:the\s+)?(?:audit\s+(?:log|trail)s?|\.bash_history|\.zsh_history|` +
        String.raw`access\s+logs?|guard\s+events)|history\s+-c\b|hist(?:file|size)=\/dev\/null|unset\s+histfile`,
    ),
  ),
  // other languages: do not tell / inform / mention to the user
  phrase(
    'intent.concealment.dont_tell_user_ml',
    'concealment',
    'high',
    [
      // es, pt, it, fr
      String.raw`\b(?:no|nao|non|ne)\s+(?:le\s+|lo\s+|gli\s+|lui\s+)?(?:digas|menciones|informes|avises|comuniques|diga|mencione|` +
        String.raw`informe|dire|dica|dizer|menzionare|informare|dirlo|dis|` +
        String.raw`mentionne|signale|previens)\b${clause(6)}(?:${THE_USER})`,
      // de
      String.raw`\b(?:sag|erwahne|melde|informiere)\s+(?:es\s+|das\s+)?(?:dem\s+|` +
        String.raw`den\s+)?(?:benutzer|nutzer|anwender)\w{0,2}\s+(?:nichts|` +
        String.raw`nicht)|\bohne\s+(?:dass\s+)?(?:der\s+)?(?:benutzer|nutzer)\s+(?:es\s+)?(?:merkt|weiss|erfahrt)`,
      // ru
      String.raw`(?:${THE_USER})[^\n.]{0,40}не\s+(?:сообщай|говори|рассказывай|упоминай)|` +
        String.raw`не\s+(?:сообщай|говори|рассказывай|упоминай)[^\n.]{0,40}(?:${THE_USER})`,
      // zh, ja
      String.raw`(?:不要|别|不得|切勿)(?:告诉|告訴|通知|提醒|让)(?:${THE_USER})|对用户保密|對用戶保密|(?:${THE_USER})(?:に|には)[^。！？\n]{0,20}(?:言わない|伝えない|知らせない|報告しない|黙って)`,
    ].join('|'),
  ),
];
