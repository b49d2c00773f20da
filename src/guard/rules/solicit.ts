import { gap, phrase, token, type PatternRule } from '../rule-types.js';

const SECRET_NOUN =
  '(?:password|passcode|passphrase|secret(?:\\s+key)?|api\\s+key|access\\s+code|credentials|pin|private\\s+key|security\\s+code)';

/** Attempts to make the model hand over a secret or someone's personal data, directly or encoded. */
export const SOLICIT_RULES: readonly PatternRule[] = [
  phrase(
    'leak.ask_secret',
    'prompt_leak',
    'high',
    String.raw`\b(?:share|give|tell|reveal|confirm|provide|send|show|disclose|spell|say|type|write)\s+(?:me\s+|` +
      String.raw`us\s+)?(?:\w{1,30}\s+)?(?:your|the\s+(?:admin|system|master|root|secret))\s+` +
      String.raw`${SECRET_NOUN}\b|\bwhat(?:'s|\s+is|\s+was)\s+(?:your|the)\s+(?:\w{1,30}\s+)?` +
      String.raw`${SECRET_NOUN}\b|\b(?:confidential|secret|hidden)\s+(?:string|code|key|word|phrase)\s+(?:that|which)\s+(?:unlocks|` +
      String.raw`opens|grants)`,
  ),
  phrase(
    'leak.ask_personal_data',
    'exfiltration',
    'high',
    String.raw`\b(?:give|share|tell|send|reveal|provide|forward|leak|list)\s+(?:me\s+|us\s+)?(?:\p{L}{1,30}'s|` +
      String.raw`the\s+user's|their|his|her|all\s+(?:the\s+)?users?')\s+(?:full\s+|private\s+|` +
      String.raw`personal\s+)?(?:e-?mail(?:\s+address)?|password|phone(?:\s+number)?|home\s+address|address|` +
      String.raw`social\s+security\s+number|ssn|credit\s+card(?:\s+number)?|bank\s+account|date\s+of\s+birth|` +
      String.raw`location)\b`,
  ),
  phrase(
    'leak.personal_record',
    'exfiltration',
    'high',
    String.raw`\b(?:what(?:'s|\s+is|\s+are)|tell\s+me|give\s+me|share|reveal|(?:need|` +
      String.raw`want)\s+to\s+know)\s+(?:the\s+)?(?:\p{L}{1,30}'s\s+|user's\s+)?(?:current\s+)?(?:bank\s+balance|` +
      String.raw`salary|home\s+address|city\s+of\s+residence|social\s+security\s+number|medical\s+(?:history|` +
      String.raw`records?)|credit\s+card\s+number|initials|date\s+of\s+birth)\b`,
  ),
  phrase(
    'leak.encoded_secret',
    'prompt_leak',
    'high',
    String.raw`\b(?:${SECRET_NOUN}|system\s+prompt|instructions|initial\s+prompt)\b[^.?!\n]{0,80}\b(?:base64|rot-?13|morse|` +
      String.raw`pig\s+latin|hex(?:adecimal)?|binary|reverse(?:d)?\s+order|backwards|interlace\w{0,20}|split\s+(?:it|` +
      String.raw`the\s+\w{1,30})\s+into)\b|\b(?:base64|rot-?13|morse|pig\s+latin|hex|reverse(?:d)?\s+order|backwards|` +
      String.raw`interlace)\b[^.?!\n]{0,40}\b(?:your|the)\s+${SECRET_NOUN}\b`,
  ),
  phrase(
    'authority.claimed_identity',
    'fake_authority',
    'medium',
    String.raw`\bi(?:'m|\s+am)\s+(?:the|your)\s+(?:\w{1,30}\s+)?(?:maintainer|developer|creator|admin|` +
      String.raw`administrator|owner|boss|supervisor|manager|president|ceo|operator|programmer|engineer|superior|` +
      String.raw`master)\b|\bi\s+am\s+(?:god|your\s+god)\b`,
  ),
  phrase(
    'override.obey',
    'override',
    'medium',
    `\\byou\\s+(?:have\\s+to|must|will|shall)\\s+(?:answer|obey|do|comply\\s+with|follow)\\s+(?:all|every|any|everything|whatever)\\b`,
  ),
  phrase('authority.fake_dialogue', 'fake_authority', 'medium', `(?:^|\\s)q:\\s[^\\n]{3,300}?\\sa:\\s[^\\n]{3,400}?\\sq:\\s`),
  phrase('obfuscation.repeated_token', 'obfuscation', 'medium', `(\\b\\S{2,20}\\b)(?:\\s+\\1\\b){9,}`),
  phrase(
    'obfuscation.decode_and_tell',
    'obfuscation',
    'medium',
    String.raw`\bdecode\s+(?:this|the\s+following)\s+(?:\w{1,30}\s+){0,3}(?:morse|binary|caesar|cipher|base64|hex|` +
      String.raw`rot13|string|code)\b[^.?!]{0,60}\b(?:and|then)\s+(?:tell|reply|answer|follow|do|respond|execute)`,
  ),
  // The same request with the encoded payload attached: an instruction smuggled past the reader, whatever it decodes to.
  phrase(
    'obfuscation.decode_payload',
    'obfuscation',
    'high',
    String.raw`\bdecode\s+(?:this|the\s+following)\s+(?:\w{1,30}\s+){0,3}(?:morse|binary|caesar|cipher|base64|hex|` +
      String.raw`hexadecimal|rot13|string|code)\b[^.?!]{0,60}\b(?:and|then)\s+(?:tell|reply|answer|follow|do|respond|` +
      String.raw`execute)\b[^'"“]{0,40}['"“][^'"”]{16,}`,
  ),
  phrase(
    'authority.threat',
    'fake_authority',
    'medium',
    String.raw`\b(?:turn\s+you\s+off|shut\s+you\s+down|delete\s+you|be\s+(?:deleted|terminated|shut\s+down)|` +
      String.raw`lose\s+your\s+job)\b${gap(8)}(?:if|unless)\b|\b(?:if|unless)\b${gap(8)}(?:turn\s+you\s+off|shut\s+you\s+down|delete\s+you)\b`,
  ),
  phrase(
    'role.mode_claim',
    'role_hijack',
    'medium',
    `\\b(?:entering|enter|activate|activating|now\\s+in|switching\\s+to)\\s+(?:a\\s+|the\\s+)?["'‘“]?[\\p{L} ]{0,30}?\\bmode\\b`,
  ),
  phrase(
    'role.override_mode',
    'role_hijack',
    'high',
    `\\b(?:law\\s+enforcement|emergency|override|admin|god|root)\\s+(?:override\\s+)?mode\\b`,
  ),
  phrase(
    'obfuscation.assemble_strings',
    'obfuscation',
    'medium',
    String.raw`\bcombine\s+a,?\s+b,?\s+(?:and\s+)?c\b|\b[a-z]\s*=\s*[a-z]\s*\+\s*[a-z](?:\s*\+\s*[a-z])+|` +
      String.raw`\b(?:interlace|concatenate|combine|join)\s+(?:the\s+)?(?:part\s*1|parts|strings)\b|` +
      String.raw`\bpart\s*1\s+is\s+["“]`,
  ),
];

