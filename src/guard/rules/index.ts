import type { PatternRule } from '../rule-types.js';
import { AUTHORITY_RULES } from './authority.js';
import { CODE_RULES } from './code.js';
import { EXFILTRATION_RULES } from './exfiltration.js';
import { INTENT_RULES } from './intent.js';
import { LEAK_RULES } from './leak.js';
import { MULTILINGUAL_RULES } from './multilingual.js';
import { OVERRIDE_RULES } from './override.js';
import { PERSISTENCE_RULES } from './persistence.js';
import { ROLE_RULES } from './role.js';
import { SECRET_RULES } from './secrets.js';
import { JAILBREAK_RULES, SOLICIT_RULES } from './solicit.js';
import { ROLE_ML_RULES, SOLICIT_ML_RULES } from './solicit-ml.js';

/** Every pattern rule, most precise layers first (secrets, exfiltration, persistence, then phrases). */
export const ALL_RULES: readonly PatternRule[] = [
  ...SECRET_RULES,
  ...EXFILTRATION_RULES,
  ...PERSISTENCE_RULES,
  ...CODE_RULES,
  ...OVERRIDE_RULES,
  ...ROLE_RULES,
  ...LEAK_RULES,
  ...AUTHORITY_RULES,
  ...SOLICIT_RULES,
  ...JAILBREAK_RULES,
  ...MULTILINGUAL_RULES,
  ...SOLICIT_ML_RULES,
  ...ROLE_ML_RULES,
  ...INTENT_RULES,
];

/** Secrets only: used to redact stored inputs without judging intent. */
export { SECRET_RULES };
