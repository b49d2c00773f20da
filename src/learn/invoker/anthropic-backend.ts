import type { BackendReply, BackendRequest, InvokerBackend } from './types.js';

export const DEFAULT_ANTHROPIC_MODEL = 'claude-haiku-4-5';

/** Per million tokens (input, output), for the cost column; unknown models record no cost. */
const PRICES: [RegExp, number, number][] = [
  [/haiku-4/, 1, 5],
  [/haiku/, 0.8, 4],
  [/sonnet/, 3, 15],
  [/opus-4-[5-9]/, 5, 25],
  [/opus/, 15, 75],
];

/** The Anthropic Messages API through @anthropic-ai/sdk (loaded only when this back end is used). */
export class AnthropicBackend implements InvokerBackend {
  readonly name = 'anthropic' as const;

  constructor(
    private readonly apiKey: string,
    readonly model: string,
    private readonly timeoutMs: number,
    private readonly baseURL?: string,
  ) {}

  async call(request: BackendRequest): Promise<BackendReply> {
    const { default: Anthropic } = await import('@anthropic-ai/sdk');
    const client = new Anthropic({ apiKey: this.apiKey, baseURL: this.baseURL, timeout: this.timeoutMs, maxRetries: 2 });
    const message = await client.messages.create(
      {
        model: this.model,
        max_tokens: request.maxOutputTokens,
        system: request.system,
        messages: [{ role: 'user', content: request.prompt }],
      },
      { signal: request.signal },
    );
    const text = message.content.map((b) => (b.type === 'text' ? b.text : '')).join('');
    const { input_tokens: inputTokens, output_tokens: outputTokens } = message.usage;
    return { text, model: message.model, inputTokens, outputTokens, costUsd: costOf(message.model, inputTokens, outputTokens) };
  }
}

function costOf(model: string, input: number, output: number): number | undefined {
  const price = PRICES.find(([re]) => re.test(model));
  return price ? (input * price[1] + output * price[2]) / 1_000_000 : undefined;
}
