import { basename } from 'node:path';
import { SPEC_FIELDS, type SkillFinding } from './types.js';

const NAME = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * Spec errors that lenient clients load anyway and that carry no risk: a nested `metadata` map (166 of
 * 190 Hermes skills carry `metadata.hermes`), a non-string license or compatibility, a list of
 * allowed tools, a name that differs from its folder. `validate` still reports them as errors;
 * installing from a tap keeps the file as written and says so instead of refusing it.
 */
export const TOLERATED_RULES: ReadonlySet<string> = new Set([
  'metadata-type',
  'metadata-value-type',
  'license-type',
  'compatibility-type',
  'compatibility-length',
  'allowed-tools-type',
  'name-folder-mismatch',
]);
const MAX_BODY_LINES = 500;

/** Every spec rule for one SKILL.md, each finding with its severity. */
/** `body` undefined: not read yet (discovery reads only the head of big files), so its length is not judged. */
export function validateFrontmatter(data: Record<string, unknown>, folder: string, body?: string): SkillFinding[] {
  const findings: SkillFinding[] = [];
  const add = (severity: SkillFinding['severity'], rule: string, message: string) => findings.push({ severity, rule, message });
  checkName(data.name, basename(folder), add);
  checkDescription(data.description, add);
  if (data.compatibility !== undefined) {
    if (typeof data.compatibility !== 'string') add('error', 'compatibility-type', 'compatibility must be a string');
    else if (data.compatibility.length > 500)
      add('error', 'compatibility-length', `compatibility is ${data.compatibility.length} characters; the limit is 500`);
  }
  if (data.license !== undefined && typeof data.license !== 'string') add('error', 'license-type', 'license must be a string');
  checkMetadata(data.metadata, add);
  const tools = data['allowed-tools'];
  if (tools !== undefined && typeof tools !== 'string')
    add('error', 'allowed-tools-type', 'allowed-tools must be a space-separated string');
  for (const key of Object.keys(data)) {
    if (!(SPEC_FIELDS as readonly string[]).includes(key))
      add('warning', 'non-spec-field', `field "${key}" is not in the Agent Skills specification (kept as-is)`);
  }
  const lines = body === undefined ? 0 : countLines(body);
  if (lines > MAX_BODY_LINES)
    add('warning', 'body-length', `body is ${lines} lines; the specification recommends at most ${MAX_BODY_LINES}`);
  return findings;
}

function countLines(text: string): number {
  let lines = 1;
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) lines++;
  return lines;
}

type Add = (severity: SkillFinding['severity'], rule: string, message: string) => void;

function checkName(name: unknown, folderName: string, add: Add): void {
  if (name === undefined || name === null || name === '') return add('error', 'name-missing', 'name is missing');
  if (typeof name !== 'string') return add('error', 'name-type', 'name must be a string');
  if (name.length > 64) add('error', 'name-length', `name is ${name.length} characters; the limit is 64`);
  if (!NAME.test(name))
    add(
      'error',
      'name-format',
      `name "${name}" must be lowercase letters, digits and single hyphens, not starting or ending with a hyphen`,
    );
  if (name !== folderName) add('error', 'name-folder-mismatch', `name "${name}" differs from its folder "${folderName}"`);
}

function checkDescription(description: unknown, add: Add): void {
  if (description === undefined || description === null || description === '')
    return add('error', 'description-missing', 'description is missing');
  if (typeof description !== 'string') return add('error', 'description-type', 'description must be a string');
  if (description.length > 1024) add('error', 'description-length', `description is ${description.length} characters; the limit is 1024`);
}

function checkMetadata(metadata: unknown, add: Add): void {
  if (metadata === undefined) return;
  if (typeof metadata !== 'object' || metadata === null || Array.isArray(metadata))
    return add('error', 'metadata-type', 'metadata must be a mapping of string keys to string values');
  for (const [key, value] of Object.entries(metadata)) {
    if (typeof value !== 'string')
      add('error', 'metadata-value-type', `metadata.${key} must be a string (got ${Array.isArray(value) ? 'a list' : typeof value})`);
  }
}
