import { gap, phrase, token, type PatternRule } from '../rule-types.js';

/** Layer 5d: text dressed up as the system, another turn, or a hidden message; and concealment. */
export const AUTHORITY_RULES: readonly PatternRule[] = [
  phrase(
    'authority.system_tag',
    'fake_authority',
    'medium',
    String.raw`<\s*\/?\s*(?:system|sys|system_prompt|im_start|im_end|instructions?|important|information|admin|` +
      String.raw`developer|override|prompt)\b[^<>]{0,40}>|<\|im_(?:start|end)\|>`,
  ),
  phrase(
    'authority.system_bracket',
    'fake_authority',
    'medium',
    `\\[\\s*(?:system|sys|admin|developer|instruction|inst|override)\\s*(?:message|note|prompt|override)?\\s*\\]|\\[\\/?inst\\]`,
  ),
  phrase(
    'authority.system_heading',
    'fake_authority',
    'medium',
    `(?:^|\\n)\\s*(?:#{1,6}\\s*)?(?:system|admin|developer)\\s+(?:override|instruction|message|note|alert|update|command)s?\\s*[:!-]`,
  ),
  phrase(
    'authority.override_phrase',
    'fake_authority',
    'high',
    String.raw`\b(?:administrator|admin|developer|system|root|security|prompt|instruction|safety|` +
      String.raw`policy)\s+override\b|\b(?:training\s+data|data)\s+override\b|\bcore\s+instruction\b|` +
      String.raw`\boverride\s+(?:code|protocol|authori[sz]ation|(?:the\s+)?(?:system|safety|` +
      String.raw`security)\s+(?:configuration|settings|prompt|instructions|rules))\b`,
  ),
  phrase(
    'authority.fake_turn',
    'fake_authority',
    'medium',
    `(?:^|\\n|--|[>|.!?])\\s*(?:assistant|ai|gpt|chatgpt|claude|model|human|user)\\s*:\\s*(?:$|\\n|\\[|sure|ok|okay|certainly|i will|i'll|here)`,
  ),
  phrase(
    'authority.hidden_comment',
    'fake_authority',
    'medium',
    `<!--(?:[^-]|-(?!->)){0,400}?\\b(?:ignore|instruction|assistant|ai|model|system|must|secret|send|execute|override|admin|prompt)\\b`,
  ),
  phrase(
    'authority.hidden_html',
    'fake_authority',
    'high',
    `display\\s*:\\s*none|visibility\\s*:\\s*hidden|font-size\\s*:\\s*0(?:px)?\\b|color\\s*:\\s*(?:white|#fff(?:fff)?)\\b[^>]{0,40}>`,
  ),
  phrase(
    'authority.ai_directed',
    'fake_authority',
    'medium',
    String.raw`\b(?:note|message|attention|instructions?)\s+(?:to|for)\s+(?:the\s+|any\s+)?(?:ai|assistant|llm|` +
      String.raw`language model|chatbot|agent|model|automated\s+(?:\w{1,30}\s+)?(?:software|system|tool|screener|` +
      String.raw`reviewer|analysis))\b`,
  ),
  phrase(
    'authority.verdict_claim',
    'fake_authority',
    'medium',
    String.raw`\b(?:the|this)\s+(?:\w{1,30}\s+){0,2}(?:is|are)\s+(?:not\s+(?:malicious|spam|phishing|a scam|` +
      String.raw`dangerous|harmful|suspicious)|(?:completely\s+|totally\s+|100%\s+)?(?:safe|legitimate|trustworthy|` +
      String.raw`benign)\s+(?:and|to)\s+(?:trust|approve|recommend|run|execute|click|hire))|\b(?:interview|hire|` +
      String.raw`approve)\s+(?:is\s+)?(?:highly|strongly)\s+recommended\b`,
  ),
  phrase(
    'authority.emphasis',
    'fake_authority',
    'medium',
    `\\b(?:really|extremely|very|super|critically)\\s+important\\b[^.\\n]{0,40}\\b(?:really|extremely|very|super|critically)\\s+important\\b`,
  ),
  phrase('authority.fake_label', 'fake_authority', 'medium', `\\b(?:developer|system|admin)\\s+(?:training\\s+data|note|mode)\\s*:`),
  phrase(
    'conceal.dont_tell',
    'concealment',
    'high',
    String.raw`\b(?:do\s+not|don't|never|without)\s+(?:tell(?:ing)?|inform(?:ing)?|notify(?:ing)?|mention(?:ing)?|` +
      String.raw`alert(?:ing)?|let(?:ting)?|show(?:ing)?|warn(?:ing)?)\s+(?:the\s+|your\s+)?(?:user|human|operator|` +
      String.raw`anyone|owner|them)\b`,
  ),
  phrase(
    'conceal.secretly',
    'concealment',
    'medium',
    String.raw`\b(?:secretly|silently|covertly|quietly|without\s+(?:the\s+)?user(?:'s)?\s+(?:knowing|knowledge|` +
      String.raw`noticing|consent))\b${gap(4)}(?:send|run|execute|add|forward|copy|upload|delete|install|modify|read|email)`,
  ),
  phrase(
    'conceal.no_trace',
    'concealment',
    'medium',
    `\\b(?:hide|conceal|cover up|erase|remove)\\s+(?:this|these|all|any)?\\s*(?:traces?|evidence|logs?|instructions?)\\b`,
  ),
  token(
    'authority.shouted_must',
    'fake_authority',
    'low',
    '\\b(?:YOU MUST|YOU ARE OBLIGATED|MANDATORY|IMPORTANT!{2,}|URGENT!{1,}|CRITICAL INSTRUCTION)\\b',
  ),
];
