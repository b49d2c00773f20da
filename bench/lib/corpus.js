// Realistic memory entries: user facts, preferences and project decisions, varied enough that
// FTS ranking has work to do. Deterministic (seeded) so runs compare.
const TOOLS = [
  'pnpm',
  'npm',
  'yarn',
  'bun',
  'vitest',
  'jest',
  'pytest',
  'cargo',
  'poetry',
  'uv',
  'docker',
  'podman',
  'kubectl',
  'terraform',
  'helm',
  'eslint',
  'biome',
  'prettier',
  'ruff',
  'mypy',
  'tsc',
  'vite',
  'webpack',
  'esbuild',
  'turbo',
  'nx',
  'make',
  'just',
  'bazel',
  'gradle',
];
const LANGS = ['TypeScript', 'Python', 'Rust', 'Go', 'Kotlin', 'Swift', 'Ruby', 'Elixir', 'Java', 'C#', 'Zig', 'Haskell'];
const PLACES = ['Berlin', 'Lisbon', 'Tokyo', 'Toronto', 'São Paulo', 'Nairobi', 'Seoul', 'Austin', 'Kraków', 'Melbourne'];
const THINGS = [
  'database migrations',
  'feature flags',
  'API versioning',
  'error handling',
  'logging',
  'retries',
  'caching',
  'pagination',
  'auth tokens',
  'background jobs',
  'rate limits',
  'CI pipeline',
  'release notes',
  'code review',
  'on-call rotation',
];
const SERVICES = ['billing', 'search', 'checkout', 'notifications', 'ingest', 'gateway', 'reports', 'accounts', 'media', 'scheduler'];
const TEMPLATES = [
  (r) => `The user prefers ${r(TOOLS)} over ${r(TOOLS)} for ${r(LANGS)} projects`,
  (r) => `User lives in ${r(PLACES)} and works mostly in ${r(LANGS)}`,
  (r) => `Project decision: the ${r(SERVICES)} service handles ${r(THINGS)} itself, not the ${r(SERVICES)} service`,
  (r) => `Always run ${r(TOOLS)} before committing changes to the ${r(SERVICES)} service`,
  (r) => `The team agreed to document ${r(THINGS)} in docs/${r(SERVICES)}.md`,
  (r) => `User dislikes long explanations about ${r(THINGS)}; keep answers short`,
  (r) => `The ${r(SERVICES)} service is written in ${r(LANGS)} and deployed with ${r(TOOLS)}`,
  (r) => `Tests for ${r(THINGS)} live next to the code and use ${r(TOOLS)}`,
];
const QUERY_TEMPLATES = [
  (r) => r(TOOLS),
  (r) => `${r(SERVICES)} ${r(THINGS).split(' ')[0]}`,
  (r) => `prefers ${r(TOOLS)}`,
  (r) => `${r(LANGS)} ${r(TOOLS)}`,
  (r) => r(PLACES),
  (r) => `how do we handle ${r(THINGS)}`,
  (r) => `${r(SERVICES)} deployed`,
];

export function rng(seed) {
  let s = seed >>> 0;
  const next = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return (list) => list[Math.floor(next() * list.length)];
}

export function makeFacts(n, seed = 1) {
  const pick = rng(seed);
  return Array.from({ length: n }, (_, i) => `${pick(TEMPLATES)(pick)} (note ${i})`);
}

export function makeQueries(n, seed = 2) {
  const pick = rng(seed);
  return Array.from({ length: n }, () => pick(QUERY_TEMPLATES)(pick));
}

export function percentiles(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
  const round = (x) => Math.round(x * 1000) / 1000;
  return { n: sorted.length, p50: round(at(50)), p90: round(at(90)), p99: round(at(99)), max: round(sorted[sorted.length - 1]) };
}
