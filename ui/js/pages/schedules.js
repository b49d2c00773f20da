import { get, send } from '../api.js';
import { badge, fmtTime, h, section, showPage, table } from '../dom.js';
import { say } from '../status.js';

export async function render(main) {
  const { jobs, runs } = await get('/api/jobs');
  const act = async (method, path, done) => {
    try {
      await send(method, path);
      say(done);
    } catch (err) {
      say(err.message);
    }
    await render(main);
  };
  const button = (label, job, method, action, done, danger = false) =>
    h(
      'button',
      {
        type: 'button',
        class: `change${danger ? ' danger' : ''}`,
        onclick: () => act(method, `/api/jobs/${encodeURIComponent(job.name)}${action}`, done),
      },
      label,
      h('span', { class: 'sr' }, ` ${job.name}`),
    );
  showPage(
    main,
    'Schedules',
    table(
      `${jobs.length} jobs`,
      ['Job', 'When', 'Kind', 'Runs', 'Next runs', 'State', ''],
      jobs.map((j) => [
        h('strong', {}, j.name),
        j.when_spec,
        `${j.kind}: ${j.payload}`,
        String(j.run_count),
        j.next.length ? j.next.map(fmtTime).join(', ') : '—',
        j.enabled ? badge('active', 'good') : badge('paused'),
        h(
          'span',
          { class: 'actions' },
          button('Run now', j, 'POST', '/run', `Ran ${j.name}.`),
          ' ',
          j.enabled
            ? button('Pause', j, 'POST', '/pause', `Paused ${j.name}.`)
            : button('Resume', j, 'POST', '/resume', `Resumed ${j.name}.`),
          ' ',
          button('Cancel', j, 'DELETE', '', `Cancelled ${j.name}.`, true),
        ),
      ]),
      'none. Add one with: kei-skills schedule add <name> "<when>" -- <command>',
    ),
    section(
      'Run history',
      table(
        'Recent runs',
        ['Job', 'Scheduled for', 'Ended', 'Status', 'Exit', 'Output'],
        runs.map((r) => [
          r.job,
          fmtTime(r.scheduled_for),
          fmtTime(r.ended_at),
          badge(r.status, r.status === 'ok' ? 'good' : r.status === 'failed' ? 'bad' : ''),
          r.exit_code ?? '—',
          h('pre', { class: 'detail' }, r.output),
        ]),
      ),
    ),
  );
}
