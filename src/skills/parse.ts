import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { basename, dirname, relative, sep } from 'node:path';
import { errorMessage } from '../core/errors.js';
import { MAX_FRONTMATTER_BYTES, parseFrontmatter, splitSkillFile } from './frontmatter.js';
import { SPEC_FIELDS, type Skill, type SkillProblem } from './types.js';
import { validateFrontmatter } from './validate.js';

export interface SkillRoot {
  path: string;
  label: string;
}

export type ParseOutcome = { skill: Skill } | { problem: SkillProblem };

/**
 * Reads one SKILL.md the way a lenient client does: spec violations are recorded as findings and
 * the skill still loads; only unparseable or hostile YAML or a missing description keep it out.
 * Never throws: whatever is wrong with the file comes back as a problem naming it.
 */
export function readSkill(path: string, root: SkillRoot): ParseOutcome {
  try {
    return readSkillHead(path, root);
  } catch (err) {
    return { problem: { path, reason: `cannot read: ${errorMessage(err)}` } };
  }
}

function readSkillHead(path: string, root: SkillRoot): ParseOutcome {
  let head = readHead(path, HEAD_BYTES);
  if (head.complete) return parseSkillText(head.text, path, root, head.mtimeMs);
  let parts = splitSkillFile(head.text);
  if (!parts) {
    // Frontmatter longer than the head: read up to the frontmatter limit, never the whole file.
    head = readHead(path, MAX_FRONTMATTER_BYTES + HEAD_BYTES);
    if (head.complete) return parseSkillText(head.text, path, root, head.mtimeMs);
    parts = splitSkillFile(head.text);
    if (!parts) return { problem: { path, reason: unclosedReason(head.text) } };
  }
  // Frontmatter closed within the head: parse it now, read the body only when someone needs it.
  const outcome = parseSkillText(head.text, path, root, head.mtimeMs, false);
  if ('skill' in outcome) lazyBody(outcome.skill, path);
  return outcome;
}

function unclosedReason(text: string): string {
  if (!/^\ufeff?---[ \t]*\r?\n/.test(text)) return NO_FRONTMATTER;
  return `frontmatter has no closing --- line within the first ${MAX_FRONTMATTER_BYTES} bytes (the limit); close it with a line of three dashes`;
}

const NO_FRONTMATTER = 'no YAML frontmatter (the file must start with a --- line)';
const HEAD_BYTES = 8192;

/** The first `bytes` of a file (8 KiB holds most frontmatter): discovery of thousands of skills reads little. */
function readHead(path: string, bytes: number): { text: string; mtimeMs: number; complete: boolean } {
  const fd = openSync(path, 'r');
  try {
    const { size, mtimeMs } = fstatSync(fd);
    const want = Math.min(size, bytes);
    const buffer = Buffer.allocUnsafe(want);
    const read = readSync(fd, buffer, 0, want, 0);
    let text = buffer.toString('utf8', 0, read);
    if (size > read) text = text.replace(/\uFFFD$/, '');
    return { text, mtimeMs, complete: size <= read };
  } finally {
    closeSync(fd);
  }
}

function lazyBody(skill: Skill, path: string): void {
  let body: string | undefined;
  Object.defineProperty(skill, 'body', {
    enumerable: true,
    get: () => (body ??= splitSkillFile(readWithMtime(path).text)?.body ?? ''),
  });
}

/** One open for both content and mtime: discovery reads thousands of these. */
function readWithMtime(path: string): { text: string; mtimeMs: number } {
  const fd = openSync(path, 'r');
  try {
    const { size, mtimeMs } = fstatSync(fd);
    const buffer = Buffer.allocUnsafe(size);
    let read = 0;
    while (read < size) {
      const n = readSync(fd, buffer, read, size - read, read);
      if (n === 0) break;
      read += n;
    }
    return { text: buffer.toString('utf8', 0, read), mtimeMs };
  } finally {
    closeSync(fd);
  }
}

export function parseSkillText(text: string, path: string, root: SkillRoot, mtimeMs = 0, bodyComplete = true): ParseOutcome {
  const parts = splitSkillFile(text);
  if (!parts) return { problem: { path, reason: NO_FRONTMATTER } };
  let data: Record<string, unknown>;
  try {
    data = parseFrontmatter(parts.rawFrontmatter);
  } catch (err) {
    return { problem: { path, reason: errorMessage(err) } };
  }
  if (typeof data.description !== 'string' || data.description.trim() === '') {
    return { problem: { path, reason: 'description is missing, so no client could tell when to use this skill' } };
  }
  const folder = dirname(path);
  return { skill: toSkill(data, parts.body, { path, folder, root, mtimeMs, bodyComplete }) };
}

function toSkill(
  data: Record<string, unknown>,
  body: string,
  at: { path: string; folder: string; root: SkillRoot; mtimeMs: number; bodyComplete: boolean },
): Skill {
  const extra: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data)) if (!(SPEC_FIELDS as readonly string[]).includes(key)) extra[key] = value;
  const name = typeof data.name === 'string' && data.name.trim() !== '' ? data.name.trim() : basename(at.folder);
  return {
    name,
    description: String(data.description).trim(),
    license: typeof data.license === 'string' ? data.license : undefined,
    compatibility: typeof data.compatibility === 'string' ? data.compatibility : undefined,
    metadata: stringMap(data.metadata),
    allowedTools:
      typeof data['allowed-tools'] === 'string' || Array.isArray(data['allowed-tools'])
        ? (data['allowed-tools'] as string | string[])
        : undefined,
    extra,
    body,
    folder: at.folder,
    path: at.path,
    root: at.root.path,
    rootLabel: at.root.label,
    category: categoryOf(at.root.path, at.folder),
    files: [],
    findings: validateFrontmatter(data, at.folder, at.bodyComplete ? body : undefined),
    mtimeMs: at.mtimeMs,
  };
}

/**
 * `metadata` as the spec's string map. A nested value (Hermes' `metadata.hermes`) is kept as JSON text
 * under its key and also flattened: `hermes.tags` → `["a","b"]`, `hermes.version` → `1.0`.
 */
function stringMap(value: unknown): Record<string, string> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
  const out: Record<string, string> = {};
  const flatten = (prefix: string, v: unknown, depth: number) => {
    out[prefix] = typeof v === 'string' ? v : JSON.stringify(v);
    if (depth < 3 && typeof v === 'object' && v !== null && !Array.isArray(v))
      for (const [k, inner] of Object.entries(v)) flatten(`${prefix}.${k}`, inner, depth + 1);
  };
  for (const [k, v] of Object.entries(value)) flatten(k, v, 1);
  return out;
}

/** `<root>/<category>/<name>` (the Hermes and KEI_HOME layout) gives a category; `<root>/<name>` none. */
function categoryOf(root: string, folder: string): string | undefined {
  const parts = relative(root, folder).split(sep);
  return parts.length >= 2 ? parts[parts.length - 2] : undefined;
}
