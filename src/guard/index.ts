export { scanText } from './scan.js';
export { redactSecrets } from './redact.js';
export type { Finding, ScanResult, ScanOptions, Surface, Severity, Category } from './types.js';
export { BLOCK_THRESHOLD } from './types.js';
export { rulesFingerprint, shortHash } from './fingerprint.js';
