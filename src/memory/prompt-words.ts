/** Common words of four letters or more that say nothing about what a prompt is about. */
const STOP = new Set(
  (
    'this that with from have what when where which there their would could should about into your please make want need ' +
    'does just like then them they will also some more than'
  ).split(' '),
);

/**
 * Short words that name a tool, service or format: as telling as a long word ("npm", "git", "aws", "SQL").
 * Short words that are identifiers (a digit or underscore inside, or written in capitals) count too.
 */
const SHORT_TERMS = new Set(
  (
    'npm git aws gcp sql css api cli ssh tls ssl dns vpc jwt orm cdn sdk ide vim zsh pip uv php jvm gpu cpu ' +
    'tcp udp http url uri xml csv pdf svg ui ux db ci cd pr vm os rpc yml toml lsp mcp llm ai ml jq sed awk ts js py rb ' +
    'rs ios gh gql k8s ec2 s3 iam sqs sns rds eks ecs ebs elb'
  ).split(' '),
);

function significant(token: string): boolean {
  const word = token.toLowerCase();
  if (word.length >= 4) return !STOP.has(word);
  if (word.length < 2) return false;
  return SHORT_TERMS.has(word) || (/\p{L}/u.test(word) && /[\d_]/.test(word)) || /^\p{Lu}{2,3}$/u.test(token);
}

/**
 * A prompt's distinct significant words, lower-cased, at most `limit`: short technical terms first (they are
 * specific however short), then the longest words.
 */
export function significantWords(prompt: string, limit: number): string[] {
  const tokens = prompt.match(/[\p{L}\p{N}_]+/gu) ?? [];
  const words = [...new Set(tokens.filter(significant).map((t) => t.toLowerCase()))];
  const rank = (w: string) => (w.length < 4 ? 1000 : w.length);
  return words.sort((a, b) => rank(b) - rank(a)).slice(0, limit);
}

/**
 * Whether lower-cased text mentions a significant word: a short word as a whole word ("git" is not in
 * "digital"), a long one by its stem (the first letters, so "deploys" mentions "deployment").
 */
export function mentions(text: string, word: string): boolean {
  if (word.length < 4) return new RegExp(`(?<![\\p{L}\\p{N}])${word}(?![\\p{L}\\p{N}])`, 'u').test(text);
  return text.includes(word.slice(0, Math.max(4, word.length - 2)));
}
