/** What a back end returns for one prompt. Tokens and cost only where the back end reports them. */
export interface BackendReply {
  text: string;
  model?: string;
  inputTokens?: number;
  outputTokens?: number;
  costUsd?: number;
}

export interface BackendRequest {
  system: string;
  prompt: string;
  maxOutputTokens: number;
  signal?: AbortSignal;
}

/** One way to reach a model. `call` throws on failure; the Invoker records and budgets around it. */
export interface InvokerBackend {
  readonly name: 'anthropic' | 'claude-cli' | 'command';
  readonly model?: string;
  call(request: BackendRequest): Promise<BackendReply>;
}

/** `guard`: the model judge of a grey-zone write (learn/guard-judge.ts). */
export type Purpose = 'review' | 'extract' | 'reextract' | 'judge' | 'guard';
