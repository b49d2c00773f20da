import { z } from 'zod';
import { KeiError } from '../core/errors.js';
import type { Clearance } from '../gate/grey-zone.js';
import type { Kit } from '../kit.js';
import { preview, type Target } from '../memory/index.js';
import { defineTool } from './define-tool.js';

const scope = z.enum(['user', 'project', 'team']);
const tags = z.array(z.string()).max(20);

const memoryShape = {
  id: z.string(),
  content: z.string(),
  scope,
  tags: z.array(z.string()),
};

export const memorySearch = defineTool({
  name: 'memory_search',
  title: 'Search memory',
  description:
    'Search what you have remembered about this user and project (facts, preferences, decisions). Use it ' +
    'at the start of a task or when the user refers to something from before. Any text is a valid query; ' +
    'an empty query lists the most recent entries. Returns entries ranked by relevance with id, content, ' +
    'scope, tags, score and a snippet. When very many entries contain all the words, the most recent of ' +
    'them are ranked: add a distinctive word to reach older ones.',
  input: {
    query: z.string().describe('Words to look for; any text is accepted.'),
    scope: scope
      .optional()
      .describe('Only "user" (about the person, every project) or "project" (this repository) entries; both when absent.'),
    tags: tags.optional().describe('Only entries carrying all of these tags.'),
    limit: z.number().int().min(1).max(100).optional().describe('Most results to return (default 10).'),
  },
  output: {
    count: z.number(),
    results: z.array(z.object({ ...memoryShape, score: z.number(), snippet: z.string() })),
  },
  annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false },
  handle(args, kit) {
    const hits = kit.memory.search(args.query, { scope: args.scope, tags: args.tags, limit: args.limit });
    const text = hits.length === 0 ? 'No matching memories.' : hits.map((h) => `[${h.id}] (${h.scope}) ${h.content}`).join('\n');
    const results = hits.map((h) => ({ id: h.id, content: h.content, scope: h.scope, tags: h.tags, score: h.score, snippet: h.snippet }));
    return { structured: { count: hits.length, results }, text };
  },
});

export const memoryAdd = defineTool({
  name: 'memory_add',
  title: 'Remember something',
  description:
    'Save one durable fact worth knowing in future sessions: something the user told you about ' +
    'themselves, an explicit preference ("always use pnpm"), or a project decision. Do not save task ' +
    'progress, tool output, secrets or anything the user did not state. scope "user" follows the person ' +
    'to every project; "project" stays with this repository. An entry equal to an existing one returns ' +
    'the existing id. Every entry is checked by an injection guard; a refused entry names the rule.',
  input: {
    content: z.string().describe('The fact, in one or two plain sentences.'),
    scope: scope.optional().describe('"user" (default) or "project".'),
    tags: tags.optional().describe('Optional short labels, e.g. ["tooling"].'),
  },
  output: { ...memoryShape, duplicate: z.boolean() },
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: true, openWorldHint: false },
  async handle(args, kit) {
    const source = 'mcp:memory_add';
    const clearance = await agentClearance(kit, args.content, source);
    const { memory, duplicate } = kit.memory.add(args.content, { scope: args.scope, tags: args.tags, source, clearance });
    const text = duplicate
      ? `Already remembered as ${memory.id}: ${preview(memory.content)}`
      : `Remembered as ${memory.id} (${memory.scope}).`;
    return { structured: { id: memory.id, content: memory.content, scope: memory.scope, tags: memory.tags, duplicate }, text };
  },
});

export const memoryReplace = defineTool({
  name: 'memory_replace',
  title: 'Correct a memory',
  description:
    'Replace an entry that is outdated or wrong. Name it by id, or by old_text: a distinctive part of ' +
    'its current content. If several entries contain old_text you get their previews and must be more ' +
    'specific; if none does you get the closest ones. The new content is checked by the injection guard. ' +
    'The previous text is kept and can be restored with `kei-skills memory undo <id>`.',
  input: {
    id: z.string().optional().describe('Id of the entry to change.'),
    old_text: z.string().optional().describe('A part of the current content that identifies exactly one entry.'),
    new_content: z.string().describe('The full replacement text.'),
    tags: tags.optional().describe('New tags; the old ones are kept when absent.'),
  },
  output: { id: z.string(), before: z.string(), after: z.string() },
  annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: false, openWorldHint: false },
  handle(args, kit) {
    const { before, after } = kit.memory.replace(targetOf(args), args.new_content, { tags: args.tags, source: 'mcp:memory_replace' });
    return {
      structured: { id: after.id, before: before.content, after: after.content },
      text: `Updated ${after.id}: ${preview(after.content)}`,
    };
  },
});

export const memoryRemove = defineTool({
  name: 'memory_remove',
  title: 'Forget a memory',
  description:
    'Delete an entry the user asked you to forget or that is no longer true. Name it by id, or by ' +
    'old_text: a distinctive part of its content (ambiguous or missing matches are refused with ' +
    'previews). Removed entries can be restored with `kei-skills memory undo <id>`.',
  input: {
    id: z.string().optional().describe('Id of the entry to remove.'),
    old_text: z.string().optional().describe('A part of the content that identifies exactly one entry.'),
  },
  output: { id: z.string(), removed: z.string() },
  annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: false, openWorldHint: false },
  handle(args, kit) {
    const removed = kit.memory.remove(targetOf(args), { source: 'mcp:memory_remove' });
    return { structured: { id: removed.id, removed: removed.content }, text: `Removed ${removed.id}: ${preview(removed.content)}` };
  },
});

function targetOf(args: { id?: string; old_text?: string }): Target {
  if (args.id !== undefined && args.old_text !== undefined)
    throw new KeiError('invalid_target', 'give either id or old_text, not both', { field: 'id' });
  if (args.id !== undefined) return { id: args.id };
  if (args.old_text !== undefined) return { oldText: args.old_text };
  throw new KeiError('invalid_target', 'name the entry with id or old_text', { field: 'old_text' });
}

export const MEMORY_TOOLS = [memorySearch, memoryAdd, memoryReplace, memoryRemove];

/** The model judge of the agent's own grey-zone writes: loaded and asked only with config guard.judgeMemoryAdd on. */
async function agentClearance(kit: Kit, content: string, source: string): Promise<Clearance | undefined> {
  if (!kit.config.guard.judgeMemoryAdd) return undefined;
  const { judgeAgentMemory } = await import('../learn/guard-judge.js');
  return judgeAgentMemory(kit, content, source);
}
