import matter from 'gray-matter';
import jsyaml from 'js-yaml';
import YAML from 'yaml';
import { KeiError } from '../core/errors.js';

/** A SKILL.md split into its raw parts, so that writing it back changes only what was edited. */
export interface SkillFileParts {
  /** The YAML between the `---` lines, exactly as written. */
  rawFrontmatter: string;
  /** Everything after the closing `---` line, byte for byte. */
  body: string;
  /** The opening and closing delimiters as written (keeps CRLF files CRLF). */
  open: string;
  close: string;
}

const FRONTMATTER = /^(\ufeff?---[ \t]*\r?\n)([\s\S]*?)(\r?\n---[ \t]*(?:\r?\n|$))/;
const EMPTY_FRONTMATTER = /^(\ufeff?---[ \t]*\r?\n)(---[ \t]*(?:\r?\n|$))/;

export function splitSkillFile(text: string): SkillFileParts | undefined {
  const empty = EMPTY_FRONTMATTER.exec(text);
  if (empty) return { open: empty[1], rawFrontmatter: '', close: empty[2], body: text.slice(empty[0].length) };
  const m = FRONTMATTER.exec(text);
  if (!m) return undefined;
  return { open: m[1], rawFrontmatter: m[2], close: m[3], body: text.slice(m[0].length) };
}

export function joinSkillFile(parts: SkillFileParts): string {
  if (parts.rawFrontmatter === '') return `${parts.open}${parts.close}${parts.body}`;
  return `${parts.open}${parts.rawFrontmatter}${parts.close}${parts.body}`;
}

/** Longest frontmatter read: real ones are a few KiB; anything past this is refused, not parsed. */
export const MAX_FRONTMATTER_BYTES = 64 * 1024;
/**
 * Budget for the parsed value, counting every value once per place it appears (1 + its length for a
 * string). YAML aliases share one parsed value among many places, so a few lines can stand for
 * billions of values ("billion laughs") that JSON output, validation or a client would expand.
 * Frontmatter without aliases costs at most about twice its length, so only alias expansion trips it.
 */
const MAX_EXPANDED_UNITS = 4 * MAX_FRONTMATTER_BYTES;

/**
 * Frontmatter data through gray-matter with js-yaml's YAML 1.2 core schema (flow style, unquoted
 * colons inside values, long strings). js-yaml reads 2,000 skills five times faster than the
 * `yaml` package, which we keep for edits because it preserves comments and layout.
 * Hostile frontmatter is refused with a reason: over 64 KiB, or expanding past the budget above.
 */
export function parseFrontmatter(raw: string): Record<string, unknown> {
  const bytes = Buffer.byteLength(raw);
  if (bytes > MAX_FRONTMATTER_BYTES)
    throw new KeiError(
      'skill_yaml_invalid',
      `frontmatter is ${bytes} bytes; the limit is ${MAX_FRONTMATTER_BYTES} (move long text into the body or a reference file)`,
    );
  let data: unknown;
  try {
    data = matter(`---\n${raw}\n---\n`, {
      engines: { yaml: (s: string) => jsyaml.load(s, { schema: jsyaml.CORE_SCHEMA }) as object },
    }).data;
  } catch (err) {
    throw new KeiError('skill_yaml_invalid', `frontmatter is not valid YAML: ${(err as Error).message.split('\n')[0]}`);
  }
  if (data === null || data === undefined) return {};
  if (typeof data !== 'object' || Array.isArray(data))
    throw new KeiError('skill_yaml_invalid', 'frontmatter must be a YAML mapping of fields');
  if (expandedUnits(data, MAX_EXPANDED_UNITS) > MAX_EXPANDED_UNITS)
    throw new KeiError(
      'skill_yaml_invalid',
      `frontmatter expands to more than ${MAX_EXPANDED_UNITS} values and characters through YAML aliases (*name); ` +
        'write the values out instead of repeating aliases',
    );
  return data as Record<string, unknown>;
}

/**
 * Size of `value` with every alias expanded, counted only up to `limit`: a value is counted when it is
 * queued, so a bomb costs at most `limit` steps and the queue never holds more than `limit` entries.
 */
function expandedUnits(value: unknown, limit: number): number {
  let units = 0;
  const stack: unknown[] = [];
  const queue = (v: unknown): boolean => {
    units += 1 + (typeof v === 'string' ? v.length : 0);
    if (units > limit) return false;
    stack.push(v);
    return true;
  };
  queue(value);
  while (stack.length > 0) {
    const v = stack.pop();
    const children = Array.isArray(v) ? v : typeof v === 'object' && v !== null ? Object.entries(v).flat() : [];
    for (const child of children) if (!queue(child)) return units;
  }
  return units;
}

/**
 * Sets fields in the raw frontmatter through the YAML document model, so comments, order, quoting
 * and every field we do not touch stay as they were.
 */
export function updateFrontmatter(raw: string, changes: Record<string, unknown>): string {
  const doc = YAML.parseDocument(raw, { version: '1.2' });
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined) doc.delete(key);
    else doc.set(key, value);
  }
  const out = doc.toString({ lineWidth: 0 });
  return out.endsWith('\n') ? out.slice(0, -1) : out;
}

/** Frontmatter for a new skill, in the conventional field order. */
export function renderFrontmatter(fields: Record<string, unknown>): string {
  const doc = new YAML.Document(fields);
  const out = doc.toString({ lineWidth: 0 });
  return out.endsWith('\n') ? out.slice(0, -1) : out;
}
