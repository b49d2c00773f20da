export interface OfflineOptions {
  cwd: string;
  home: string;
  modelUrl: string;
  env?: Record<string, string>;
}

export interface ClaudeConversation {
  /** Sends one user message and resolves with the `result` line that ends its turn. */
  say(text: string, timeoutMs?: number): Promise<Record<string, unknown>>;
  /** Every stream-json line printed so far. */
  lines: Record<string, unknown>[];
  end(): Promise<number | null>;
}

export function offlineClaudeEnv(o: Omit<OfflineOptions, 'cwd'>): Record<string, string>;
export function startClaudeConversation(bin: string, args: string[], o: OfflineOptions): ClaudeConversation;
