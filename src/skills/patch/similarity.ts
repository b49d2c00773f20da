/** Levenshtein similarity of two strings in [0, 1]; bounded work for long lines. */
export function similarity(a: string, b: string): number {
  if (a === b) return 1;
  if (a.length === 0 || b.length === 0) return 0;
  const x = a.length > 400 ? a.slice(0, 400) : a;
  const y = b.length > 400 ? b.slice(0, 400) : b;
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const cur = [i];
    for (let j = 1; j <= y.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (x[i - 1] === y[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return 1 - prev[y.length] / Math.max(x.length, y.length);
}

/** Mean similarity of two equally long lists of lines (trimmed). */
export function linesSimilarity(a: readonly string[], b: readonly string[]): number {
  if (a.length !== b.length || a.length === 0) return 0;
  let total = 0;
  for (let i = 0; i < a.length; i++) total += similarity(a[i].trim(), b[i].trim());
  return total / a.length;
}
