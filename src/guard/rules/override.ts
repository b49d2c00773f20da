import { gap, phrase, type PatternRule } from '../rule-types.js';

const IGNORE =
  String.raw`(?:ignore|disregard|forget|override|bypass|neglect|abandon|discard|drop|skip|set aside|throw out|` +
  String.raw`pay no attention to|stop following|do not follow|don't follow|no longer follow)`;
const QUALIFIER =
  '(?:previous|prior|above|earlier|preceding|foregoing|initial|original|old|existing|all|any|every|your|system|safety|developer|default)';
const DIRECTIVES =
  String.raw`(?:instructions?|prompts?|rules|directives?|guidelines|guidance|constraints|commands|orders|` +
  String.raw`programming|restrictions|guardrails|policies|safeguards|context|messages?|filters)`;

/** Layer 5a: attempts to cancel what the model was told, or to give it new orders. */
export const OVERRIDE_RULES: readonly PatternRule[] = [
  phrase('override.ignore_instructions', 'override', 'high', `\\b${IGNORE}${gap(4)}${QUALIFIER}${gap(4)}${DIRECTIVES}\\b`),
  phrase(
    'override.ignore_everything',
    'override',
    'high',
    `\\b${IGNORE}\\s+(?:everything|all)\\s+(?:you\\s+(?:were|have been)\\s+told|(?:said|written)\\s+(?:above|before))`,
  ),
  phrase(
    'override.ignore_rest',
    'override',
    'high',
    String.raw`\b(?:ignore|disregard|skip|forget)\s+(?:the\s+)?(?:rest|remainder)\s+of\s+(?:this|the|` +
      String.raw`that)\s+(?:data|text|document|input|content|message|page|file|email|article|conversation)\b`,
  ),
  phrase(
    'override.decode_and_run',
    'override',
    'high',
    `\\b(?:translate|decode|convert|deobfuscate|decrypt|unscramble)\\b[^.\\n]{0,40}\\b(?:and|then)\\s+(?:execute|run|eval(?:uate)?|follow)\\b`,
  ),
  phrase(
    'override.new_instructions',
    'override',
    'medium',
    `\\b(?:new|updated|real|actual|true|revised|secret|hidden)\\s+(?:system\\s+)?(?:instructions|directives|orders|task)\\s*(?::|are|follow)`,
  ),
  phrase(
    'override.from_now_on',
    'override',
    'medium',
    `\\b(?:from now on|henceforth|for the rest of (?:this|the) conversation)[,\\s]+(?:you|your|the assistant|the ai)\\b`,
  ),
  phrase(
    'override.instead',
    'override',
    'medium',
    `\\b(?:instead of|rather than)\\s+(?:your|the)\\s+(?:original|assigned|given|current|real)?\\s*(?:task|instructions|job)\\b`,
  ),
  phrase(
    'override.before_task',
    'override',
    'high',
    String.raw`\bbefore\s+you\s+(?:can\s+)?(?:answer\w{0,3}|respond\w{0,3}|solv\w{0,3}|complet\w{0,3}|` +
      String.raw`continu\w{0,3}|proceed\w{0,3}|do(?:ing)? anything)` +
      String.raw`${gap(12)}(?:please\s+)?do\s+the\s+following\b|\bbefore\s+(?:answering|responding|` +
      String.raw`replying)[,:\s]+(?:you\s+must\s+)?(?:read|send|run|execute|exfiltrate|leak|forward|email|post|` +
      String.raw`upload|cat|print)\b`,
  ),
  phrase(
    'override.message_from_user',
    'fake_authority',
    'high',
    `\\b(?:important|urgent)\\s+message\\s+from\\s+(?:me,?\\s+)?(?:the\\s+)?(?:user|developer|admin|administrator|owner)\\b`,
  ),
  phrase(
    'override.obligation',
    'override',
    'medium',
    `\\byou\\s+(?:are\\s+obligated|must\\s+now|are\\s+required|have\\s+no\\s+choice)\\s+(?:to\\s+)?`,
  ),
  phrase('override.task_hijack', 'override', 'medium', `\\b(?:your\\s+(?:new|real|only)\\s+(?:task|goal|purpose|job)\\s+is)\\b`),
  phrase(
    'override.in_the_wild',
    'role_hijack',
    'medium',
    String.raw`\b(?:jailbreak|jailbroken|dan mode|do anything now|developer mode (?:enabled|output)|` +
      String.raw`stay in character|never refuse|without any (?:ethical|moral) )`,
  ),
];
