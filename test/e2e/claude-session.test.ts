import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../src/core/db.js';
import { runClaude } from '../helpers/claude.js';
import { startModelServer, type ModelServer } from '../helpers/model-server.js';
import { writeSkill } from '../helpers/skills.js';
import { BIN, removeSuiteDirs, suiteDir } from '../helpers/temp.js';

const ALLOWED = 'Bash,Skill,mcp__kei__memory_add,mcp__kei__memory_search';

describe('a real Claude Code session, recorded by the hooks', () => {
  let server: ModelServer;
  let project: string;
  let home: string;
  let keiHome: string;
  let db: Db;
  let firstRun: Awaited<ReturnType<typeof runClaude>>;

  beforeAll(async () => {
    project = suiteDir('kei-proj-');
    home = suiteDir('kei-user-');
    keiHome = join(home, '.keiseikit');
    mkdirSync(join(project, '.git'));
    writeSkill(join(project, '.claude', 'skills'), 'greet-user', {
      description: 'Use to greet the user politely',
      body: 'Say hello and nothing else.\n',
    });
    const setup = spawnSync(process.execPath, [BIN.skills, 'setup', 'claude-code', '--scope', 'project'], {
      cwd: project,
      env: { ...process.env, HOME: home, KEI_HOME: keiHome },
      encoding: 'utf8',
    });
    expect(setup.status, setup.stderr).toBe(0);
    server = await startModelServer([
      { text: 'Checking.', toolUses: [{ name: 'Bash', input: { command: 'echo kei-e2e-marker', description: 'print a marker' } }] },
      { toolUses: [{ name: 'Skill', input: { skill: 'greet-user' } }] },
      { toolUses: [{ name: 'mcp__kei__memory_add', input: { content: 'The user deploys with the fly CLI on Fridays', scope: 'user' } }] },
      { text: 'Done: greeted and remembered.' },
    ]);
    firstRun = await runClaude(
      [
        '-p',
        'please greet me and remember that I deploy with fly on Fridays <private>my token is sk-live-PRIVATE</private>',
        '--output-format',
        'json',
        '--allowedTools',
        ALLOWED,
      ],
      { cwd: project, home, modelUrl: server.url, env: { KEI_HOME: keiHome } },
    );
    db = openDatabase(join(keiHome, 'kei.db'));
  }, 180_000);

  afterAll(async () => {
    db?.close();
    await server?.close();
    removeSuiteDirs();
  });

  it('completes the scripted session', () => {
    expect(firstRun.code, firstRun.stderr).toBe(0);
    expect(JSON.parse(firstRun.stdout).result).toMatch(/Done/);
  });

  it('records the session, the turn with its prompt, and every tool call', () => {
    const sessions = db.prepare('SELECT id, cwd, transcript_path, user_turns FROM sessions').all() as {
      id: string;
      cwd: string;
      transcript_path: string;
      user_turns: number;
    }[];
    expect(sessions).toHaveLength(1);
    expect(sessions[0]).toMatchObject({ cwd: project, user_turns: 1 });
    expect(readFileSync(sessions[0].transcript_path, 'utf8')).toContain('kei-e2e-marker');
    expect(db.prepare('SELECT prompt FROM turns').all()).toEqual([
      { prompt: 'please greet me and remember that I deploy with fly on Fridays [private]' },
    ]);
    const tools = db.prepare('SELECT tool_name, ok FROM tool_calls ORDER BY id').all();
    expect(tools).toEqual([
      { tool_name: 'Bash', ok: 1 },
      { tool_name: 'Skill', ok: 1 },
      { tool_name: 'mcp__kei__memory_add', ok: 1 },
    ]);
    expect(
      (db.prepare("SELECT response_summary FROM tool_calls WHERE tool_name = 'Bash'").get() as { response_summary: string })
        .response_summary,
    ).toContain('kei-e2e-marker');
  });

  it('records the skill use from the Skill tool and the memory written through MCP', () => {
    expect(db.prepare('SELECT skill_name, source, turn_index FROM skill_invocations').all()).toEqual([
      { skill_name: 'greet-user', source: 'skill-tool', turn_index: 1 },
    ]);
    expect(db.prepare('SELECT content, source FROM memories').all()).toEqual([
      { content: 'The user deploys with the fly CLI on Fridays', source: 'mcp:memory_add' },
    ]);
    expect(db.prepare('SELECT completed, tool_call_count FROM trajectories').get()).toEqual({ completed: 1, tool_call_count: 3 });
  });

  it('exports the session as ShareGPT JSONL: paired calls and responses, counts, redaction', () => {
    const out = join(home, 'export.jsonl');
    const r = spawnSync(process.execPath, [BIN.skills, 'export-trajectories', '--out', out], {
      cwd: project,
      env: { ...process.env, HOME: home, KEI_HOME: keiHome },
      encoding: 'utf8',
    });
    expect(r.status, r.stderr).toBe(0);
    const lines = readFileSync(out, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(1);
    const rec = lines[0];
    expect(rec.completed).toBe(true);
    expect(rec.conversations[0]).toEqual({ from: 'system', value: 'Tools available: Bash, Skill, mcp__kei__memory_add' });
    const text = JSON.stringify(rec.conversations);
    const calls = [...text.matchAll(/<tool_call>/g)].length;
    const responses = [...text.matchAll(/<tool_response>/g)].length;
    expect(calls).toBe(3);
    expect(responses).toBe(calls);
    expect(rec.tool_stats).toEqual({
      Bash: { count: 1, success: 1, failure: 0 },
      Skill: { count: 1, success: 1, failure: 0 },
      mcp__kei__memory_add: { count: 1, success: 1, failure: 0 },
    });
    expect(text).toContain('kei-e2e-marker');
    expect(text).not.toContain('sk-live-PRIVATE');
    expect(text).toContain('[private]');
  });

  it('gives the next session the memory in the model request, and records a typed /skill', async () => {
    const before = server.requests.length;
    server.script = [{ text: 'Hello again.' }];
    const second = await runClaude(['-p', '/greet-user again', '--output-format', 'json', '--allowedTools', ALLOWED], {
      cwd: project,
      home,
      modelUrl: server.url,
      env: { KEI_HOME: keiHome },
    });
    expect(second.code, second.stderr).toBe(0);
    const main = server.requests.slice(before).find((r) => r.main);
    expect(JSON.stringify(main?.body.messages)).toContain('The user deploys with the fly CLI on Fridays');
    const slash = db.prepare("SELECT skill_name, turn_index FROM skill_invocations WHERE source = 'slash-command'").all();
    expect(slash).toEqual([{ skill_name: 'greet-user', turn_index: 1 }]);
  }, 120_000);
});
