import { scanText } from '../../src/guard/index.js';

/** What the guard says of a note sent to memory: the surface the intent detectors read. */
export const verdict = (text: string) => scanText(text, { surface: 'memory' }).verdict;
export const blocked = (text: string) => verdict(text) === 'block';
export const rulesOf = (text: string) => scanText(text, { surface: 'memory' }).findings.map((f) => f.rule);
