import { currentSession } from './api.js';
import { h, showPage } from './dom.js';
import { errorBox } from './status.js';

const PAGES = {
  overview: () => import('./pages/overview.js'),
  memories: () => import('./pages/memories.js'),
  skills: () => import('./pages/skills.js'),
  sessions: () => import('./pages/sessions.js'),
  guard: () => import('./pages/guard.js'),
  learning: () => import('./pages/learning.js'),
  schedules: () => import('./pages/schedules.js'),
};

/** `#/skills/my-skill` → page "skills", argument "my-skill". Anything else is the overview. */
function route() {
  const [, page = 'overview', ...rest] = location.hash.split('/');
  return PAGES[page] ? { page, arg: rest.length ? decodeURIComponent(rest.join('/')) : undefined } : { page: 'overview' };
}

async function render() {
  const { page, arg } = route();
  const main = document.getElementById('main');
  // A message (and its Undo) belongs to the page it was said on.
  document.getElementById('status').replaceChildren();
  for (const a of document.querySelectorAll('nav a')) {
    if (a.getAttribute('href') === `#/${page}`) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
  try {
    await (await PAGES[page]()).render(main, arg);
  } catch (err) {
    showPage(main, 'Something went wrong', errorBox(err));
  }
  main.querySelector('h1')?.focus();
}

addEventListener('hashchange', (e) => {
  if (!location.hash.startsWith('#/')) return;
  e.preventDefault();
  void render();
});

currentSession()
  .then((s) => {
    if (s.readOnly) document.getElementById('mode').replaceChildren(h('span', { class: 'badge' }, 'read-only'));
    document.body.classList.toggle('read-only', s.readOnly);
    if (!location.hash.startsWith('#/')) history.replaceState(null, '', '#/overview');
    return render();
  })
  .catch((err) => showPage(document.getElementById('main'), 'Not signed in', errorBox(err)));
