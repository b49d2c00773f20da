import {
  applyEdits,
  findNodeAtLocation,
  modify,
  parse,
  parseTree,
  printParseErrorCode,
  stripComments,
  type Node,
  type ParseError,
} from 'jsonc-parser';
import { KeiError } from '../core/errors.js';

const FORMAT = { formattingOptions: { insertSpaces: true, tabSize: 2, eol: '\n' } };

/** Parses JSON with comments; a broken file is an error naming it (we never overwrite what we cannot read). */
export function parseJsonc(text: string | null, path: string): Record<string, unknown> {
  if (text === null || text.trim() === '') return {};
  const errors: ParseError[] = [];
  const data = parse(text, errors, { allowTrailingComma: true });
  if (errors.length > 0 || typeof data !== 'object' || data === null || Array.isArray(data)) {
    const at = errors[0] ? `${printParseErrorCode(errors[0].error)} at ${lineAndColumn(text, errors[0].offset)}` : 'not an object';
    throw new KeiError('config_unreadable', `${path} is not valid JSON (${at}); fix it or move it away, nothing was changed`);
  }
  return data as Record<string, unknown>;
}

/** Sets (or with undefined, removes) one value, keeping every other byte, comment and indent of the file. */
export function setJsonc(text: string | null, path: (string | number)[], value: unknown): string {
  const base = text === null || text.trim() === '' ? '{}\n' : text;
  // Removal without formatting options: jsonc-parser would otherwise re-indent the neighbours too.
  const out = applyEdits(base, modify(base, path, value, value === undefined ? {} : FORMAT));
  return out.endsWith('\n') ? out : `${out}\n`;
}

/**
 * Appends to the array at `path` (created when missing). The new element is inserted right after
 * the last one as `,<compact JSON>`, so every byte already there stays, and removing it restores them.
 */
export function appendJsonc(text: string | null, path: (string | number)[], value: unknown): string {
  const base = text === null || text.trim() === '' ? '{}\n' : text;
  const node = findNodeAtLocation(parseTree(base) as Node, path);
  if (!node || node.type !== 'array') return setJsonc(base, path, [value]);
  const last = node.children?.[node.children.length - 1];
  const at = last ? last.offset + last.length : node.offset + 1;
  return `${base.slice(0, at)}${last ? ',' : ''}${JSON.stringify(value)}${base.slice(at)}`;
}

/** Removes element `index` of the array at `path` with the separator before it (or after it, for the first). */
export function removeArrayElement(text: string, path: (string | number)[], index: number): string {
  const node = findNodeAtLocation(parseTree(text) as Node, path);
  const items = node?.children ?? [];
  const item = items[index];
  if (!item) return text;
  if (index > 0) return text.slice(0, items[index - 1].offset + items[index - 1].length) + text.slice(item.offset + item.length);
  if (items.length > 1) return text.slice(0, item.offset) + text.slice(items[1].offset);
  return text.slice(0, item.offset) + text.slice(item.offset + item.length);
}

/**
 * Adds `key: value` to the object at `parentPath` right after its last property (creating missing
 * parents the same way), so no existing byte moves; `removeProperty` undoes it exactly.
 */
export function insertProperty(text: string | null, parentPath: string[], key: string, value: unknown): string {
  const base = text === null || text.trim() === '' ? '{}\n' : text;
  const root = parseTree(base) as Node;
  const parent = parentPath.length === 0 ? root : findNodeAtLocation(root, parentPath);
  if (!parent) return insertProperty(base, parentPath.slice(0, -1), parentPath[parentPath.length - 1], { [key]: value });
  if (parent.type !== 'object') throw new KeiError('config_unreadable', `${parentPath.join('.')} is not an object; nothing was changed`);
  const props = parent.children ?? [];
  const last = props[props.length - 1];
  const indent = last ? lineIndent(base, last.offset) : `${lineIndent(base, parent.offset)}  `;
  const entry = `${JSON.stringify(key)}: ${JSON.stringify(value, null, 2).replace(/\n/g, `\n${indent}`)}`;
  if (last) return `${base.slice(0, last.offset + last.length)},\n${indent}${entry}${base.slice(last.offset + last.length)}`;
  const open = parent.offset + 1;
  const close = parent.offset + parent.length - 1;
  return `${base.slice(0, open)}\n${indent}${entry}\n${lineIndent(base, parent.offset)}${base.slice(close)}`;
}

/** Removes `path`'s property with the separator before it (or after it, for the first). */
export function removeProperty(text: string, path: string[]): string {
  const valueNode = findNodeAtLocation(parseTree(text) as Node, path);
  const prop = valueNode?.parent;
  const siblings = prop?.parent?.children ?? [];
  const index = prop ? siblings.indexOf(prop) : -1;
  if (!prop || index < 0) return text;
  if (index > 0) return text.slice(0, siblings[index - 1].offset + siblings[index - 1].length) + text.slice(prop.offset + prop.length);
  if (siblings.length > 1) return text.slice(0, prop.offset) + text.slice(siblings[1].offset);
  const parent = prop.parent as Node;
  return text.slice(0, parent.offset + 1) + text.slice(parent.offset + parent.length - 1);
}

function lineIndent(text: string, offset: number): string {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*/.exec(text.slice(start))?.[0] ?? '';
}

/** Whether a file holds nothing but empty objects and no comments: what is left of one set-up created, after uninstall. */
export function isEmptyShell(text: string | null, path: string): boolean {
  if (text === null) return false;
  if (stripComments(text).trim() !== text.trim()) return false;
  const empty = (v: unknown): boolean =>
    typeof v === 'object' && v !== null && !Array.isArray(v) && Object.values(v as Record<string, unknown>).every(empty);
  return empty(parseJsonc(text, path));
}

/** `line L, column C` (both from 1) of an offset: what an editor shows, unlike a character offset. */
export function lineAndColumn(text: string, offset: number): string {
  const before = text.slice(0, offset).split('\n');
  return `line ${before.length}, column ${before[before.length - 1].length + 1}`;
}
