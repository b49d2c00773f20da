import type { Db } from '../core/db.js';
import type { Logger } from '../core/log.js';
import type { HookConfig } from './hook-config.js';

/** A Claude Code hook payload: fields differ per event and across versions, so all are optional. */
export interface HookPayload {
  session_id?: string;
  transcript_path?: string;
  cwd?: string;
  hook_event_name?: string;
  prompt?: string;
  source?: string;
  reason?: string;
  model?: string | { id?: string };
  tool_name?: string;
  tool_input?: unknown;
  tool_response?: unknown;
  tool_use_id?: string;
  duration_ms?: number;
  error?: unknown;
  command_name?: string;
  expansion_type?: string;
  command_args?: string;
  agent_id?: string;
  [key: string]: unknown;
}

export interface HookContext {
  db: Db;
  log: Logger;
  home: string;
  config: HookConfig;
  env: NodeJS.ProcessEnv;
  now: number;
}

/** What a handler wants printed on stdout (JSON), if anything. */
export type HookOutput = Record<string, unknown> | undefined;

export type HookHandler = (payload: HookPayload, ctx: HookContext) => HookOutput;
