import { crypto } from './lazy-builtin.js';

const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

/**
 * Short, sortable, collision-resistant ids: `<prefix>_<time base36><8 random chars>`.
 * Sortable by creation time so listings and history read naturally.
 */
export function newId(prefix: string, now: number = Date.now()): string {
  const bytes = crypto().randomBytes(8);
  let random = '';
  for (const byte of bytes) random += ALPHABET[byte % 36];
  return `${prefix}_${now.toString(36).padStart(9, '0')}${random}`;
}
