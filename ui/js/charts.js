import { h } from './dom.js';

/**
 * A bar chart as plain SVG: one bar per day for the last `days` days (missing days are zero). Named for screen readers
 * by its title; each bar has its own tooltip.
 */
export function dailyBars(title, points, { days = 30, key = 'value', now = Date.now() } = {}) {
  const byDay = new Map(points.map((p) => [p.day, p[key] ?? 0]));
  const series = [];
  for (let i = days - 1; i >= 0; i--) {
    const d = new Date(now - i * 86_400_000);
    const day = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    series.push({ day, value: byDay.get(day) ?? 0 });
  }
  const total = series.reduce((s, p) => s + p.value, 0);
  const max = Math.max(1, ...series.map((p) => p.value));
  const width = 600;
  const height = 140;
  const gap = 2;
  const bar = width / days - gap;
  const bars = series.map((p, i) => {
    const bh = Math.round((p.value / max) * (height - 10));
    return h(
      'rect',
      { svg: true, x: i * (bar + gap), y: height - 2 - bh, width: bar, height: Math.max(bh, p.value ? 2 : 0), class: 'bar' },
      h('title', { svg: true }, `${p.day}: ${p.value}`),
    );
  });
  const label = `${title}: ${total} in the last ${days} days, at most ${max === 1 && total === 0 ? 0 : max} a day`;
  // Bars stretch with the page (preserveAspectRatio none); the labels are HTML, so text never stretches with them.
  return h(
    'figure',
    { class: 'chart' },
    h(
      'svg',
      { viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': label, preserveAspectRatio: 'none' },
      h('title', { svg: true }, label),
      h('line', { svg: true, x1: 0, x2: width, y1: height - 1, y2: height - 1, class: 'axis' }),
      bars,
    ),
    h('div', { class: 'ticks', 'aria-hidden': 'true' }, h('span', {}, series[0].day), h('span', {}, series[series.length - 1].day)),
    h('figcaption', {}, `${title} (total ${total}, at most ${total === 0 ? 0 : max} a day)`),
  );
}

/** A horizontal meter: used against a budget, with the numbers as text beside it. */
export function meter(label, used, limit) {
  const ratio = limit > 0 ? Math.min(1, used / limit) : 0;
  return h(
    'div',
    { class: 'meter-row' },
    h('span', { class: 'meter-label' }, label),
    h(
      'svg',
      { viewBox: '0 0 200 12', class: 'meter', role: 'img', 'aria-label': `${label}: ${used} of ${limit}` },
      h('rect', { svg: true, x: 0, y: 0, width: 200, height: 12, class: 'meter-bg' }),
      h('rect', { svg: true, x: 0, y: 0, width: Math.round(200 * ratio), height: 12, class: ratio > 0.9 ? 'meter-hot' : 'meter-fill' }),
    ),
    h('span', {}, `${used.toLocaleString('en')} / ${limit.toLocaleString('en')}`),
  );
}
