import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { agentHome, expectMemorySessions, findAgentCli, runCli, type AgentHome, type ScriptedAgent } from '../helpers/agent-session.js';
import { startGeminiServer, type GeminiServer } from '../helpers/gemini-server.js';

/**
 * The real Gemini CLI, offline: GOOGLE_GEMINI_BASE_URL points it at a scripted Gemini API on 127.0.0.1, with an
 * API-key sign-in that is never checked. Not a dependency (96 MB): set KEI_TEST_GEMINI to its `gemini`, or have it
 * in node_modules/.bin or on PATH; otherwise this file is skipped.
 */
const GEMINI = findAgentCli('KEI_TEST_GEMINI', 'gemini');

function gemini(m: AgentHome, server: GeminiServer, prompt: string, resume = false) {
  const args = [...(resume ? ['--resume', 'latest'] : []), '--approval-mode', 'yolo', '-p', prompt];
  const env = { ...process.env, HOME: m.home, KEI_HOME: m.kei, GEMINI_API_KEY: 'offline-test-key', GOOGLE_GEMINI_BASE_URL: server.url };
  return runCli(GEMINI as string, args, m.work, env);
}

describe.skipIf(!GEMINI)('the real Gemini CLI records into the ledger through kei-setup hooks', () => {
  let m: AgentHome;
  let server: GeminiServer;
  beforeAll(async () => {
    m = agentHome('gemini');
    // What a signed-in user with a trusted folder has: an API key sign-in (never checked offline), no folder prompt.
    const settings = join(m.home, '.gemini', 'settings.json');
    const data = JSON.parse(readFileSync(settings, 'utf8')) as Record<string, unknown>;
    writeFileSync(
      settings,
      JSON.stringify({ ...data, security: { auth: { selectedType: 'gemini-api-key' }, folderTrust: { enabled: false } } }),
    );
    server = await startGeminiServer();
  });
  afterAll(() => server?.close());

  it('a resumed session with shell calls, one storing a memory that the next session is given', async () => {
    // Non-interactive: SessionStart's additionalContext is prepended to the prompt of the next session.
    const agent: ScriptedAgent = {
      kei: m.kei,
      run: (prompt, resume) => gemini(m, server, prompt, resume),
      script: (replies) => (server.script = replies.map((r) => ('shell' in r ? { command: r.shell } : r))),
      requests: () => server.requests.map((r) => r.contents),
    };
    await expectMemorySessions(agent, 'gemini');
  }, 300_000);
});
