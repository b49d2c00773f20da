import { createInterface } from 'node:readline/promises';
import type { Command } from 'commander';
import { installSkill, restoreFromLock, tapStore } from '../taps/install.js';
import type { FolderScan } from '../taps/scan-folder.js';
import { outdatedSkills, publishSkills, updateSkills } from '../taps/maintain.js';
import { describeSkipped } from '../skills/problems.js';
import { formatTable, formatTime, printJson, printLine } from './output.js';
import { whileShowing, withProgress } from './progress.js';
import { withKit } from './with-kit.js';

type Opts = { force?: boolean; yes?: boolean; json?: boolean };

async function askOnTty(scan: FolderScan): Promise<boolean> {
  if (!process.stdin.isTTY) return false;
  process.stderr.write(`Warnings:\n${scan.warnings.map((w) => `  ${w.file}: ${w.rule} "${w.excerpt}"`).join('\n')}\n`);
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  const answer = await rl.question('Install anyway? [y/N] ');
  rl.close();
  return /^y(es)?$/i.test(answer.trim());
}

export function registerTapCommands(program: Command): void {
  const tap = program.command('tap').description('skill sources: git repositories (or folders) of skill folders');
  registerTapAdd(tap);
  registerTapList(tap);
  registerTapRemove(tap);
  registerTapUpdate(tap);
  registerSearch(program);
  registerInstallCommands(program);
}

function registerInstallCommands(program: Command): void {
  registerInstall(program);
  registerRestore(program);
  registerOutdated(program);
  registerUpdate(program);
  registerPublish(program);
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

function registerInstall(program: Command): void {
  program
    .command('install')
    .argument('<spec>', '<tap>/<skill> or <git-url>#<path>')
    .option('--force', 'install despite guard blocks (never despite critical findings)')
    .option('--yes', 'accept warnings without asking')
    .description('install a skill: quarantine, validate, scan every file, then install atomically and lock')
    .addHelpText(
      'after',
      '\nExamples:\n  kei-skills install team/release-notes\n  kei-skills install https://example.invalid/skills.git#skills/pdf --yes',
    )
    .action((spec: string, options: Opts) =>
      withKit(async (kit) => {
        const r = await installSkill(kit, spec, { force: options.force, yes: options.yes, confirm: askOnTty });
        for (const w of r.scan.specWarnings) process.stderr.write(`kei-skills: warning: ${r.name}: ${w}\n`);
        printLine(`Installed ${r.name} → ${r.path} (${r.commit.slice(0, 10)}; ${r.scan.warnings.length} warning(s) accepted)`);
      }),
    );
}

function registerRestore(program: Command): void {
  program
    .command('restore')
    .option('--force')
    .option('--yes')
    .description('reinstall exactly what skills.lock.json records (a new machine)')
    .addHelpText('after', '\nExample:\n  kei-skills restore --yes')
    .action((options: Opts) =>
      withKit(async (kit) => {
        for (const r of await withProgress('restore', (onProgress) =>
          restoreFromLock(kit, { force: options.force, yes: options.yes, confirm: askOnTty, onProgress }),
        ))
          printLine(`${r.name}: ${r.action}`);
      }),
    );
}

function registerOutdated(program: Command): void {
  program
    .command('outdated')
    .option('--json')
    .description('installed skills whose source has newer commits')
    .addHelpText('after', '\nExample:\n  kei-skills outdated')
    .action((options: Opts) =>
      withKit((kit) => {
        const list = outdatedSkills(kit);
        if (options.json) return printJson(list);
        printLine(
          list.length
            ? list.map((x) => `${x.name}: ${x.locked.slice(0, 10)} → ${x.latest.slice(0, 10)}`).join('\n')
            : 'Everything is up to date.',
        );
      }),
    );
}

function registerUpdate(program: Command): void {
  program
    .command('update')
    .argument('[name]')
    .option('--force')
    .option('--yes')
    .description('reinstall outdated skills from their latest commit (scanned again)')
    .addHelpText('after', '\nExample:\n  kei-skills update --yes')
    .action((name: string | undefined, options: Opts) =>
      withKit(async (kit) => {
        const done = await withProgress('update', (onProgress) =>
          updateSkills(kit, name, { force: options.force, yes: options.yes, confirm: askOnTty, onProgress }),
        );
        printLine(done.length ? `Updated ${done.join(', ')}` : 'Nothing to update.');
      }),
    );
}

function registerPublish(program: Command): void {
  program
    .command('publish')
    .argument('<dir>')
    .description('write your skills as a tap-compatible folder')
    .addHelpText('after', '\nExample:\n  kei-skills publish ~/code/my-skills && cd ~/code/my-skills && git add -A && git commit -m skills')
    .action((dir: string) =>
      withKit((kit) => {
        const report = publishSkills(kit, dir);
        printLine(`Published ${report.published} skills to ${dir}`);
        for (const line of describeSkipped(report.skipped, 'not published')) process.stderr.write(`kei-skills: ${line}\n`);
        if (report.skipped.length > 0) process.exitCode = 1;
      }),
    );
}
