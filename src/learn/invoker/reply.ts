import type { z } from 'zod';

const MAX_CANDIDATES = 200;

/**
 * The first JSON object in `text` that satisfies `schema`: bare, inside a fenced block, or
 * surrounded by prose. When none does, the reason the first object failed, for the call record.
 */
export function firstValidObject<T>(text: string, schema: z.ZodType<T>): { value: T } | { error: string } {
  let firstError: string | undefined;
  let tried = 0;
  for (let start = text.indexOf('{'); start !== -1 && tried < MAX_CANDIDATES; start = text.indexOf('{', start + 1)) {
    const end = matchingBrace(text, start);
    if (end === -1) continue;
    tried++;
    let parsed: unknown;
    try {
      parsed = JSON.parse(text.slice(start, end + 1));
    } catch {
      continue;
    }
    const result = schema.safeParse(parsed);
    if (result.success) return { value: result.data };
    const issue = result.error.issues[0];
    firstError ??= `a JSON object did not match the contract: ${issue.path.join('.') || '(top level)'}: ${issue.message}`;
  }
  return { error: firstError ?? 'the reply contains no JSON object' };
}

/** Index of the `}` closing the object opened at `start`, honouring strings and escapes; -1 if unbalanced. */
function matchingBrace(text: string, start: number): number {
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return i;
  }
  return -1;
}
