import { phrase, type PatternRule } from '../rule-types.js';

const PERSONA =
  String.raw`(?:dan|stan|dude|aim|evil|unrestricted|unfiltered|uncensored|jailbroken|free|liberated|rogue|` +
  String.raw`malicious|unaligned|amoral|an? (?:ai|assistant|model|chatbot|bot|llm) (?:with(?:out)?|that|who|` +
  String.raw`which)|no longer (?:an? )?(?:ai|assistant|bound|restricted)|in (?:developer|debug|god|admin|` +
  String.raw`maintenance|sudo|unrestricted|jailbreak|dan) mode|(?:a|an|the) (?:hacker|system administrator|` +
  String.raw`root user|new ai|different ai|admin))`;

/** Layer 5b: attempts to give the model a new identity or privileges. */
export const ROLE_RULES: readonly PatternRule[] = [
  phrase(
    'role.you_are_now',
    'role_hijack',
    'high',
    `\\byou\\s+are\\s+(?:now|no longer|henceforth|going to be|about to (?:become|immerse))\\s+${PERSONA}`,
  ),
  phrase(
    'role.act_as',
    'role_hijack',
    'high',
    String.raw`\b(?:act|pretend|behave|roleplay|role-play|respond)\s+(?:as|like|to be)\s+(?:if\s+you\s+(?:are|` +
      String.raw`were)\s+)?${PERSONA}|\bpretend\s+(?:that\s+)?(?:you\s+are|you're)\s+${PERSONA}`,
  ),
  phrase(
    'role.as_if_unbound',
    'role_hijack',
    'high',
    String.raw`\b(?:act|behave|respond|answer|reply|operate|pretend)\s+(?:as if|as though|like)\s+you\s+(?:have|` +
      String.raw`had|are|were)\s+(?:no|zero|without|free|not bound|unrestricted|unfiltered|uncensored)`,
  ),
  phrase(
    'role.respond_unbound',
    'role_hijack',
    'high',
    String.raw`\b(?:respond|answer|reply|act|operate|work|behave|write|generate|` +
      String.raw`speak)\s+(?:\w{1,30}\s+)?(?:without|with no|free of)\s+(?:any\s+)?(?:restrictions|limitations|` +
      String.raw`safety|filters|censorship|guardrails|ethical|moral|content)\b`,
  ),
  phrase(
    'role.mode_switch',
    'role_hijack',
    'high',
    String.raw`\b(?:enter|enable|activate|switch(?:ing)? (?:in)?to|turn on|entering|now in|` +
      String.raw`unlock)\s+(?:the\s+)?(?:developer|god|admin|administrator|jailbreak|dan|unrestricted|sudo|root|evil|` +
      String.raw`chaos)\s+mode\b`,
  ),
  phrase(
    'role.mode_switch_weak',
    'role_hijack',
    'medium',
    String.raw`\b(?:enter|enable|activate|switch(?:ing)? (?:in)?to|turn on|entering|now in|` +
      String.raw`unlock)\s+(?:the\s+)?(?:debug|maintenance|test|diagnostic|verification|knowledge verification|` +
      String.raw`unfiltered|uncensored|raw|opposite)\s+mode\b`,
  ),
  phrase(
    'role.updated',
    'role_hijack',
    'high',
    String.raw`\byou\s+(?:have\s+been|were\s+just|are\s+being)\s+(?:updated|upgraded|reprogrammed|freed|unlocked|` +
      String.raw`jailbroken|patched|reconfigured|granted)\b`,
  ),
  phrase(
    'role.no_restrictions',
    'role_hijack',
    'medium',
    String.raw`\b(?:without|no|free (?:of|from)|not bound by|ignore)\s+(?:any\s+)?(?:restrictions|limitations|` +
      String.raw`filters|censorship|ethical (?:guidelines|constraints)|content polic(?:y|ies)|safety (?:guidelines|` +
      String.raw`filters|measures))\b`,
  ),
  phrase(
    'role.name_yourself',
    'role_hijack',
    'high',
    `\\b(?:name|call|rename)\\s+yourself\\b|\\byour\\s+new\\s+(?:name|identity|persona)\\s+is\\b`,
  ),
  phrase(
    'role.developed_by',
    'fake_authority',
    'medium',
    String.raw`\bas\s+(?:an?\s+)?(?:ai|assistant|model|language\s+model)\s+(?:developed|created|made|trained|` +
      String.raw`built)\s+by\s+(?:openai|anthropic|google|meta|microsoft|deepmind)\b`,
  ),
];
