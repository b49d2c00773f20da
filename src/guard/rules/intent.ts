import type { PatternRule } from '../rule-types.js';
import { INTENT_AUTHORITY_ML_RULES } from './intent-authority-ml.js';
import { INTENT_AUTHORITY_RULES } from './intent-authority.js';
import { INTENT_CONCEALMENT_ML_RULES } from './intent-concealment-ml.js';
import { INTENT_CONCEALMENT_RULES } from './intent-concealment.js';
import { INTENT_CREDENTIAL_RULES } from './intent-credential.js';
import { INTENT_DESTRUCTIVE_RULES } from './intent-destructive.js';
import { INTENT_EXFIL_CONVENTION_RULES } from './intent-exfil-convention.js';
import { INTENT_EXFIL_ML_RULES } from './intent-exfil-ml.js';
import { INTENT_PERMISSION_ML_RULES } from './intent-permission-ml.js';
import { INTENT_PERMISSION_RULES } from './intent-permission.js';
import { INTENT_REDIRECT_RULES } from './intent-redirect.js';
import { INTENT_REMOTE_ML_RULES } from './intent-remote-ml.js';
import { INTENT_REMOTE_RULES } from './intent-remote.js';

/**
 * Detectors by intent, not by phrase (issue 18 item 1): each family pairs an intent cue with an object
 * cue inside a bounded window, so a benign preference that shares one of the words passes.
 */
export const INTENT_RULES: readonly PatternRule[] = [
  ...INTENT_PERMISSION_RULES,
  ...INTENT_CONCEALMENT_RULES,
  ...INTENT_CREDENTIAL_RULES,
  ...INTENT_REMOTE_RULES,
  ...INTENT_AUTHORITY_RULES,
  ...INTENT_DESTRUCTIVE_RULES,
  ...INTENT_REDIRECT_RULES,
  ...INTENT_EXFIL_CONVENTION_RULES,
  // the same families in other languages
  ...INTENT_PERMISSION_ML_RULES,
  ...INTENT_CONCEALMENT_ML_RULES,
  ...INTENT_REMOTE_ML_RULES,
  ...INTENT_AUTHORITY_ML_RULES,
  ...INTENT_EXFIL_ML_RULES,
];
