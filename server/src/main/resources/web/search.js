// The result list: status, hits, facets (with 更多… for every value), chips, the year histogram
// and range, paging and page size, exports and the count table link.
import { $, FACETS, FILTERS, api, docLink, el, go, labelOf, markedHtml, pageLink, params, printHeading, withParam } from './dom.js';
import { renderYearBars } from './years.js';
import { openAllValues } from './facetdialog.js';

export const SIZES = ['10', '20', '50', '100'];
const TOP_VALUES = 20; // what /api/search lists per facet: with that many, there may be more

/** The parameters of /api/search that the URL holds. */
export function searchQuery(p, extra = []) {
  const query = new URLSearchParams();
  for (const [k, v] of p) if (['q', 'sort', ...extra].includes(k) || FILTERS.includes(k)) query.append(k, v);
  return query;
}

export async function renderSearch(p) {
  const query = searchQuery(p, ['page', 'size']);
  const r = await api(`/api/search?${query}`);
  renderFacets(r.facets, p);
  renderChips(p);
  renderHistogram(r.facets.year || [], p);
  renderToolbar(p);
  const browsing = !p.get('q') && !FILTERS.some((f) => p.has(f));
  $('status').textContent = statusLine(r);
  await renderBrowse(browsing);
  const list = $('results');
  list.replaceChildren();
  list.start = (r.page - 1) * r.size + 1;
  r.hits.forEach((hit, i) => {
    // where the documents that lack part of the query begin on this page (with no full match at
    // all, the status line says so)
    const startsPartial = hit.partial && r.total > 0 && (i === 0 || !r.hits[i - 1].partial);
    list.append(resultItem(hit, p.get('q') || '', startsPartial));
  });
  if (r.total === 0 && r.partial === 0) list.append(emptyResults(p));
  renderPager(r, p);
}

function statusLine(r) {
  const parts = [r.partial > 0 && r.total === 0 ? '没有包含全部检索词的文档' : `共 ${r.total} 篇`];
  if (r.partial > 0) parts.push(`${r.total === 0 ? '以下' : '另有'} ${r.partial} 篇只包含部分检索词`);
  if (r.folded > 0) parts.push(`其中 ${r.folded} 篇是所列法规的其他版本，列在该法规下`);
  if (r.query && r.query.mode === 'hybrid' && r.hits.some((h) => h.meaning)) parts.push('含按语义找到的文档');
  return parts.join('，') + `，用时 ${r.took_ms} 毫秒` + (r.query && r.query.truncated ? '（检索词过长，已截断）' : '');
}

function resultItem(hit, q, firstPartial) {
  const title = docLink(hit.id, hit.title || hit.path, q ? { q } : {});
  title.classList.add('title');
  const meta = el('div', { class: 'meta', text: [hit.type, hit.date || hit.year, hit.body, hit.committee, hit.place || hit.region].filter(Boolean).join(' · ') });
  const item = el('li', { class: hit.partial ? 'partial' : null },
    firstPartial ? el('p', { class: 'partial-start', text: '以下文档只包含部分检索词' }) : null,
    el('h3', {}, title), meta);
  if (hit.meaning) {
    // no word of the query in it: found because its title and opening mean the same
    item.append(el('div', { class: 'meaning', text: '按语义找到：文中没有检索词，标题和开头的意思与检索相近' }));
  } else if (hit.partial) {
    const note = el('div', { class: 'missing' });
    if (hit.missing && hit.missing.length) {
      note.append('缺少：');
      hit.missing.forEach((m, i) => note.append(i ? ' ' : '', el('s', { text: m })));
    } else {
      note.textContent = '检索词的各部分分散出现，未连在一起';
    }
    item.append(note);
  }
  (hit.snippets || []).forEach((s, i) => item.append(el('p', { class: 'snippet' }, markedHtml(s), ' ',
    pageLink(hit.id, (hit.snippet_pages || [])[i]))));
  if (hit.versions && hit.versions.length) {
    const versions = el('div', { class: 'versions' }, '其他版本：');
    hit.versions.forEach((v, i) => versions.append(i ? '、' : '', docLink(v.id, v.date || v.path, q ? { q } : {})));
    item.append(versions);
  }
  return item;
}

function emptyResults(p) {
  const active = [...p.keys()].filter((k) => FILTERS.includes(k));
  const box = el('li', { class: 'empty' }, el('span', { text: active.length
    ? '没有符合全部条件的结果。可以去掉一个筛选条件再试：'
    : '没有找到结果。请换用更少或更常见的词，或去掉引号。' }));
  for (const name of new Set(active)) {
    box.append(el('button', { type: 'button', text: `去掉“${labelOf(name)}”`, onclick: () => { const q = params(); q.delete(name); q.delete('page'); go(q); } }));
  }
  return box;
}

function renderFacets(facets, p) {
  const aside = $('facets');
  aside.replaceChildren();
  for (const [name, label] of FACETS) {
    const values = facets[name] || [];
    if (!values.length) continue;
    const chosen = p.getAll(name);
    const set = el('fieldset', { id: `facet-${name}` }, el('legend', { text: label }));
    const ordered = name === 'year' ? [...values].reverse() : values;
    for (const { value, count } of ordered) set.append(facetBox(name, value, count, chosen.includes(value)));
    if (name !== 'year' && values.length >= TOP_VALUES) {
      set.append(el('button', { type: 'button', class: 'more', id: `more-${name}`, text: '更多…', onclick: () => openAllValues(name, label, p) }));
    }
    aside.append(set);
  }
}

