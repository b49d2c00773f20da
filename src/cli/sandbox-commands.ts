import type { Command } from 'commander';
import { openSandboxBackend } from '../sandbox/index.js';
import { bwrapAvailable } from '../sandbox/local.js';
import type { Kit } from '../kit.js';
import { formatTable, formatTime, printJson, printLine } from './output.js';
import { shellCommandFor } from './shell-words.js';
import { withKit } from './with-kit.js';

const open = (kit: Kit, backend?: string) =>
  openSandboxBackend({ db: kit.db, clock: kit.clock, config: kit.config, keiHome: kit.paths.home, env: kit.env }, backend);

export function registerSandboxCommands(program: Command): void {
  const sandbox = program.command('sandbox').description('run untrusted commands isolated (bubblewrap, sandbox-exec, Daytona)');
  registerSandboxExec(sandbox);
  registerSandboxLs(sandbox);
  registerSandboxStop(sandbox);
  registerSandboxRm(sandbox);
  registerSandboxDoctor(sandbox);
}

function registerSandboxExec(sandbox: Command): void {
  sandbox
    .command('exec')
    .argument('<command...>')
    .option('--name <sandbox>', 'persistent sandbox (files kept between runs)')
    .option('--backend <b>', 'auto|bwrap|sandbox-exec|daytona|none')
    .option('--timeout <ms>', 'wall-clock limit')
    .option(
      '--ro <path>',
      'mount a host path read-only (repeatable; the host is otherwise not visible)',
      (v: string, all: string[]) => [...all, v],
      [] as string[],
    )
    .option('--json')
    .description('run a command in a sandbox; exits with its exit code')
    .addHelpText(
      'after',
      '\nExamples:\n  kei-skills sandbox exec -- curl https://example.com      (fails: no network)\n  ' +
        'kei-skills sandbox exec --name build -- make test\n  kei-skills sandbox exec --ro /opt/tools -- ' +
        '/opt/tools/bin/lint .',
    )
    .action((words: string[], options: { name?: string; backend?: string; timeout?: string; ro: string[]; json?: boolean }) =>
      withKit(async (kit) => {
        const r = await open(kit, options.backend).exec(options.name, {
          command: shellCommandFor(words),
          timeoutMs: options.timeout ? Number(options.timeout) : undefined,
          readOnly: options.ro,
        });
        if (options.json) printJson(r);
        else {
          process.stdout.write(r.stdout);
          process.stderr.write(r.stderr);
          if (r.timedOut) process.stderr.write(`kei-skills: timed out after ${r.durationMs} ms\n`);
          if (r.truncated) process.stderr.write('kei-skills: output truncated at the cap\n');
        }
        process.exitCode = r.exitCode ?? 124;
      }),
    );
}

function registerSandboxLs(sandbox: Command): void {
  sandbox
    .command('ls')
    .option('--backend <b>')
    .option('--json')
    .description('list named sandboxes')
    .addHelpText('after', '\nExample:\n  kei-skills sandbox ls')
    .action((options: { backend?: string; json?: boolean }) =>
      withKit(async (kit) => {
        const list = await open(kit, options.backend).list();
        if (options.json) return printJson(list);
        printLine(
          list.length === 0
            ? 'No sandboxes.'
            : formatTable(
                ['name', 'backend', 'state', 'last used'],
                list.map((s) => [s.name, s.backend, s.state, formatTime(s.lastUsedAt)]),
              ),
        );
      }),
    );
}

function registerSandboxStop(sandbox: Command): void {
  sandbox
    .command('stop')
    .argument('<name>')
    .option('--backend <b>')
    .description('stop a named sandbox')
    .addHelpText('after', '\nExample:\n  kei-skills sandbox stop build')
    .action((name: string, options: { backend?: string }) =>
      withKit(async (kit) => {
        await open(kit, options.backend).stop(name);
        printLine(`Stopped ${name}.`);
      }),
    );
}

function registerSandboxRm(sandbox: Command): void {
  sandbox
    .command('rm')
    .argument('<name>')
    .option('--backend <b>')
    .description('delete a named sandbox and its files')
    .addHelpText('after', '\nExample:\n  kei-skills sandbox rm build')
    .action((name: string, options: { backend?: string }) =>
      withKit(async (kit) => {
        await open(kit, options.backend).delete(name);
        printLine(`Deleted ${name}.`);
      }),
    );
}

function registerSandboxDoctor(sandbox: Command): void {
  sandbox
    .command('doctor')
    .description('which sandbox backends work here')
    .addHelpText('after', '\nExample:\n  kei-skills sandbox doctor')
    .action(() =>
      withKit(async (kit) => {
        const rows = [
          ['bubblewrap', bwrapAvailable() ? 'available' : 'missing (apt-get install bubblewrap)'],
          ['sandbox-exec', process.platform === 'darwin' ? 'available' : 'macOS only'],
          ['daytona', kit.env.DAYTONA_API_KEY ? 'DAYTONA_API_KEY set' : 'no DAYTONA_API_KEY'],
          ['configured', kit.config.sandbox.backend],
        ];
        printLine(formatTable(['backend', 'status'], rows));
        try {
          const box = open(kit);
          const r = await box.exec(undefined, { command: 'echo sandbox-ok', timeoutMs: 10_000 });
          printLine(`auto → ${box.name}: ${r.stdout.trim() === 'sandbox-ok' ? 'works' : `failed (${r.stderr.trim()})`}`);
        } catch (err) {
          printLine(`auto → ${(err as Error).message}`);
          process.exitCode = 1;
        }
      }),
    );
}
