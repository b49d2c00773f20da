import { accessSync, constants } from 'node:fs';
import { delimiter, isAbsolute, join } from 'node:path';
import type { KeiConfig } from '../../core/config.js';
import { KeiError } from '../../core/errors.js';
import { AnthropicBackend, DEFAULT_ANTHROPIC_MODEL } from './anthropic-backend.js';
import { ClaudeCliBackend } from './claude-cli-backend.js';
import { CommandBackend } from './command-backend.js';
import type { InvokerBackend } from './types.js';

export interface SelectContext {
  config: KeiConfig;
  env: NodeJS.ProcessEnv;
  /** Where subprocess back ends run: a folder with no project settings of its own. */
  workDir: string;
}

export interface Selection {
  backend?: InvokerBackend;
  /** Why this back end (or why none), for logs and `kei-skills llm`. */
  reason: string;
}

/** Picks the configured back end; `auto` takes the first available of anthropic, claude-cli, command. */
export function selectBackend(ctx: SelectContext): Selection {
  const choice = ctx.config.invoker.backend;
  if (choice !== 'auto') return { backend: build(choice, ctx), reason: `invoker.backend is ${choice}` };
  if (apiKey(ctx)) return { backend: build('anthropic', ctx), reason: 'auto: an Anthropic API key is set' };
  const claude = findExecutable(ctx.config.invoker.claudeBin, ctx.env);
  if (claude) return { backend: build('claude-cli', ctx), reason: `auto: found the claude CLI at ${claude}` };
  if (ctx.config.invoker.command) return { backend: build('command', ctx), reason: 'auto: invoker.command is set' };
  return { reason: 'auto: no ANTHROPIC_API_KEY, no claude CLI on PATH and no invoker.command; offline extraction only' };
}

function build(name: 'anthropic' | 'claude-cli' | 'command', ctx: SelectContext): InvokerBackend {
  const { invoker } = ctx.config;
  if (name === 'command') {
    if (!invoker.command)
      throw new KeiError('invoker_unavailable', 'invoker.backend is "command" but invoker.command (or KEI_INVOKER_COMMAND) is empty');
    return new CommandBackend(invoker.command, invoker.timeoutMs, ctx.workDir, ctx.env);
  }
  if (name === 'anthropic') {
    const key = apiKey(ctx);
    if (!key)
      throw new KeiError('invoker_unavailable', 'invoker.backend is "anthropic" but neither ANTHROPIC_API_KEY nor invoker.apiKey is set');
    return new AnthropicBackend(key, invoker.model || DEFAULT_ANTHROPIC_MODEL, invoker.timeoutMs, ctx.env.ANTHROPIC_BASE_URL || undefined);
  }
  const bin = findExecutable(invoker.claudeBin, ctx.env);
  if (!bin)
    throw new KeiError(
      'invoker_unavailable',
      `invoker.backend is "claude-cli" but "${invoker.claudeBin}" was not found on PATH (set invoker.claudeBin or KEI_CLAUDE_BIN)`,
    );
  return new ClaudeCliBackend(bin, invoker.model || undefined, invoker.timeoutMs, ctx.workDir, ctx.env);
}

function apiKey(ctx: SelectContext): string | undefined {
  return ctx.config.invoker.apiKey || ctx.env.ANTHROPIC_API_KEY || undefined;
}

/** The absolute path of an executable name or path, searched on PATH like a shell would. */
export function findExecutable(name: string, env: NodeJS.ProcessEnv): string | undefined {
  const candidates = name.includes('/')
    ? [isAbsolute(name) ? name : join(process.cwd(), name)]
    : (env.PATH ?? '')
        .split(delimiter)
        .filter(Boolean)
        .map((d) => join(d, name));
  return candidates.find((file) => {
    try {
      accessSync(file, constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}
