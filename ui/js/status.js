import { h } from './dom.js';

/** A message in the live region (read out by screen readers), with an optional action such as Undo. */
export function say(message, action) {
  const box = document.getElementById('status');
  // The action says what it did itself; a failure is said in its place.
  const run = () => {
    box.replaceChildren();
    return action.run().catch((err) => say(err.message));
  };
  const button = action ? h('button', { type: 'button', onclick: run }, action.label) : null;
  box.replaceChildren(h('span', {}, message), button ? ' ' : '', button ?? '');
}

/**
 * An error shown where it happened (role=alert), with the guard's rule and excerpt when the guard refused: the
 * excerpt the guard event recorded (redacted, invisible characters shown), else the finding's own.
 */
export function errorBox(err) {
  const d = err.detail ?? {};
  if (err.code === 'guard_blocked') {
    const top = d.findings?.[0];
    const excerpt = d.excerpt ?? top?.excerpt;
    return h(
      'div',
      { role: 'alert', class: 'alert' },
      h('strong', {}, 'Blocked by the injection guard. '),
      `Rule ${d.rule ?? top?.rule ?? '?'}${d.category ? ` (${d.category})` : ''}`,
      excerpt ? h('span', {}, ' at ', h('q', { class: 'excerpt' }, excerpt)) : '',
      '. Nothing was stored.',
    );
  }
  return h('div', { role: 'alert', class: 'alert' }, err.message ?? String(err));
}
