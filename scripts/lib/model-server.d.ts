/** One scripted assistant reply: text and/or tool calls, as the Anthropic Messages API streams them. */
export interface ScriptedReply {
  text?: string;
  toolUses?: { name: string; input: Record<string, unknown>; id?: string }[];
}

export interface RecordedRequest {
  path: string;
  body: Record<string, unknown>;
  /** True for the agent loop's own requests (they carry tools); false for side requests. */
  main: boolean;
}

export interface ModelServer {
  url: string;
  requests: RecordedRequest[];
  /** Replies still to be given to main requests, in order. */
  script: ScriptedReply[];
  /** Answers requests without tools; undefined → a short title. */
  respond?: (body: Record<string, unknown>) => ScriptedReply | undefined;
  close(): Promise<void>;
}

export function startModelServer(script?: ScriptedReply[]): Promise<ModelServer>;
export function systemText(body: Record<string, unknown>): string;
