import { spawn, spawnSync } from 'node:child_process';
import { errorMessage } from '../core/errors.js';
import type { Kit } from '../kit.js';
import { invokerStatus } from '../learn/invoker/index.js';
import { summarizeSkipped } from '../skills/problems.js';
import { configCheck, homeCheck, openDoctorKit, skipped } from './doctor-home.js';
import { sqliteCheck } from './doctor-sqlite.js';
import { agentHookChecks } from './doctor-agent-hooks.js';
import { hookChecks } from './doctor-hooks.js';
import { teamChecks } from './doctor-team.js';
import { executables } from './executables.js';

export interface Check {
  name: string;
  ok: boolean;
  detail: string;
  fix?: string;
  /** Informational rows never fail the doctor (an optional back end that is absent). */
  optional?: boolean;
  /** Not run because an earlier row failed (that row says why). */
  skipped?: boolean;
}

export interface DoctorOptions {
  env: NodeJS.ProcessEnv;
  /** The user's home folder (Claude Code's user settings). */
  userHome: string;
  project: string;
}

/**
 * Every check `kei-skills doctor` runs, in order. It never throws: a check that cannot run is a failing row
 * that says why, and a broken data home or config.json fails its own row while the rest run on what opens.
 */
export async function runDoctor(options: DoctorOptions): Promise<Check[]> {
  const home = homeCheck(options.env);
  const config = configCheck(home.home, options.env);
  const { kit, error } = openDoctorKit(home.home, config.config, options.env);
  try {
    const needKit = (name: string, check: (k: Kit) => Check): Check =>
      kit ? safely(name, () => check(kit)) : skipped(name, `the database did not open (${error})`);
    return [
      safely('Node.js', nodeCheck),
      sqliteCheck(options.env),
      home.check,
      config.check,
      kit ? safely('database integrity', () => dbCheck(kit)) : { name: 'database integrity', ok: false, detail: error ?? '', fix: DB_FIX },
      needKit('skills', skillsCheck),
      ...safelyAll('Claude Code hooks', () => hookChecks(options.userHome, options.project)),
      ...safelyAll('agent hooks', () => agentHookChecks(options.userHome, options.project)),
      await mcpCheck(home.home, options.env).catch((err: unknown) => failed('MCP server', err)),
      safely('sandbox (bubblewrap)', sandboxCheck),
      needKit('model back end', modelCheck),
      ...(kit ? await teamChecks(kit) : []),
    ];
  } finally {
    kit?.close();
  }
}

const DB_FIX = 'restore kei.db from a backup, or move it away to start fresh';

function failed(name: string, err: unknown): Check {
  return { name, ok: false, detail: `the check itself failed: ${errorMessage(err)}`, fix: 'report this with logs/cli.log' };
}

function safely(name: string, check: () => Check): Check {
  try {
    return check();
  } catch (err) {
    return failed(name, err);
  }
}

function safelyAll(name: string, checks: () => Check[]): Check[] {
  try {
    return checks();
  } catch (err) {
    return [failed(name, err)];
  }
}

function nodeCheck(): Check {
  const [major, minor] = process.versions.node.split('.').map(Number);
  const ok = major > 20 || (major === 20 && minor >= 19);
  return { name: 'Node.js', ok, detail: process.version, fix: 'install Node.js 20.19 or newer' };
}

function dbCheck(kit: Kit): Check {
  const result = kit.db.pragma('quick_check', { simple: true });
  return {
    name: 'database integrity',
    ok: result === 'ok',
    detail: String(result),
    fix: DB_FIX,
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

/** Starts kei-mcp the way a client would and asks for its tools; if it exits first, its own words say why (read on close: all stderr is in). */
function mcpCheck(home: string | undefined, env: NodeJS.ProcessEnv): Promise<Check> {
  return new Promise((resolve) => {
    const exe = executables();
    const child = spawn(exe.node, [exe.mcp], { env: home ? { ...env, KEI_HOME: home } : env, stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    const fix = 'run kei-mcp by hand and read logs/mcp.log';
    const done = (check: Check) => {
      clearTimeout(timer);
      child.kill();
      resolve(check);
    };
    const timer = setTimeout(() => done({ name: 'MCP server', ok: false, detail: 'no answer within 10 s', fix }), 10_000);
    child.stdout.on('data', (d) => {
      out += d;
      const line = out.split('\n').find((l) => l.includes('"id":2'));
      if (line) done({ name: 'MCP server', ok: true, detail: `${(JSON.parse(line).result?.tools ?? []).length} tools` });
    });
    child.stderr.on('data', (d) => (err += d));
    child.stdin.on('error', () => undefined);
    child.on('close', (code) => {
      const why = err.trim().split('\n').pop() || `exited with code ${code}`;
      done({ name: 'MCP server', ok: false, detail: `does not start: ${why}`, fix: 'fix the rows above, then run kei-mcp by hand' });
    });
    child.on('error', (e) => done({ name: 'MCP server', ok: false, detail: e.message, fix: 'npm ci && npm run build' }));
    askForTools(child.stdin);
  });
}

function askForTools(stdin: NodeJS.WritableStream): void {
  const send = (m: object) => stdin.write(`${JSON.stringify(m)}\n`);
  send({
    jsonrpc: '2.0',
    id: 1,
    method: 'initialize',
    params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'kei-doctor', version: '1' } },
  });
  send({ jsonrpc: '2.0', method: 'notifications/initialized' });
  send({ jsonrpc: '2.0', id: 2, method: 'tools/list' });
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
