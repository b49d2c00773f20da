/** Strings users (and models) really type into a search box, many of them FTS5 syntax. */
export const HOSTILE_QUERIES: readonly string[] = [
  '', '   ', '"', '""', '"unbalanced', 'a"b"c', "it's", '-', '--', '-pnpm', 'pnpm -npm', ':', 'scope:user', 'content:pnpm',
  '*', 'pn*', '**', 'NEAR', 'NEAR(pnpm npm, 2)', 'AND', 'OR', 'NOT', 'pnpm AND', 'OR OR OR', '(', ')', '((pnpm)', 'pnpm)',
  '^pnpm', '{pnpm npm}', '🚀', '🚀 pnpm', '👩‍💻', '\u0000', '\\', '%', '_', 'pnpm%', "'; DROP TABLE memories; --", 'ß', 'café',
  '東京', 'a'.repeat(5000),
];
