import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agentHome, expectMemorySessions, findAgentCli, runCli, type AgentHome, type ScriptedAgent } from '../helpers/agent-session.js';
import { startResponsesServer, type ResponsesServer } from '../helpers/responses-server.js';
import { BIN } from '../helpers/temp.js';

/**
 * The real Codex CLI, offline: a custom model provider whose base_url is a scripted Responses server on 127.0.0.1.
 * Codex is not a dependency (its npm package is 424 MB): set KEI_TEST_CODEX to its `codex`, or have it in
 * node_modules/.bin or on PATH; otherwise this file is skipped and says so.
 */
const CODEX = findAgentCli('KEI_TEST_CODEX', 'codex');

/** `codex exec` (or `codex exec resume --last`) as a user would run it, with kei's hooks trusted for this run only. */
function codex(m: AgentHome, server: ResponsesServer, prompt: string, resume = false) {
  const provider = `model_providers.mock={name="mock",base_url="${server.url}",wire_api="responses"}`;
  const args = [
    'exec',
    ...(resume ? ['resume', '--last'] : []),
    '--dangerously-bypass-hook-trust',
    '--skip-git-repo-check',
    '-c',
    'model_provider=mock',
    '-c',
    provider,
    '-c',
    'model=gpt-test',
    '-c',
    'sandbox_mode="danger-full-access"',
    prompt,
  ];
  const env = { ...process.env, HOME: m.home, KEI_HOME: m.kei, CODEX_HOME: undefined, OPENAI_API_KEY: undefined };
  return runCli(CODEX as string, args, m.work, env);
}

describe.skipIf(!CODEX)('the real Codex CLI records into the ledger through kei-setup hooks', () => {
  let m: AgentHome;
  let server: ResponsesServer;
  beforeAll(async () => {
    m = agentHome('codex');
    server = await startResponsesServer();
  });
  afterAll(() => server?.close());

  it('a two-turn session with shell calls, one of which stores a memory that the next session is given at its start', async () => {
    const agent: ScriptedAgent = {
      kei: m.kei,
      run: (prompt, resume) => codex(m, server, prompt, resume),
      script: (replies) => (server.script = replies.map((r) => ('shell' in r ? { cmd: r.shell } : r))),
      requests: () => server.requests.map((r) => r.input),
    };
    const sessions = await expectMemorySessions(agent, 'codex');
    expect(sessions[0].agent_version).toMatch(/^\d+\.\d+\.\d+/);

    // Export reads the session where Codex wrote it (its rollout), as for a Claude Code session.
    const exported = spawnSync(process.execPath, [BIN.skills, 'export-trajectories', '--session', sessions[0].id], {
      env: { ...process.env, HOME: m.home, KEI_HOME: m.kei },
      encoding: 'utf8',
    });
    expect(exported.status, exported.stderr).toBe(0);
    const record = JSON.parse(exported.stdout.trim().split('\n')[0]) as {
      conversations: { from: string; value: string }[];
      metadata: object;
    };
    expect(record.metadata).toMatchObject({ client: 'codex' });
    const said = (from: string) => record.conversations.filter((c) => c.from === from).map((c) => c.value);
    expect(said('human')).toEqual(['Remember how we deploy', 'Thanks']);
    expect(said('gpt').join('\n')).toContain('exec_command');
    expect(said('tool').join('\n')).toContain('No such file or directory');
  }, 240_000);
});
