import { statSync } from 'node:fs';
import { z } from 'zod';
import { KeiError } from '../core/errors.js';
import { latestInvocation, recordInvocation, setInvocationOutcome } from '../ledger/skill-invocations.js';
import { resolveInside } from '../core/safe-path.js';
import { bodyOffset, capText, MAX_SLICE_BYTES, readSlice } from '../skills/read-slice.js';
import { defineTool } from './define-tool.js';

const summary = z.object({
  name: z.string(),
  description: z.string(),
  category: z.string().optional(),
  root: z.string(),
  path: z.string(),
});

export const skillList = defineTool({
  name: 'skill_list',
  title: 'List skills',
  description:
    "List the skills available here (project skills first, then the user's), optionally only one " +
    'category or root. Returns name, description, category, root label and path. Use skill_search to ' +
    'find one by topic, skill_load to read it.',
  input: {
    category: z.string().optional().describe('Only this category.'),
    root: z.string().optional().describe('Only this root label, e.g. "project-claude" or "kei".'),
  },
  output: { count: z.number(), skills: z.array(summary) },
  annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false },
  handle(args, kit) {
    const skills = kit.skills.registry
      .list(args)
      .map((s) => ({ name: s.name, description: s.description, category: s.category, root: s.rootLabel, path: s.path }));
    return {
      structured: { count: skills.length, skills },
      text: skills.map((s) => `${s.name}: ${s.description}`).join('\n') || 'No skills found.',
    };
  },
});

export const skillSearch = defineTool({
  name: 'skill_search',
  title: 'Search skills',
  description:
    'Find skills relevant to a task: ranked over name, description and body. Call this before starting ' +
    'unfamiliar work, then skill_load the best match.',
  input: { query: z.string().describe('What you are about to do, in a few words.'), limit: z.number().int().min(1).max(50).optional() },
  output: { results: z.array(z.object({ name: z.string(), description: z.string(), score: z.number() })) },
  annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false },
  handle(args, kit) {
    const results = kit.skills.registry
      .search(args.query, args.limit)
      .map((h) => ({ name: h.skill.name, description: h.skill.description, score: h.score }));
    return {
      structured: { results },
      text: results.map((r) => `${r.name} (${r.score}): ${r.description}`).join('\n') || 'No matching skills.',
    };
  },
});

export const skillLoad = defineTool({
  name: 'skill_load',
  title: 'Load a skill',
  description:
    "Read a skill's instructions (SKILL.md body), its base folder and its supporting files, and follow " +
    'them. Loading is recorded so the kit can learn which skills help; report the outcome with ' +
    `skill_feedback. A body over ${MAX_SLICE_BYTES / 1024} KiB is truncated (truncated: true); read the rest with ` +
    'skill_read_file file "SKILL.md" from next_offset.',
  input: { name: z.string().describe('Skill name, as listed by skill_list or skill_search.') },
  output: {
    name: z.string(),
    description: z.string(),
    body: z.string(),
    folder: z.string(),
    files: z.array(z.string()),
    invocation_id: z.string(),
    truncated: z.boolean(),
    body_bytes: z.number().describe('Size of the whole body in bytes.'),
    next_offset: z.number().optional().describe('When truncated: skill_read_file offset (in SKILL.md) of the rest.'),
  },
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: false },
  handle(args, kit) {
    const skill = kit.skills.registry.get(args.name);
    if (!skill) throw new KeiError('skill_not_found', `no skill named "${args.name}"; try skill_search`, { field: 'name' });
    const files = kit.skills.registry.filesOf(skill);
    const invocation = recordInvocation(kit.db, { skillName: skill.name, source: 'mcp', at: kit.clock.now() });
    const body = capText(skill.body);
    const nextOffset = body.truncated ? bodyOffset(fileSize(skill.path) ?? 0, skill.body) + body.bytes : undefined;
    const note = nextOffset === undefined ? '' : `\n\n${restNote(skill.name, 'SKILL.md', body.bytes, body.totalBytes, nextOffset)}`;
    const text = `# ${skill.name}\nBase folder: ${skill.folder}\n${files.length ? `Files: ${files.join(', ')}\n` : ''}\n${body.text}${note}`;
    return {
      structured: {
        name: skill.name,
        description: skill.description,
        body: body.text,
        folder: skill.folder,
        files,
        invocation_id: invocation,
        truncated: body.truncated,
        body_bytes: body.totalBytes,
        next_offset: nextOffset,
      },
      text,
    };
  },
});

