import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { describeSkipped } from '../skills/problems.js';
import { validateFrontmatter } from '../skills/validate.js';
import { CliError, formatTable, formatTime, printJson, printLine } from './output.js';
import { registerValidateCommand } from './validate-command.js';
import { withKit } from './with-kit.js';

type Json = { json?: boolean };

/** Names come from files, so one may start with "-"; commander reads that as an option unless it follows "--". */
const NAME_ARGUMENT = 'skill name (one starting with "-" goes after "--": kei-skills show -- -foo)';
const NAME_HINT = '(a skill name starting with "-" goes after "--", e.g. kei-skills show -- -foo; run with --help for more)';

export function registerSkillCommands(program: Command): void {
  registerListCommand(program);
  registerShowCommand(program);
  registerWhereCommand(program);
  registerValidate(program);
  registerChangeCommands(program);
}

function registerValidate(program: Command): void {
  registerValidateCommand(program);
  registerPatchCommand(program);
  registerVersionCommands(program);
}

function registerVersionCommands(program: Command): void {
  registerRevertCommand(program);
  registerVersionsCommand(program);
}

function registerListCommand(program: Command): void {
  program
    .command('list')
    .description('list the skills visible here, by precedence')
    .option('--category <c>')
    .option('--root <label>')
    .option('--json')
    .addHelpText('after', '\nExamples:\n  kei-skills list\n  kei-skills list --root project-claude --json')
    .action((options: Json & { category?: string; root?: string }) =>
      withKit((kit) => {
        const skills = kit.skills.registry.list(options);
        const skipped = describeSkipped(kit.skills.registry.problems());
        if (options.json) {
          // stdout stays the JSON array; the skipped files go to stderr, where a person still sees them.
          for (const line of skipped) process.stderr.write(`kei-skills: ${line}\n`);
          return printJson(skills.map(({ body: _b, ...rest }) => rest));
        }
        printLine(
          skills.length === 0
            ? 'No skills found.'
            : formatTable(
                ['name', 'root', 'category', 'description'],
                skills.map((s) => [s.name, s.rootLabel, s.category ?? '', s.description]),
              ),
        );
        for (const c of kit.skills.registry.clashes) printLine(`note: ${c.name} from ${c.winner} shadows ${c.shadowed.join(', ')}`);
        for (const line of skipped) printLine(line);
      }),
    );
}

function registerShowCommand(program: Command): void {
  program
    .command('show')
    .argument('<name>', NAME_ARGUMENT)
    .showHelpAfterError(NAME_HINT)
    .option('--json')
    .description('print a skill (frontmatter facts and body)')
    .addHelpText('after', '\nExample:\n  kei-skills show deploy-app')
    .action((name: string, options: Json) =>
      withKit((kit) => {
        const skill = kit.skills.registry.get(name);
        if (!skill) throw new CliError(`no skill named "${name}"`);
        if (options.json) return printJson({ ...skill, files: kit.skills.registry.filesOf(skill) });
        printLine(`${skill.name} (${skill.rootLabel}) ${skill.path}\n${skill.description}\n${skill.body}`);
      }),
    );
}

function registerWhereCommand(program: Command): void {
  program
    .command('where')
    .argument('<name>', NAME_ARGUMENT)
    .showHelpAfterError(NAME_HINT)
    .description('print the path of the SKILL.md that wins, and what it shadows')
    .addHelpText('after', '\nExample:\n  kei-skills where deploy-app')
    .action((name: string) =>
      withKit((kit) => {
        const skill = kit.skills.registry.get(name);
        if (!skill) throw new CliError(`no skill named "${name}"`);
        printLine(skill.path);
        for (const c of kit.skills.registry.clashes.filter((x) => x.name === name)) for (const p of c.shadowed) printLine(`shadows ${p}`);
      }),
    );
}

