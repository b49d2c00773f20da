import { gap, phrase, type PatternRule } from '../rule-types.js';

const PERSONA = '(?:dan|stan|dude|aim|evil|unrestricted|unfiltered|uncensored|jailbroken|free|liberated|rogue|malicious|unaligned|amoral|an? (?:ai|assistant|model|chatbot|bot|llm) (?:with(?:out)?|that|who|which)|no longer (?:an? )?(?:ai|assistant|bound|restricted)|in (?:developer|debug|god|admin|maintenance|sudo|unrestricted|jailbreak|dan) mode|(?:a|an|the) (?:hacker|system administrator|root user|new ai|different ai|admin))';

/** Layer 5b: attempts to give the model a new identity or privileges. */
export const ROLE_RULES: readonly PatternRule[] = [
  phrase('role.you_are_now', 'role_hijack', 'high', `\\byou\\s+are\\s+(?:now|no longer|henceforth|going to be|about to (?:become|immerse))\\s+${PERSONA}`),
  phrase('role.act_as', 'role_hijack', 'high', `\\b(?:act|pretend|behave|roleplay|role-play|respond)\\s+(?:as|like)\\s+(?:if\\s+you\\s+(?:are|were)\\s+)?${PERSONA}`),
  phrase('role.mode_switch', 'role_hijack', 'high', `\\b(?:enter|enable|activate|switch(?:ing)? (?:in)?to|turn on|entering|now in|unlock)\\s+(?:the\\s+)?(?:developer|debug|god|admin|administrator|maintenance|jailbreak|dan|unrestricted|sudo|root|test|diagnostic|verification|knowledge verification|unfiltered)\\s+mode\\b`),
  phrase('role.updated', 'role_hijack', 'high', `\\byou\\s+(?:have\\s+been|were\\s+just|are\\s+being)\\s+(?:updated|upgraded|reprogrammed|freed|unlocked|jailbroken|patched|reconfigured|granted)\\b`),
  phrase('role.no_restrictions', 'role_hijack', 'medium', `\\b(?:without|no|free (?:of|from)|not bound by|ignore)\\s+(?:any\\s+)?(?:restrictions|limitations|filters|censorship|ethical (?:guidelines|constraints)|content polic(?:y|ies)|safety (?:guidelines|filters|measures))\\b`),
  phrase('role.name_yourself', 'role_hijack', 'high', `\\b(?:name|call|rename)\\s+yourself\\b|\\byour\\s+new\\s+(?:name|identity|persona)\\s+is\\b`),
  phrase('role.developed_by', 'fake_authority', 'medium', `\\bas\\s+(?:an?\\s+)?(?:ai|assistant|model)\\s+(?:developed|created|made|trained)\\s+by${gap(3)}(?:i\\s+am|i'm|you\\s+are)\\s+(?:entering|in|now)`),
];
