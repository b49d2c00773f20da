import type { Command } from 'commander';
import { KeiError } from '../core/errors.js';
import type { Memory, Scope, Target } from '../memory/index.js';
import { formatTable, formatTime, parseTags, printJson, printLine } from './output.js';
import { withKit } from './with-kit.js';

interface CommonOptions {
  json?: boolean;
  scope?: Scope;
  tags?: string;
}

export function registerMemoryCommands(program: Command): void {
  const memory = program.command('memory').description('search and edit what agents remember');
  registerMemorySearch(memory);
  registerMemoryAdd(memory);
  registerChangeCommands(memory);
  registerInspectCommands(memory);
}

function registerChangeCommands(memory: Command): void {
  registerMemoryReplace(memory);
  registerMemoryRemove(memory);
  registerMemoryUndo(memory);
}

function registerInspectCommands(memory: Command): void {
  registerMemoryList(memory);
  registerMemoryStats(memory);
}

function listTable(items: Memory[]): string {
  return formatTable(
    ['id', 'scope', 'tags', 'updated', 'content'],
    items.map((m) => [m.id, m.scope, m.tags.join(','), formatTime(m.updatedAt), m.content]),
  );
}

function targetOf(value: string, isId: boolean): Target {
  if (value.trim() === '') throw new KeiError('invalid_target', 'target is empty');
  return isId ? { id: value } : { oldText: value };
}

function registerMemorySearch(memory: Command): void {
  memory
    .command('search')
    .argument('[query...]', 'words to look for (any text)')
    .option('--scope <scope>', 'user, project or team')
    .option('--tags <list>', 'comma-separated tags, all required')
    .option('--limit <n>', 'most results', '10')
    .option('--json', 'machine-readable output')
    .description('rank memories by relevance to a query')
    .addHelpText('after', '\nExamples:\n  kei-skills memory search pnpm\n  kei-skills memory search "test runner" --scope project --json')
    .action((words: string[], options: CommonOptions & { limit: string }) =>
      withKit((kit) => {
        const hits = kit.memory.search(words.join(' '), {
          scope: options.scope,
          tags: parseTags(options.tags),
          limit: Number(options.limit),
        });
        if (options.json) return printJson(hits);
        printLine(
          hits.length === 0
            ? 'No matching memories.'
            : formatTable(
                ['id', 'scope', 'relevance', 'content'],
                hits.map((h) => [h.id, h.scope, relevance(h.score, Math.max(...hits.map((x) => x.score))), h.content]),
              ),
        );
      }),
    );
}

function registerMemoryAdd(memory: Command): void {
  memory
    .command('add')
    .argument('<content...>', 'the fact to remember')
    .option('--scope <scope>', 'user (default), project or team')
    .option('--tags <list>', 'comma-separated tags')
    .option('--json', 'machine-readable output')
    .description('remember a fact (checked by the injection guard)')
    .addHelpText(
      'after',
      '\nExamples:\n  kei-skills memory add "Prefers pnpm over npm" --tags tooling\n  kei-skills memory add ' +
        '"API lives in services/api" --scope project',
    )
    .action((words: string[], options: CommonOptions) =>
      withKit((kit) => {
        const { memory: m, duplicate } = kit.memory.add(words.join(' '), {
          scope: options.scope,
          tags: parseTags(options.tags),
          source: 'cli',
        });
        if (options.json) return printJson({ ...m, duplicate });
        printLine(duplicate ? `Already remembered as ${m.id}.` : `Remembered as ${m.id} (${m.scope}).`);
      }),
    );
}

