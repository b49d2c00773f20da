import { h } from './dom.js';

/** Line diff by longest common subsequence (texts here are short: a memory, a SKILL.md). */
export function lineDiff(before, after) {
  const a = (before ?? '').split('\n');
  const b = (after ?? '').split('\n');
  if (a.length * b.length > 4_000_000) return [...a.map((t) => ({ type: 'del', t })), ...b.map((t) => ({ type: 'add', t }))];
  const n = a.length;
  const m = b.length;
  const lcs = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--) lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
  const out = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) out.push({ type: 'same', t: a[i++], _: j++ });
    else if (lcs[i + 1][j] >= lcs[i][j + 1]) out.push({ type: 'del', t: a[i++] });
    else out.push({ type: 'add', t: b[j++] });
  }
  while (i < n) out.push({ type: 'del', t: a[i++] });
  while (j < m) out.push({ type: 'add', t: b[j++] });
  return out;
}

const SIGN = { same: '  ', add: '+ ', del: '- ' };

/** The diff as a labelled block: added lines marked +, removed ones -. */
export function diffView(label, before, after) {
  const lines = lineDiff(before, after);
  return h(
    'pre',
    { class: 'diff', 'aria-label': label },
    lines.map((l) => h(l.type === 'same' ? 'span' : l.type === 'add' ? 'ins' : 'del', { class: `d-${l.type}` }, `${SIGN[l.type]}${l.t}\n`)),
  );
}
