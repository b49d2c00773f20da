// Elements are built from text nodes only (never innerHTML), so nothing stored can become markup.

/** h('a', { href: '#/x', class: 'link' }, 'text', child): an element with attributes, handlers (on*) and children. */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElementNS(tag === 'svg' || attrs.svg ? 'http://www.w3.org/2000/svg' : 'http://www.w3.org/1999/xhtml', tag);
  for (const [key, value] of Object.entries(attrs ?? {})) {
    if (key === 'svg' || value === undefined || value === null || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2), value);
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

export function fmtTime(ms) {
  if (ms === null || ms === undefined) return '—';
  const d = new Date(ms);
  const pad = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export const fmtNumber = (n) => (n === null || n === undefined ? '—' : Number(n).toLocaleString('en'));
export const fmtRate = (r) => (r === null || r === undefined ? '—' : `${Math.round(r * 100)}%`);

/** A table with a caption and column headers; rows are arrays of cells (text or elements). */
export function table(caption, headers, rows, empty = 'Nothing recorded yet.') {
  if (rows.length === 0) return h('p', { class: 'empty' }, `${caption}: ${empty}`);
  return h(
    'table',
    {},
    h('caption', {}, caption),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        headers.map((x) => h('th', { scope: 'col' }, x)),
      ),
    ),
    h(
      'tbody',
      {},
      rows.map((r) =>
        h(
          'tr',
          {},
          r.map((c) => h('td', {}, c)),
        ),
      ),
    ),
  );
}

export const badge = (text, kind = '') => h('span', { class: `badge ${kind}` }, text);

export function section(title, ...children) {
  const id = `h-${title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
  return h('section', { 'aria-labelledby': id }, h('h2', { id }, title), ...children);
}

/** Replaces the page's content and moves focus to its heading, so keyboard and screen reader users land on the new page. */
export function showPage(main, title, ...children) {
  main.replaceChildren(h('h1', { tabindex: '-1' }, title), ...children);
  document.title = `${title} · KeiSeiKit`;
}
