import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { reviewerReply } from '../../src/learn/contracts.js';
import { openInvoker } from '../../src/learn/invoker/index.js';
import { claudeCliArgs, cleanClaudeEnv } from '../../src/learn/invoker/claude-cli-backend.js';
import { firstValidObject } from '../../src/learn/invoker/reply.js';
import { testKit } from '../helpers/kit.js';
import { startModelServer, systemText, type ModelServer } from '../helpers/model-server.js';
import { tempDir } from '../helpers/temp.js';

const PATH = process.env.PATH ?? '';

/** A `command` back end that records its stdin and answers with the given file. */
function commandKit(reply: string, extra: NodeJS.ProcessEnv = {}) {
  const dir = tempDir('kei-cmd-');
  writeFileSync(join(dir, 'reply.txt'), reply);
  const kit = testKit({
    env: { PATH, KEI_INVOKER: 'command', KEI_INVOKER_COMMAND: `cat > '${dir}/prompt.txt'; cat '${dir}/reply.txt'`, ...extra },
  });
  return { kit, prompt: () => readFileSync(join(dir, 'prompt.txt'), 'utf8') };
}

const ask = (kit: ReturnType<typeof testKit>) =>
  openInvoker(kit).ask({ purpose: 'review', system: 'SYSTEM-TEXT', prompt: 'PROMPT-TEXT', schema: reviewerReply });

describe('reply parsing: the first JSON object that satisfies the contract', () => {
  const schema = z.object({ skill_md: z.string() });
  it('takes a bare object, a fenced one, or one surrounded by prose', () => {
    expect(firstValidObject('{"skill_md": "a"}', schema)).toEqual({ value: { skill_md: 'a' } });
    expect(firstValidObject('Here it is:\n```json\n{"skill_md": "b {not json}"}\n```\nHope it helps.', schema)).toEqual({
      value: { skill_md: 'b {not json}' },
    });
    expect(firstValidObject('I considered {"other": 1} but settled on {"skill_md": "c"}.', schema)).toEqual({ value: { skill_md: 'c' } });
  });
  it('rejects prose, broken JSON and objects of the wrong shape, saying why', () => {
    expect(firstValidObject('no json here', schema)).toEqual({ error: 'the reply contains no JSON object' });
    expect(firstValidObject('{"skill_md": 5}', schema)).toMatchObject({ error: expect.stringContaining('skill_md') });
    expect(firstValidObject('{"skill_md": "unterminated', schema)).toMatchObject({ error: expect.any(String) });
  });
  it('rejects reviewer operations outside the contract', () => {
    expect(firstValidObject('{"operations": [{"op": "delete_all"}]}', reviewerReply)).toMatchObject({
      error: expect.stringContaining('operations.0'),
    });
    expect(firstValidObject('{"operations": [{"op": "add", "content": "The user likes tea"}]}', reviewerReply)).toEqual({
      value: { operations: [{ op: 'add', content: 'The user likes tea', scope: 'user' }] },
    });
  });
});

describe('the command back end through the Invoker', () => {
  it('sends system prompt and prompt on stdin, validates the reply, and records the call', async () => {
    const { kit, prompt } = commandKit('Sure!\n{"operations": [{"op": "add", "content": "The user uses fish shell", "scope": "user"}]}');
    await expect(ask(kit)).resolves.toEqual({ operations: [{ op: 'add', content: 'The user uses fish shell', scope: 'user' }] });
    expect(prompt()).toBe('SYSTEM-TEXT\n\nPROMPT-TEXT\n');
    const call = kit.db
      .prepare('SELECT backend, purpose, prompt_chars, reply_chars, input_tokens, output_tokens, tokens_estimated, outcome FROM llm_calls')
      .get();
    expect(call).toMatchObject({
      backend: 'command',
      purpose: 'review',
      prompt_chars: 22,
      outcome: 'ok',
      tokens_estimated: 1,
      input_tokens: 6,
    });
    kit.close();
  });

  it('records a reply that breaks the contract as invalid and throws a clear error', async () => {
    const { kit } = commandKit('I would rather not answer in JSON.');
    await expect(ask(kit)).rejects.toThrow(/review reply was rejected: the reply contains no JSON object/);
    expect(kit.db.prepare('SELECT outcome, detail FROM llm_calls').get()).toEqual({
      outcome: 'invalid',
      detail: 'the reply contains no JSON object',
    });
    kit.close();
  });

  it('records a failing command as an error with its exit code', async () => {
    const kit = testKit({ env: { PATH, KEI_INVOKER: 'command', KEI_INVOKER_COMMAND: 'echo model crashed >&2; exit 7' } });
    await expect(ask(kit)).rejects.toThrow(/exited with 7: model crashed/);
    expect(kit.db.prepare('SELECT outcome FROM llm_calls').get()).toEqual({ outcome: 'error' });
    kit.close();
  });
});

