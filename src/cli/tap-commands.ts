import type { Command } from 'commander';
import { tapStore } from '../taps/install.js';
import { registerInstallCommands } from './skill-install-commands.js';
import { formatTable, formatTime, printJson, printLine } from './output.js';
import { whileShowing } from './progress.js';
import { withKit } from './with-kit.js';

type Opts = { force?: boolean; yes?: boolean; json?: boolean };

export function registerTapCommands(program: Command): void {
  const tap = program.command('tap').description('skill sources: git repositories (or folders) of skill folders');
  registerTapAdd(tap);
  registerTapList(tap);
  registerTapRemove(tap);
  registerTapUpdate(tap);
  registerSearch(program);
  registerInstallCommands(program);
}

function registerTapAdd(tap: Command): void {
  tap
    .command('add')
    .argument('<git-url|path>')
    .option('--path <sub/dir>', 'skills live under this folder')
    .option('--name <name>')
    .description('add a tap (shallow clone with git)')
    .addHelpText(
      'after',
      '\nExamples:\n  kei-skills tap add https://example.invalid/team/skills.git --name team\n  kei-skills tap add ../my-skills',
    )
    .action((url: string, options: { path?: string; name?: string }) =>
      withKit(async (kit) => {
        const t = await whileShowing(`tap add: cloning ${url}…`, () => tapStore(kit).add(url, options));
        printLine(`Added tap ${t.name} at ${t.commit_sha?.slice(0, 10)} (${tapStore(kit).skills(t.name).length} skills)`);
      }),
    );
}

function registerTapList(tap: Command): void {
  tap
    .command('list')
    .option('--json')
    .description('list taps')
    .addHelpText('after', '\nExample:\n  kei-skills tap list')
    .action((options: Opts) =>
      withKit((kit) => {
        const taps = tapStore(kit).list();
        if (options.json) return printJson(taps);
        printLine(
          taps.length
            ? formatTable(
                ['name', 'url', 'commit', 'updated'],
                taps.map((t) => [t.name, t.url, (t.commit_sha ?? '').slice(0, 10), formatTime(t.updated_at ?? t.added_at)]),
              )
            : 'No taps.',
        );
      }),
    );
}

function registerTapRemove(tap: Command): void {
  tap
    .command('remove')
    .argument('<name>')
    .description('remove a tap (installed skills stay)')
    .addHelpText('after', '\nExample:\n  kei-skills tap remove team')
    .action((name: string) =>
      withKit((kit) => {
        tapStore(kit).remove(name);
        printLine(`Removed tap ${name}.`);
      }),
    );
}

function registerTapUpdate(tap: Command): void {
  tap
    .command('update')
    .argument('[name]')
    .description('fetch the latest commit of one tap or all')
    .addHelpText('after', '\nExample:\n  kei-skills tap update')
    .action((name: string | undefined) =>
      withKit((kit) => {
        const store = tapStore(kit);
        for (const t of name ? [store.get(name)] : store.list()) printLine(`${t.name}: ${store.update(t.name).commit_sha?.slice(0, 10)}`);
      }),
    );
}

function registerSearch(program: Command): void {
  program
    .command('search')
    .argument('<query...>')
    .option('--json')
    .description('search the skills of every tap')
    .addHelpText('after', '\nExample:\n  kei-skills search release notes')
    .action((words: string[], options: Opts) =>
      withKit((kit) => {
        const hits = tapStore(kit).search(words.join(' '));
        if (options.json)
          return printJson(
            hits.map((h) => ({
              name: h.skill.name,
              tap: h.skill.rootLabel.replace('tap:', ''),
              description: h.skill.description,
              score: h.score,
            })),
          );
        printLine(
          hits.length
            ? formatTable(
                ['install as', 'score', 'description'],
                hits.map((h) => [`${h.skill.rootLabel.replace('tap:', '')}/${h.skill.name}`, String(h.score), h.skill.description]),
              )
            : 'No matches.',
        );
      }),
    );
}