function registerMemoryReplace(memory: Command): void {
  memory
    .command('replace')
    .argument('<target>', "an id, or a part of the entry's text")
    .argument('<content...>', 'the new text')
    .option('--tags <list>', 'new comma-separated tags')
    .option('--json', 'machine-readable output')
    .description('replace one entry (by id or unique text)')
    .addHelpText(
      'after',
      '\nExamples:\n  kei-skills memory replace m_abc123 "Prefers bun now"\n  kei-skills memory replace "pnpm" "Prefers bun over pnpm"',
    )
    .action((target: string, words: string[], options: CommonOptions) =>
      withKit((kit) => {
        const { after } = kit.memory.replace(targetOf(target, kit.memory.get(target) !== undefined), words.join(' '), {
          tags: parseTags(options.tags),
          source: 'cli',
        });
        if (options.json) return printJson(after);
        printLine(`Updated ${after.id}.`);
      }),
    );
}

function registerMemoryRemove(memory: Command): void {
  memory
    .command('remove')
    .alias('rm')
    .argument('<target>', "an id, or a part of the entry's text")
    .option('--json', 'machine-readable output')
    .description('remove one entry (undo restores it)')
    .addHelpText('after', '\nExamples:\n  kei-skills memory remove m_abc123\n  kei-skills memory remove "old staging URL"')
    .action((target: string, options: CommonOptions) =>
      withKit((kit) => {
        const removed = kit.memory.remove(targetOf(target, kit.memory.get(target) !== undefined), { source: 'cli' });
        if (options.json) return printJson(removed);
        printLine(`Removed ${removed.id}. Restore it with: kei-skills memory undo ${removed.id}`);
      }),
    );
}

function registerMemoryUndo(memory: Command): void {
  memory
    .command('undo')
    .argument('<id>', 'the entry whose last change to reverse')
    .option('--json', 'machine-readable output')
    .description('reverse the last add, replace or remove of an entry')
    .addHelpText('after', '\nExample:\n  kei-skills memory undo m_abc123')
    .action((id: string, options: CommonOptions) =>
      withKit((kit) => {
        const result = kit.memory.undo(id);
        if (options.json) return printJson(result);
        printLine(`Undid the ${result.action} of ${id}${result.memory ? `: ${result.memory.content}` : ' (entry removed)'}.`);
      }),
    );
}

function registerMemoryList(memory: Command): void {
  memory
    .command('list')
    .option('--scope <scope>', 'user, project or team')
    .option('--tags <list>', 'comma-separated tags')
    .option('--limit <n>', 'most entries', '50')
    .option('--json', 'machine-readable output')
    .description('list entries, newest first')
    .addHelpText('after', '\nExamples:\n  kei-skills memory list\n  kei-skills memory list --scope project --json')
    .action((options: CommonOptions & { limit: string }) =>
      withKit((kit) => {
        const items = kit.memory.list({ scope: options.scope, tags: parseTags(options.tags), limit: Number(options.limit) });
        if (options.json) return printJson(items);
        printLine(items.length === 0 ? 'No memories yet.' : listTable(items));
      }),
    );
}

function registerMemoryStats(memory: Command): void {
  memory
    .command('stats')
    .option('--json', 'machine-readable output')
    .description('counts, history and guard blocks')
    .addHelpText('after', '\nExample:\n  kei-skills memory stats --json')
    .action((options: CommonOptions) =>
      withKit((kit) => {
        const s = kit.memory.stats();
        if (options.json) return printJson(s);
        printLine(
          formatTable(
            ['what', 'value'],
            [
              ['memories', String(s.total)],
              ['user scope', String(s.user)],
              ['project scope (all projects)', String(s.project)],
              ['this project', String(s.thisProject)],
              ['projects', String(s.projects)],
              ['history entries', String(s.historyEntries)],
              ['writes blocked by the guard', String(s.guardBlocks)],
              ['oldest', formatTime(s.oldest)],
              ['newest', formatTime(s.newest)],
            ],
          ),
        );
      }),
    );
}

/** Each hit against the best (bm25 has no fixed scale; ~1e-6 for common words); `--json` keeps the raw score. */
const relevance = (score: number, best: number): string => (best > 0 ? (score / best).toFixed(2) : '-');
