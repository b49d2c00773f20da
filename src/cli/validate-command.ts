import type { Command } from 'commander';
import { validatePaths } from '../skills/validate-paths.js';
import { failWith, printJson, printLine } from './output.js';

export function registerValidateCommand(program: Command): void {
  program
    .command('validate')
    .argument('[paths...]', 'SKILL.md files or folders to walk', ['.'])
    .option('--json', 'one JSON array, an object per file')
    .description('check SKILL.md files against the Agent Skills spec (exit 1 on any error)')
    .addHelpText('after', '\nExamples:\n  kei-skills validate ~/.claude/skills\n  kei-skills validate my-skill/SKILL.md --json')
    .action((paths: string[], options: { json?: boolean }) => {
      try {
        const reports = validatePaths(paths);
        if (options.json) printJson(reports);
        else
          for (const r of reports)
            printLine(
              `${r.findings.some((f) => f.severity === 'error') ? 'FAIL' : 'ok  '} ${r.path}` +
                r.findings.map((f) => `\n     ${f.severity}: ${f.rule}: ${f.message}`).join(''),
            );
        if (reports.some((r) => r.findings.some((f) => f.severity === 'error'))) process.exitCode = 1;
      } catch (err) {
        failWith(err);
      }
    });
}