describe('the daily budget', () => {
  it('stops calls once the calls per day are used, records the refusal and logs it', async () => {
    const { kit } = commandKit('{"operations": []}', { KEI_BUDGET_CALLS: '2' });
    await ask(kit);
    await ask(kit);
    await expect(ask(kit)).rejects.toMatchObject({
      code: 'budget_exhausted',
      message: expect.stringContaining('2/2 calls used today (budget.callsPerDay)'),
    });
    expect(kit.db.prepare('SELECT outcome FROM llm_calls ORDER BY id').all()).toEqual([
      { outcome: 'ok' },
      { outcome: 'ok' },
      { outcome: 'budget' },
    ]);
    expect(readFileSync(join(kit.paths.logs, 'kei.log'), 'utf8')).toContain('daily model budget exhausted');
    kit.clock.advance(86_400_000);
    await expect(ask(kit)).resolves.toEqual({ operations: [] });
    kit.close();
  });

  it('refuses a prompt that would pass the token budget', async () => {
    const { kit, prompt } = commandKit('{"operations": []}', { KEI_BUDGET_TOKENS: '3' });
    await expect(ask(kit)).rejects.toThrow(/tokens used today and this prompt needs about 6/);
    expect(() => prompt()).toThrow();
    kit.close();
  });
});

describe('configuration', () => {
  it('names the environment variable that holds a bad value', () => {
    expect(() => testKit({ env: { KEI_INVOKER: 'gpt-local' } })).toThrow(/environment variable KEI_INVOKER: Invalid option/);
    expect(() => testKit({ env: { KEI_REVIEW_EVERY: 'often' } })).toThrow(/environment variable KEI_REVIEW_EVERY/);
  });
  it('explains a back end that cannot work', () => {
    const kit = testKit({ env: { KEI_INVOKER: 'command' } });
    expect(() => openInvoker(kit)).toThrow(/invoker.command \(or KEI_INVOKER_COMMAND\) is empty/);
    expect(openInvoker(kit, { tolerant: true }).available).toBe(false);
    kit.close();
  });
  it('auto without key, claude or command leaves no model, and says so', () => {
    const kit = testKit({ env: { PATH: tempDir('kei-empty-path-') } });
    const invoker = openInvoker(kit);
    expect(invoker.available).toBe(false);
    expect(invoker.reason).toMatch(/no ANTHROPIC_API_KEY, no claude CLI on PATH and no invoker.command/);
    kit.close();
  });
});

describe('the claude-cli back end', () => {
  it('runs with no tools, no MCP servers, no hooks, no persistence, one turn', () => {
    const args = claudeCliArgs({ system: 'S', prompt: 'P', maxOutputTokens: 100 }, undefined);
    expect(args.slice(0, 3)).toEqual(['-p', '--output-format', 'json']);
    expect(args[args.indexOf('--tools') + 1]).toBe('');
    expect(args).toContain('--strict-mcp-config');
    expect(args[args.indexOf('--mcp-config') + 1]).toBe('{"mcpServers":{}}');
    expect(JSON.parse(args[args.indexOf('--settings') + 1])).toEqual({ disableAllHooks: true });
    expect(args).toContain('--no-session-persistence');
    expect(args[args.indexOf('--max-turns') + 1]).toBe('1');
  });
  it('strips CLAUDECODE and CLAUDE_CODE_* from the environment so it starts inside a session', () => {
    const env = cleanClaudeEnv({
      PATH: '/bin',
      CLAUDECODE: '1',
      CLAUDE_CODE_ENTRYPOINT: 'cli',
      CLAUDE_CODE_SSE_PORT: '1234',
      ANTHROPIC_BASE_URL: 'http://x',
    });
    expect(env).toEqual({ PATH: '/bin', ANTHROPIC_BASE_URL: 'http://x', CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1' });
  });
});

describe('the anthropic back end (SDK) against a server speaking the Messages API', () => {
  let server: ModelServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('is what auto picks with a key; tokens and cost come from the response', async () => {
    server = await startModelServer();
    server.respond = (body) => ({
      text: systemText(body) === 'SYSTEM-TEXT' ? '{"operations": [{"op": "remove", "old": "fish"}]}' : 'wrong system prompt',
    });
    const kit = testKit({ env: { ANTHROPIC_API_KEY: 'sk-test', ANTHROPIC_BASE_URL: server.url } });
    await expect(ask(kit)).resolves.toEqual({ operations: [{ op: 'remove', old: 'fish' }] });
    expect(server.requests[0].body).toMatchObject({ model: 'claude-haiku-4-5', messages: [{ role: 'user', content: 'PROMPT-TEXT' }] });
    expect(
      kit.db.prepare('SELECT backend, model, input_tokens, output_tokens, tokens_estimated, cost_usd, outcome FROM llm_calls').get(),
    ).toEqual({
      backend: 'anthropic',
      model: 'claude-haiku-4-5',
      input_tokens: 100,
      output_tokens: 20,
      tokens_estimated: 0,
      cost_usd: 0.0002,
      outcome: 'ok',
    });
    kit.close();
  });
});