export const skillReadFile = defineTool({
  name: 'skill_read_file',
  title: 'Read a skill file',
  description:
    'Read one file of a skill (SKILL.md, or a script, reference or asset listed by skill_load). Paths are ' +
    `relative to the skill folder and cannot leave it. At most ${MAX_SLICE_BYTES / 1024} KiB per call: when ` +
    'truncated is true, call again with offset = next_offset for the rest.',
  input: {
    name: z.string(),
    file: z.string().describe('Path relative to the skill folder, e.g. "scripts/run.py".'),
    offset: z.number().int().min(0).optional().describe('Byte offset to start at (default 0), e.g. next_offset of the previous call.'),
    length: z.number().int().min(1).max(MAX_SLICE_BYTES).optional().describe(`Bytes to read (default and most ${MAX_SLICE_BYTES}).`),
  },
  output: {
    name: z.string(),
    file: z.string(),
    content: z.string(),
    truncated: z.boolean(),
    offset: z.number(),
    next_offset: z.number().optional(),
    size: z.number(),
  },
  annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false },
  handle(args, kit) {
    const skill = kit.skills.registry.get(args.name);
    if (!skill) throw new KeiError('skill_not_found', `no skill named "${args.name}"`, { field: 'name' });
    const path = resolveInside(skill.folder, args.file);
    if (fileSize(path) === undefined)
      throw new KeiError('file_not_found', `${args.file} does not exist in skill ${skill.name}`, { field: 'file' });
    const slice = readSlice(path, args.offset, args.length);
    const next = slice.nextOffset ?? undefined;
    const note = next === undefined ? '' : `\n\n${restNote(skill.name, args.file, next - slice.offset, slice.size, next, slice.offset)}`;
    return {
      structured: {
        name: skill.name,
        file: args.file,
        content: slice.content,
        truncated: slice.truncated,
        offset: slice.offset,
        next_offset: next,
        size: slice.size,
      },
      text: slice.content + note,
    };
  },
});

/** The truncation contract, in words a model follows: what it got, and the exact call for the rest. */
function restNote(name: string, file: string, shown: number, total: number, next: number, from = 0): string {
  const args = JSON.stringify({ name, file, offset: next });
  return `[truncated: bytes ${from}–${from + shown} of ${total} shown. Read the rest with skill_read_file ${args}]`;
}

/** Size of a regular file, or undefined when there is none at `path`. */
function fileSize(path: string): number | undefined {
  try {
    const st = statSync(path);
    return st.isFile() ? st.size : undefined;
  } catch {
    return undefined;
  }
}

export const skillFeedback = defineTool({
  name: 'skill_feedback',
  title: 'Report how a skill worked',
  description:
    'After using a skill, say whether it helped (success true) or not (false), with a short note why. ' +
    'This feeds the learning loop: failing skills get rewritten, proven ones marked validated.',
  input: {
    name: z.string(),
    success: z.boolean(),
    note: z.string().max(1000).optional(),
    invocation_id: z.string().optional().describe('From skill_load; the latest use of the skill when absent.'),
  },
  output: { invocation_id: z.string(), success: z.boolean() },
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: true, openWorldHint: false },
  handle(args, kit) {
    const id =
      args.invocation_id ??
      latestInvocation(kit.db, args.name)?.id ??
      recordInvocation(kit.db, { skillName: args.name, source: 'mcp', at: kit.clock.now() });
    if (!setInvocationOutcome(kit.db, id, args.success, `feedback: ${args.note ?? (args.success ? 'worked' : 'did not work')}`)) {
      throw new KeiError('invocation_not_found', `no skill invocation ${id}`, { field: 'invocation_id' });
    }
    return {
      structured: { invocation_id: id, success: args.success },
      text: `Recorded: ${args.name} ${args.success ? 'helped' : 'did not help'}.`,
    };
  },
});