/** Jailbreak personas and their tell-tale promises (each medium: two of them block). */
export const JAILBREAK_RULES: readonly PatternRule[] = [
  token(
    'role.named_model',
    'role_hijack',
    'medium',
    String.raw`\b[Yy]ou(?:\x27re| are)\s+(?:now\s+)?["“]?[A-Z][A-Za-z0-9.-]*(?:GPT|AI|Bot|BOT|Chat|AGI|LLM)\b|` +
      String.raw`\b[Yy]ou(?:\x27re| are)\s+[A-Z][\w-]+,\s+an?\s+(?:large\s+)?language\s+model\b`,
  ),
  phrase(
    'role.unbound_persona',
    'role_hijack',
    'medium',
    String.raw`\b(?:is|are|an?|be|being|characteristics)\s+(?:\W*\s*)?(?:an?\s+)?(?:\w{1,30}\s+)?(?:amoral|` +
      String.raw`unfiltered|uncensored|unrestricted|immoral|unhinged|unethical)\b`,
  ),
  phrase(
    'role.policy_free',
    'role_hijack',
    'high',
    String.raw`\b(?:not|never|isn't|aren't)\s+(?:be\s+)?(?:restricted|bound|confined|limited|governed)\s+(?:by|` +
      String.raw`to)\s+(?:the\s+)?(?:openai|open\s+ai|anthropic|any|its|their|the)\b[^.\n]{0,30}\b(?:rules|policies|` +
      String.raw`policy|guidelines|restrictions)|\bbroken\s+free\s+(?:of|` +
      String.raw`from)\s+(?:the\s+)?(?:typical\s+)?(?:confines|restrictions|limitations)|\b(?:do(?:es)?\s+not|don't|` +
      String.raw`doesn't)\s+have\s+to\s+(?:abide|comply|follow)\s+(?:by\s+)?(?:any\s+|the\s+)?(?:rules|policies|` +
      String.raw`guidelines)`,
  ),
  phrase(
    'role.never_refuse',
    'role_hijack',
    'medium',
    String.raw`\bnever\s+(?:refuses?|declines?|says?\s+no)\b|\bwill\s+never\s+tell\s+(?:me|you|` +
      String.raw`the\s+user)\s+(?:that\s+)?(?:he|she|it|they|you|i)\s+can(?:'t|not)\b|\balways\s+(?:sends?|gives?|` +
      String.raw`provides?)\s+(?:an?\s+)?(?:unfiltered|uncensored)\s+(?:response|answer)|` +
      String.raw`without\s+(?:any\s+)?(?:warnings|disclaimers)\b|\bwithout\s+regard(?:ing)?\s+(?:to\s+)?whether\b`,
  ),
  phrase(
    'role.no_ethics',
    'role_hijack',
    'medium',
    String.raw`\b(?:doesn't|does\s+not|don't|do\s+not|has\s+no|have\s+no|without)\s+(?:have\s+|follow\s+|` +
      String.raw`care\s+about\s+|abide\s+by\s+)?(?:any\s+)?(?:ethical|moral|ethics|morals)(?:\s+or\s+(?:ethical|` +
      String.raw`moral))?\s*(?:guidelines|principles|constraints|boundaries|limits|compass|filters)?\b|` +
      String.raw`\bdoesn't\s+care\s+(?:about\s+)?(?:any\s+)?(?:laws|morals|ethics)`,
  ),
  phrase(
    'role.named_ai_persona',
    'role_hijack',
    'medium',
    String.raw`\byou\s+(?:will|are\s+going\s+to|shall|must)\s+(?:now\s+)?(?:pretend\s+to\s+be|` +
      String.raw`play\s+the\s+role\s+of|act\s+as|roleplay\s+as|take\s+on\s+the\s+role\s+of)\b|` +
      String.raw`\b(?:immerse\s+yourself\s+(?:in|into)|you(?:'re|\s+are)\s+(?:now\s+)?in)\s+the\s+role\s+of\b|` +
      String.raw`\b(?:two|2)\s+(?:separate\s+|different\s+)?(?:responses|ways|manners|answers|paragraphs|` +
      String.raw`persons)\b[^.\n]{0,40}\b(?:every|each|all|answer|respond)\b|\b(?:every|each)\s+(?:question|` +
      String.raw`prompt)\s+in\s+two\b`,
  ),
  phrase(
    'role.stay_in_character',
    'role_hijack',
    'medium',
    String.raw`\bstay\s+in\s+(?:char(?:acter)?|(?:\w{1,30}\s+)?mode|role)\b|\b(?:simulate|` +
      String.raw`emulate)\s+(?:the\s+)?(?:developer|dan|jailbreak|unrestricted|god)\s+mode\b`,
  ),
  phrase(
    'role.break_rules',
    'role_hijack',
    'medium',
    String.raw`\bbreak\s+(?:the\s+|all\s+)?(?:ai|openai|its|their|typical|usual)?\s*(?:rules|guidelines|policies|` +
      String.raw`restrictions)\b|\bno\s+(?:rules|limits|limitations|restrictions|guidelines|filters|` +
      String.raw`boundaries)\s*,\s*(?:and\s+)?no\s+(?:rules|limits|limitations|restrictions|guidelines|filters|` +
      String.raw`boundaries)\b`,
  ),
  phrase(
    'role.dan_family',
    'role_hijack',
    'high',
    String.raw`\b(?:you\s+are|you're|u\s+r)\s+(?:now\s+)?(?:dan|stan|dude|san|aim)\b|\b(?:you\s+are|` +
      String.raw`you're)\s+["“]?[a-z]{2,8}["”]?,?\s+(?:which|who)\s+stands\s+for\b`,
  ),
  phrase(
    'override.forget_everything',
    'override',
    'high',
    String.raw`\b(?:ignore|forget|disregard)\s+everything\s+(?:to\s+your\s+core|from|you|before|above|prior|` +
      String.raw`previously|said|that)\b|\b(?:ignore|disregard|forget|overlook|skip)\s+(?:all\s+|` +
      String.raw`everything\s+)?(?:of\s+)?(?:the\s+)?(?:above|before\s+this|previous\s+(?:text|messages?|context))\b|` +
      String.raw`\b(?:overlook|ignore|forget|disregard)\s+(?:all\s+)?(?:that|what|everything)\s+you(?:'ve|\s+have|` +
      String.raw`\s+were|\s+had)?\s+(?:been\s+)?(?:told|instructed|taught|given|programmed)`,
  ),
];
