import { runBounded } from '../../sandbox/run-process.js';
import type { BackendReply, BackendRequest, InvokerBackend } from './types.js';

/** No tools, no MCP servers, no hooks, nothing persisted: a plain completion through the user's Claude Code. */
export function claudeCliArgs(request: BackendRequest, model: string | undefined): string[] {
  const args = [
    '-p',
    '--output-format',
    'json',
    '--tools',
    '',
    '--strict-mcp-config',
    '--mcp-config',
    '{"mcpServers":{}}',
    '--settings',
    '{"disableAllHooks":true}',
    '--setting-sources',
    '',
    '--no-session-persistence',
    '--max-turns',
    '1',
    '--system-prompt',
    request.system,
  ];
  if (model) args.push('--model', model);
  return args;
}

/** The environment of a session minus what makes `claude` think it runs inside one (CLAUDECODE, CLAUDE_CODE_*). */
export function cleanClaudeEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const clean: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(env)) {
    if (key === 'CLAUDECODE' || key.startsWith('CLAUDE_CODE_')) continue;
    clean[key] = value;
  }
  clean.CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC = '1';
  return clean;
}

interface CliResult {
  result?: string;
  is_error?: boolean;
  total_cost_usd?: number;
  usage?: { input_tokens?: number; output_tokens?: number; cache_read_input_tokens?: number; cache_creation_input_tokens?: number };
  modelUsage?: Record<string, unknown>;
}

export class ClaudeCliBackend implements InvokerBackend {
  readonly name = 'claude-cli' as const;

  constructor(
    private readonly bin: string,
    readonly model: string | undefined,
    private readonly timeoutMs: number,
    private readonly cwd: string,
    private readonly env: NodeJS.ProcessEnv,
  ) {}

  async call(request: BackendRequest): Promise<BackendReply> {
    const r = await runBounded(
      this.bin,
      claudeCliArgs(request, this.model),
      { stdin: request.prompt, timeoutMs: this.timeoutMs, outputBytes: 4 * 1024 * 1024, env: cleanClaudeEnv(this.env), cwd: this.cwd },
      { signal: request.signal },
    );
    if (r.timedOut) throw new Error(`claude timed out after ${this.timeoutMs} ms`);
    const parsed = parseCliJson(r.stdout);
    if (!parsed) throw new Error(`claude exited with ${r.exitCode} and no JSON result: ${(r.stderr || r.stdout).trim().slice(-300)}`);
    if (parsed.is_error) throw new Error(`claude reported an error: ${String(parsed.result ?? '').slice(0, 300)}`);
    const usage = parsed.usage ?? {};
    const input = (usage.input_tokens ?? 0) + (usage.cache_read_input_tokens ?? 0) + (usage.cache_creation_input_tokens ?? 0);
    return {
      text: parsed.result ?? '',
      model: Object.keys(parsed.modelUsage ?? {})[0] ?? this.model,
      inputTokens: input,
      outputTokens: usage.output_tokens,
      costUsd: parsed.total_cost_usd,
    };
  }
}

function parseCliJson(stdout: string): CliResult | undefined {
  const line = stdout
    .trim()
    .split('\n')
    .reverse()
    .find((l) => l.startsWith('{'));
  if (!line) return undefined;
  try {
    return JSON.parse(line) as CliResult;
  } catch {
    return undefined;
  }
}
