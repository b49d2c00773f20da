import { spawn, spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync } from 'node:fs';
import type { Kit } from '../kit.js';
import { invokerStatus } from '../learn/invoker/index.js';
import { summarizeSkipped } from '../skills/problems.js';
import { claudeCodeFiles } from './claude-code.js';
import { executables, isOurHookCommand } from './executables.js';
import { readOrNull } from './file-change.js';
import { parseJsonc } from './jsonc.js';

export interface Check {
  name: string;
  ok: boolean;
  detail: string;
  fix?: string;
  /** Informational rows never fail the doctor (an optional back end that is absent). */
  optional?: boolean;
}

/** Every check `kei-skills doctor` runs, in order. */
export async function runDoctor(kit: Kit, home: string, project: string): Promise<Check[]> {
  return [
    nodeCheck(),
    homeCheck(kit),
    dbCheck(kit),
    skillsCheck(kit),
    ...hookChecks(home, project),
    await mcpCheck(kit),
    sandboxCheck(),
    modelCheck(kit),
  ];
}

function nodeCheck(): Check {
  const [major, minor] = process.versions.node.split('.').map(Number);
  const ok = major > 20 || (major === 20 && minor >= 19);
  return { name: 'Node.js', ok, detail: process.version, fix: 'install Node.js 20.19 or newer' };
}

function homeCheck(kit: Kit): Check {
  try {
    accessSync(kit.paths.home, constants.W_OK);
    return { name: 'KEI_HOME writable', ok: true, detail: kit.paths.home };
  } catch {
    return {
      name: 'KEI_HOME writable',
      ok: false,
      detail: kit.paths.home,
      fix: `chmod u+rwx ${kit.paths.home} or set KEI_HOME to a writable folder`,
    };
  }
}

function dbCheck(kit: Kit): Check {
  const result = kit.db.pragma('quick_check', { simple: true });
  return {
    name: 'database integrity',
    ok: result === 'ok',
    detail: String(result),
    fix: `restore ${kit.paths.db} from a backup, or move it away to start fresh`,
  };
}

/** SKILL.md files that did not load (hostile, unparseable, no description): counted and the first one named. */
function skillsCheck(kit: Kit): Check {
  const problems = kit.skills.registry.problems();
  const loaded = kit.skills.registry.all().length;
  if (problems.length === 0) return { name: 'skills', ok: true, detail: `${loaded} loaded, none skipped` };
  return {
    name: 'skills',
    ok: false,
    optional: true,
    detail: `${loaded} loaded, ${summarizeSkipped(problems)}`,
    fix: 'kei-skills list names every skipped file and why; fix or remove it (kei-skills validate <path>)',
  };
}

function hookChecks(home: string, project: string): Check[] {
  return (['user', 'project'] as const).map((scope) => {
    const { settings } = claudeCodeFiles(scope, home, project);
    let commands: string[] = [];
    try {
      const hooks = (parseJsonc(readOrNull(settings), settings).hooks ?? {}) as Record<string, { hooks?: { command?: string }[] }[]>;
      commands = Object.values(hooks)
        .flat()
        .flatMap((g) => g.hooks ?? [])
        .map((h) => h.command ?? '')
        .filter(isOurHookCommand);
    } catch (err) {
      return { name: `Claude Code hooks (${scope})`, ok: false, detail: (err as Error).message, fix: `repair ${settings}` };
    }
    if (commands.length === 0)
      return {
        name: `Claude Code hooks (${scope})`,
        ok: true,
        optional: true,
        detail: 'not installed',
        fix: `kei-skills setup claude-code --scope ${scope}`,
      };
    const missing = commands
      .map((c) => /'([^']*kei-hook[^']*)'|(\S*kei-hook\.c?js)/.exec(c))
      .map((m) => m?.[1] ?? m?.[2] ?? '')
      .filter((p) => !existsSync(p));
    return {
      name: `Claude Code hooks (${scope})`,
      ok: missing.length === 0,
      detail: missing.length ? `points at missing ${missing[0]}` : `${commands.length} events → ${executables().hook}`,
      fix: `kei-skills setup claude-code --scope ${scope}`,
    };
  });
}

/** Starts kei-mcp the way a client would and asks for its tools. */
function mcpCheck(kit: Kit): Promise<Check> {
  return new Promise((resolve) => {
    const exe = executables();
    const child = spawn(exe.node, [exe.mcp], { env: { ...process.env, KEI_HOME: kit.paths.home }, stdio: ['pipe', 'pipe', 'ignore'] });
    let out = '';
    const done = (check: Check) => {
      clearTimeout(timer);
      child.kill();
      resolve(check);
    };
    const timer = setTimeout(
      () => done({ name: 'MCP server', ok: false, detail: 'no answer within 10 s', fix: 'run kei-mcp by hand and read logs/mcp.log' }),
      10_000,
    );
    child.stdout.on('data', (d) => {
      out += d;
      const line = out.split('\n').find((l) => l.includes('"id":2'));
      if (line) done({ name: 'MCP server', ok: true, detail: `${(JSON.parse(line).result?.tools ?? []).length} tools` });
    });
    child.on('error', (err) => done({ name: 'MCP server', ok: false, detail: err.message, fix: 'npm ci && npm run build' }));
    const send = (m: object) => child.stdin.write(`${JSON.stringify(m)}\n`);
    send({
      jsonrpc: '2.0',
      id: 1,
      method: 'initialize',
      params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'kei-doctor', version: '1' } },
    });
    send({ jsonrpc: '2.0', method: 'notifications/initialized' });
    send({ jsonrpc: '2.0', id: 2, method: 'tools/list' });
  });
}

function sandboxCheck(): Check {
  const bwrap = spawnSync('bwrap', ['--version'], { encoding: 'utf8' });
  const ok = bwrap.status === 0;
  return {
    name: 'sandbox (bubblewrap)',
    ok,
    optional: true,
    detail: ok ? bwrap.stdout.trim() : 'not found',
    fix: 'sudo apt-get install bubblewrap',
  };
}

function modelCheck(kit: Kit): Check {
  const fix = 'set ANTHROPIC_API_KEY, install the claude CLI, or set invoker.command (KEI_INVOKER_COMMAND)';
  const { backend, reason, error, usage } = invokerStatus(kit);
  if (error) return { name: 'model back end', ok: false, detail: error, fix };
  const budget = `today ${usage.calls}/${kit.config.budget.callsPerDay} calls, ${usage.tokens}/${kit.config.budget.tokensPerDay} tokens`;
  if (!backend) return { name: 'model back end', ok: false, optional: true, detail: `none: learning runs offline only (${budget})`, fix };
  return { name: 'model back end', ok: true, detail: `${backend}: ${reason}; ${budget}` };
}

export function doctorFailed(checks: Check[]): boolean {
  return checks.some((c) => !c.ok && !c.optional);
}