export function facetBox(name, value, count, checked, prefix = 'f') {
  const id = `${prefix}-${name}-${value}`;
  const box = el('input', { type: 'checkbox', id, value, checked, onchange: (e) => toggleFilter(name, value, e.target.checked) });
  return el('label', { for: id }, box, el('span', { text: value }), el('span', { class: 'count', text: String(count) }));
}

export function toggleFilter(name, value, on) {
  const p = params();
  const values = p.getAll(name).filter((v) => v !== value);
  if (on) values.push(value);
  p.delete(name);
  for (const v of values) p.append(name, v);
  p.delete('page');
  return go(p);
}

function renderChips(p) {
  const chips = $('chips');
  chips.replaceChildren();
  for (const [name, value] of p) {
    if (!FILTERS.includes(name)) continue;
    const label = labelOf(name);
    chips.append(el('span', { class: 'chip' }, el('span', { text: `${label}：${value}` }),
      el('button', { type: 'button', 'aria-label': `去掉 ${label} ${value}`, text: '×', onclick: () => toggleFilter(name, value, false) })));
  }
}

function renderHistogram(years, p) {
  const selected = p.getAll('year');
  renderYearBars($('histogram'), years.map(({ value, count }) => ({ year: value, count })), 56, (year, count) => {
    const on = selected.includes(String(year));
    return el('button', { type: 'button', title: `${year} 年：${count} 篇`, disabled: count === 0 && !on,
      'aria-label': `${year} 年，${count} 篇，${on ? '取消此年份筛选' : '按此年份筛选'}`, 'aria-pressed': on ? 'true' : 'false',
      class: on ? 'selected' : null, onclick: () => toggleFilter('year', String(year), !on) });
  });
  const yearOf = (d) => (d || '').slice(0, 4);
  const from = el('input', { type: 'number', id: 'year-from', min: '1949', max: '2100', placeholder: '起始年', value: yearOf(p.get('from')) || null });
  const to = el('input', { type: 'number', id: 'year-to', min: '1949', max: '2100', placeholder: '截止年', value: yearOf(p.get('to')) || null });
  const apply = (e) => {
    e.preventDefault();
    const q = params();
    withParam('from', /^\d{4}$/.test(from.value) ? `${from.value}-01-01` : '', q);
    withParam('to', /^\d{4}$/.test(to.value) ? `${to.value}-12-31` : '', q);
    q.delete('page');
    go(q);
  };
  $('year-range').replaceChildren(el('form', { onsubmit: apply },
    el('label', { for: 'year-from', text: '年份从' }), from, el('label', { for: 'year-to', text: '到' }), to,
    el('button', { type: 'submit', id: 'year-apply', text: '筛选年份' })));
}

function renderToolbar(p) {
  const size = el('select', { id: 'size', 'aria-label': '每页条数', onchange: (e) => { const q = withParam('size', e.target.value === '10' ? '' : e.target.value); q.delete('page'); go(q); } },
    ...SIZES.map((s) => el('option', { value: s, text: `每页 ${s} 条`, selected: (p.get('size') || '10') === s })));
  const query = searchQuery(p);
  const stats = new URLSearchParams(query);
  stats.set('view', 'stats');
  $('toolbar').replaceChildren(size,
    el('a', { id: 'export-csv', class: 'button', href: `/api/search.csv?${query}`, download: '检索结果.csv', text: '导出 CSV' }),
    el('a', { id: 'export-xlsx', class: 'button', href: `/api/search.xlsx?${query}`, download: '检索结果.xlsx', text: '导出 Excel' }),
    el('a', { id: 'stats-link', class: 'button', href: `/?${stats}`, text: '统计表', onclick: (e) => { e.preventDefault(); go(stats); } }),
    el('button', { type: 'button', id: 'print', text: '打印', onclick: () => window.print() }));
  printHeading(`检索：${p.get('q') || '（全部）'}${[...p].filter(([k]) => FILTERS.includes(k)).map(([k, v]) => ` · ${labelOf(k)}：${v}`).join('')}`);
}

/** With nothing asked, the collection is browsed by year and committee. */
async function renderBrowse(browsing) {
  const box = $('browse');
  box.replaceChildren();
  if (!browsing) return;
  const { committees } = await api('/api/committees');
  if (!committees.length) return;
  const years = [...new Set(committees.flatMap((c) => Object.keys(c.by_year)))].sort().reverse().slice(0, 12);
  const head = el('tr', {}, el('th', { text: '委员会 \\ 年份' }), ...years.map((y) => el('th', { scope: 'col', text: y })));
  const rows = committees.map((c) => el('tr', {}, el('th', { scope: 'row', text: c.name }), ...years.map((y) => {
    const n = c.by_year[y];
    return el('td', {}, n ? el('a', { href: `/?${new URLSearchParams({ committee: c.name, year: y })}`, text: String(n) }) : '');
  })));
  box.append(el('h2', { text: '按年份和委员会浏览' }), el('div', { class: 'scroll' }, el('table', { class: 'browse' }, el('thead', {}, head), el('tbody', {}, ...rows))));
}

function renderPager(r, p) {
  const pager = $('pager');
  pager.replaceChildren();
  // partial matches follow the full ones (not yet counted, null, until a page reaches them: one
  // more page is offered); versions listed on a hit take no place of their own
  const pages = Math.ceil((r.total + (r.partial === null ? 1 : r.partial) - r.folded) / r.size);
  if (pages <= 1) return;
  const to = (n) => () => go(withParam('page', String(n), params()));
  pager.append(
    el('button', { type: 'button', id: 'prev', text: '上一页', disabled: r.page <= 1, onclick: to(r.page - 1) }),
    el('span', { text: `第 ${r.page} / ${pages} 页` }),
    el('button', { type: 'button', id: 'next', text: '下一页', disabled: r.page >= pages, onclick: to(r.page + 1) }));
}
