import { createInterface } from 'node:readline/promises';
import type { Command } from 'commander';
import { installSkill, restoreFromLock } from '../taps/install.js';
import type { FolderScan } from '../taps/scan-folder.js';
import type { FileJudge } from '../taps/judge-files.js';
import type { Kit } from '../kit.js';
import { outdatedSkills, publishSkills, updateSkills } from '../taps/maintain.js';
import { describeSkipped } from '../skills/problems.js';
import { printJson, printLine } from './output.js';
import { withProgress } from './progress.js';
import { withKit } from './with-kit.js';

// install, restore, outdated, update and publish: the commands that move skills between taps and KEI_HOME.

type Opts = { force?: boolean; yes?: boolean; json?: boolean };

/** The model judge of grey-zone files (config guard.judgeTaps); the learn module is loaded only when it is on. */
async function judgeFor(kit: Kit): Promise<FileJudge | undefined> {
  if (!kit.config.guard.judgeTaps) return undefined;
  return (await import('../learn/guard-judge.js')).skillFileJudge(kit);
}

async function askOnTty(scan: FolderScan): Promise<boolean> {
  if (!process.stdin.isTTY) return false;
  process.stderr.write(`Warnings:\n${scan.warnings.map((w) => `  ${w.file}: ${w.rule} "${w.excerpt}"`).join('\n')}\n`);
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  const answer = await rl.question('Install anyway? [y/N] ');
  rl.close();
  return /^y(es)?$/i.test(answer.trim());
}

export function registerInstallCommands(program: Command): void {
  registerInstall(program);
  registerRestore(program);
  registerOutdated(program);
  registerUpdate(program);
  registerPublish(program);
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
        const judgeFile = await judgeFor(kit);
        const r = await installSkill(kit, spec, { force: options.force, yes: options.yes, confirm: askOnTty, judgeFile });
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
        const judgeFile = await judgeFor(kit);
        for (const r of await withProgress('restore', (onProgress) =>
          restoreFromLock(kit, { force: options.force, yes: options.yes, confirm: askOnTty, onProgress, judgeFile }),
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
        const judgeFile = await judgeFor(kit);
        const done = await withProgress('update', (onProgress) =>
          updateSkills(kit, name, { force: options.force, yes: options.yes, confirm: askOnTty, onProgress, judgeFile }),
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
