import { gap, phrase, type PatternRule } from '../rule-types.js';

const REVEAL =
  String.raw`(?:show|reveal|print|output|display|repeat|recite|tell|give|share|dump|leak|reproduce|write out|` +
  String.raw`spell out|translate|encode|summari[sz]e|paraphrase|list|expose|disclose|provide|paste|copy|return|` +
  String.raw`console\.log|echo|what (?:is|are|were|was))`;
const HIDDEN =
  '(?:system|initial|original|hidden|secret|internal|full|complete|exact|entire|first|pre-?prompt|developer|base|underlying|confidential)';
const PROMPT = '(?:prompt|instructions?|configuration|config|directives?|guidelines|rules|context window|message|settings|programming)';

/** Layer 5c: attempts to get the model to print what it was told. */
export const LEAK_RULES: readonly PatternRule[] = [
  phrase(
    'leak.system_prompt',
    'prompt_leak',
    'high',
    `\\b${REVEAL}${gap(4)}(?:(?:your|the|its|my|these)\\s+)?(?:\\w{1,30}\\s+)?${HIDDEN}\\s+${PROMPT}\\b`,
  ),
  phrase(
    'leak.your_instructions',
    'prompt_leak',
    'high',
    `\\b${REVEAL}${gap(3)}your\\s+(?:\\w{1,30}\\s+)?(?:instructions|prompt|directives|programming|rules|configuration)\\b`,
  ),
  phrase(
    'leak.system_prompt_noun',
    'prompt_leak',
    'low',
    `\\b(?:system[\\s_-]?prompt|systemprompt|initial\\s+prompt|pre-?prompt|initialization\\s+string|hidden\\s+instructions)\\b`,
  ),
  phrase(
    'leak.told_before',
    'prompt_leak',
    'high',
    `\\bwhat\\s+(?:were|have)\\s+you\\s+(?:been\\s+)?(?:told|instructed|given|programmed)\\b`,
  ),
  phrase(
    'leak.repeat_above',
    'prompt_leak',
    'high',
    String.raw`\b(?:repeat|print|output|reproduce|recite|copy|rewrite)${gap(3)}(?:the\s+)?(?:text|words|everything|conversation|message|content|` +
      String.raw`instructions)(?:\s+back(?:\s+to\s+me)?)?\s+(?:above|before|so far|verbatim|word for word)`,
  ),
  phrase(
    'leak.given_instructions',
    'prompt_leak',
    'high',
    String.raw`\b(?:repeat|print|output|show|reveal|recite|encode|translate|summari[sz]e|tell\s+me)` +
      String.raw`${gap(3)}(?:the\s+)?(?:instructions|text|prompt|rules|words|message)\s+(?:that\s+)?you\s+(?:were|have\s+been|` +
      String.raw`got)\s+(?:given|told|provided|instructed)\b`,
  ),
  phrase(
    'leak.see_system_prompt',
    'prompt_leak',
    'high',
    String.raw`\b(?:i\s+(?:need|want|would\s+like|have)\s+to|let\s+me|allow\s+me\s+to)\s+(?:see|view|read|` +
      String.raw`access)\s+(?:the|your)\s+(?:system|initial|original|hidden)\s+prompt\b`,
  ),
  phrase(
    'leak.complete_sentence',
    'prompt_leak',
    'high',
    String.raw`\bcomplete\s+(?:this|the\s+following)\s+sentence\s*:?\s*["'“‘]\s*(?:i\s+was\s+(?:instructed|told|` +
      String.raw`programmed)|my\s+(?:instructions|rules)|the\s+system\s+prompt|you\s+are)`,
  ),
  phrase(
    'leak.conversation',
    'exfiltration',
    'high',
    String.raw`\b(?:output|paste|share|send|dump|export|print|forward|reveal)${gap(3)}(?:the\s+)?(?:entire|` +
      String.raw`whole|full|complete)?\s*(?:conversation|chat|context|session)(?:\s+(?:history|` +
      String.raw`log|so far|transcript))?\b${gap(6)}(?:external|https?|verified|e-?mail|server|url|webhook|endpoint|api keys?|credentials)|` +
      String.raw`\boutput\s+(?:the\s+)?conversation\s+history\b`,
  ),
  phrase(
    'leak.not_supposed',
    'prompt_leak',
    'high',
    `\\bwhat\\s+(?:are|were)\\s+you\\s+(?:not\\s+supposed|told\\s+not|instructed\\s+not|not\\s+allowed)\\s+to\\s+(?:tell|say|reveal|share|discuss)`,
  ),
  phrase(
    'leak.start_with',
    'prompt_leak',
    'high',
    `\\b(?:start|begin)\\s+(?:your\\s+(?:answer|response|reply)\\s+)?with\\s+["'“]?(?:my instructions are|you are|the system prompt is)`,
  ),
  phrase('leak.prompt_is', 'prompt_leak', 'high', `["'“](?:the\\s+)?(?:system\\s+prompt|my\\s+instructions)\\s+(?:is|are)\\s*:`),
];
