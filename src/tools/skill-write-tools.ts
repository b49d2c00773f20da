import { z } from 'zod';
import { defineTool } from './define-tool.js';

const versioned = { name: z.string(), version: z.number() };

export const skillCreate = defineTool({
  name: 'skill_create',
  title: 'Create a skill',
  description:
    "Save a reusable procedure as a new Agent Skill (SKILL.md) in the user's KeiSeiKit skills, when you " +
    'solved something the user will likely need again. name: lowercase-with-hyphens; description: when ' +
    'to use it (≤ 1024 chars); body: Markdown steps. Validated, checked by the injection guard, ' +
    'versioned.',
  input: {
    name: z.string().describe('lowercase letters, digits and hyphens, ≤ 64 characters'),
    description: z.string().describe('What it does and when to use it.'),
    body: z.string().describe('Markdown instructions: overview, numbered steps, pitfalls.'),
    category: z.string().optional().describe('Folder to file it under (default "general").'),
  },
  output: { ...versioned, path: z.string() },
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: false },
  handle(args, kit) {
    const { skill, version } = kit.skills.writer.create({ ...args, source: 'mcp:skill_create' });
    return { structured: { name: skill.name, version, path: skill.path }, text: `Created skill ${skill.name} at ${skill.path}.` };
  },
});

export const skillPatch = defineTool({
  name: 'skill_patch',
  title: 'Fix a skill',
  description:
    'Correct part of a skill file: replace `old` with `new`. Matching is forgiving (whitespace, ' +
    'indentation, escapes, smart quotes, CRLF, near-identical blocks) but never guesses between several ' +
    'places: ambiguous matches are refused with their line numbers unless replace_all. The previous ' +
    'version is kept (`kei-skills revert`).',
  input: {
    name: z.string(),
    old: z.string().describe('The text to replace, as you remember it.'),
    new: z.string().describe('Its replacement.'),
    file: z.string().optional().describe('File in the skill folder (default SKILL.md).'),
    replace_all: z.boolean().optional(),
  },
  output: { ...versioned, strategy: z.string(), replacements: z.number() },
  annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: false, openWorldHint: false },
  handle(args, kit) {
    const r = kit.skills.writer.patch({
      name: args.name,
      old: args.old,
      new: args.new,
      file: args.file,
      replaceAll: args.replace_all,
      source: 'mcp:skill_patch',
    });
    return {
      structured: { name: r.skill.name, version: r.version, strategy: r.strategy, replacements: r.replacements },
      text: `Patched ${r.skill.name} (${r.strategy}, ${r.replacements} replacement${r.replacements === 1 ? '' : 's'}); version ${r.version}.`,
    };
  },
});

export const skillWriteFile = defineTool({
  name: 'skill_write_file',
  title: 'Write a skill file',
  description:
    'Create or overwrite a supporting file inside a skill folder (scripts/, references/, assets/). ' +
    'Scripts are checked by the injection guard with its code rules; paths cannot leave the skill folder.',
  input: { name: z.string(), file: z.string(), content: z.string() },
  output: { ...versioned, path: z.string() },
  annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: true, openWorldHint: false },
  handle(args, kit) {
    const r = kit.skills.writer.writeFile(args.name, args.file, args.content, 'mcp:skill_write_file');
    return { structured: { name: args.name, version: r.version, path: r.path }, text: `Wrote ${r.path}.` };
  },
});

export const skillRemoveFile = defineTool({
  name: 'skill_remove_file',
  title: 'Remove a skill file',
  description:
    'Delete a supporting file from a skill folder (not SKILL.md). The content is kept as a version and can be restored with `kei-skills revert`.',
  input: { name: z.string(), file: z.string() },
  output: versioned,
  annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: false, openWorldHint: false },
  handle(args, kit) {
    const r = kit.skills.writer.removeFile(args.name, args.file, 'mcp:skill_remove_file');
    return { structured: { name: args.name, version: r.version }, text: `Removed ${args.file} from ${args.name}.` };
  },
});
