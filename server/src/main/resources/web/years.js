// Bars of counts per year, for the result histogram and the precedent timeline: every year of the
// range has its column (an empty year too), so the bars are evenly spaced and a gap shows as a gap.
import { el } from './dom.js';

/** [{year, count}] with the years missing between the first and the last added with count 0. */
export function everyYear(years) {
  const known = years.map((y) => ({ year: Number(y.year), count: y.count })).filter((y) => Number.isFinite(y.year));
  if (!known.length) return [];
  const byYear = new Map(known.map((y) => [y.year, y.count]));
  const first = Math.min(...known.map((y) => y.year));
  const last = Math.max(...known.map((y) => y.year));
  const out = [];
  for (let y = first; y <= last; y++) out.push({ year: y, count: byYear.get(y) || 0 });
  return out;
}

/**
 * Draws the columns into `box`, each labelled with its year where there is room (a label is about
 * two columns wide: every few years, the first and the last); `bar(year, count)` makes the bar.
 */
export function renderYearBars(box, years, height, bar) {
  box.replaceChildren();
  const all = everyYear(years);
  const max = Math.max(1, ...all.map((y) => y.count));
  const every = all.length <= 1 ? 1 : Math.max(2, Math.ceil(all.length / 16));
  all.forEach(({ year, count }, i) => {
    const b = bar(year, count);
    b.style.height = count ? `${Math.max(4, Math.round((count / max) * height))}px` : '1px';
    if (!count) b.classList.add('zero');
    const labelled = (i % every === 0 && all.length - 1 - i >= every) || i === all.length - 1;
    box.append(el('span', { class: 'col' }, b, el('span', { class: 'year', 'aria-hidden': 'true', text: labelled ? String(year) : '' })));
  });
  // on a narrow screen the axis scrolls: show the recent years first
  box.scrollLeft = box.scrollWidth;
}