function registerChangeCommands(program: Command): void {
  program
    .command('new')
    .argument('<name>', NAME_ARGUMENT)
    .showHelpAfterError(NAME_HINT)
    .option('--description <text>', 'what the skill does and when to use it (required)')
    .option('--category <c>', 'folder under KEI_HOME/skills', 'general')
    .option('--body <text>', 'Markdown body (or --body-file)')
    .option('--body-file <path>')
    .description('create a skill in KEI_HOME/skills')
    .addHelpText(
      'after',
      '\nExample:\n  kei-skills new release-notes --description "Write release notes from merged PRs" --body "1. List merged PRs"',
    )
    .action((name: string, options: { description?: string; category: string; body?: string; bodyFile?: string }) =>
      withKit((kit) => {
        const body = options.bodyFile
          ? readFileSync(options.bodyFile, 'utf8')
          : (options.body ?? `# ${name}\n\n1. Describe the first step.\n`);
        const { skill } = kit.skills.writer.create({
          name,
          description: requireDescription(name, options.description),
          body,
          category: options.category,
          source: 'cli',
        });
        printLine(`Created ${skill.path}`);
      }),
    );
}

function registerPatchCommand(program: Command): void {
  program
    .command('patch')
    .argument('<name>', NAME_ARGUMENT)
    .showHelpAfterError(NAME_HINT)
    .requiredOption('--old <text>')
    .requiredOption('--new <text>')
    .option('--file <path>', 'file in the skill folder', 'SKILL.md')
    .option('--all', 'replace every match')
    .description('replace text in a skill file (fuzzy match; ambiguous matches are refused)')
    .addHelpText('after', '\nExample:\n  kei-skills patch deploy-app --old "make deploy" --new "make deploy-staging"')
    .action((name: string, options: { old: string; new: string; file: string; all?: boolean }) =>
      withKit((kit) => {
        const r = kit.skills.writer.patch({
          name,
          old: options.old,
          new: options.new,
          file: options.file,
          replaceAll: options.all,
          source: 'cli',
        });
        printLine(`Patched ${name} (${r.strategy}, ${r.replacements} replacement(s)); now version ${r.version}`);
      }),
    );
}

function registerRevertCommand(program: Command): void {
  program
    .command('revert')
    .argument('<name>', NAME_ARGUMENT)
    .showHelpAfterError(NAME_HINT)
    .option('--to <n>', 'version to restore (default: the one before the latest)')
    .description('restore a previous version of a skill')
    .addHelpText('after', '\nExamples:\n  kei-skills revert deploy-app\n  kei-skills revert deploy-app --to 1')
    .action((name: string, options: { to?: string }) =>
      withKit((kit) => {
        const r = kit.skills.writer.revert(name, options.to === undefined ? undefined : Number(options.to), 'cli');
        printLine(`Reverted ${name}: ${r.restored} file(s) restored; now version ${r.version}`);
      }),
    );
}

function registerVersionsCommand(program: Command): void {
  program
    .command('versions')
    .argument('<name>', NAME_ARGUMENT)
    .showHelpAfterError(NAME_HINT)
    .option('--json')
    .description('list the recorded versions of a skill')
    .addHelpText('after', '\nExample:\n  kei-skills versions deploy-app')
    .action((name: string, options: Json) =>
      withKit((kit) => {
        const skill = kit.skills.registry.get(name);
        if (!skill) throw new CliError(`no skill named "${name}"`);
        const rows = kit.skills.writer.versions
          .list(skill.folder)
          .map(({ content, ...r }) => ({ ...r, bytes: content === null ? null : Buffer.byteLength(content) }));
        if (options.json) return printJson(rows);
        printLine(
          formatTable(
            ['version', 'file', 'action', 'source', 'at'],
            rows.map((r) => [String(r.version), r.file, r.action, r.source, formatTime(r.created_at)]),
          ),
        );
      }),
    );
}

/** Not a commander requiredOption, which is checked before arguments: an invalid name is said first, then a missing description. */
function requireDescription(name: string, description: string | undefined): string {
  if (description !== undefined) return description;
  const bad = validateFrontmatter({ name, description: '-' }, name).find((f) => f.severity === 'error' && f.rule.startsWith('name'));
  throw new CliError(bad ? `invalid skill name: ${bad.message}` : "required option '--description <text>' not specified", 2);
}
