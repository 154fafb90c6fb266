// 统计表: documents counted by two dimensions (GET /api/stats) under the search's filters, with
// row and column totals, exportable as CSV or Excel.
import { $, FILTERS, api, el, errorBox, go, labelOf, params, printHeading } from './dom.js';
import { searchQuery } from './search.js';

const DIMENSIONS = ['region', 'year', 'type', 'body', 'committee'];

export async function renderStats(p) {
  const view = $('stats-view');
  const rows = DIMENSIONS.includes(p.get('rows')) ? p.get('rows') : 'region';
  const cols = DIMENSIONS.includes(p.get('cols')) && p.get('cols') !== rows ? p.get('cols') : (rows === 'year' ? 'type' : 'year');
  const query = searchQuery(p);
  query.set('rows', rows);
  query.set('cols', cols);
  const pick = (id, value) => el('select', { id, onchange: () => change() },
    ...DIMENSIONS.map((d) => el('option', { value: d, text: labelOf(d), selected: d === value })));
  const rowSel = pick('stats-rows', rows);
  const colSel = pick('stats-cols', cols);
  const change = () => { const q = params(); q.set('rows', rowSel.value); q.set('cols', colSel.value); go(q, true); };
  const back = new URLSearchParams(searchQuery(p));
  const filters = [...p].filter(([k]) => FILTERS.includes(k)).map(([k, v]) => `${labelOf(k)}：${v}`);
  printHeading(`统计表（${labelOf(rows)} × ${labelOf(cols)}）：${p.get('q') || '（全部）'}${filters.length ? ' · ' + filters.join(' · ') : ''}`);
  view.replaceChildren(el('h1', { text: '统计表' }),
    el('p', { class: 'meta', text: `检索：${p.get('q') || '（全部）'}${filters.length ? ' · ' + filters.join(' · ') : ''}` }),
    el('p', { class: 'controls' }, el('label', { for: 'stats-rows', text: '行：' }), rowSel, ' ', el('label', { for: 'stats-cols', text: '列：' }), colSel, ' ',
      el('a', { class: 'button', id: 'stats-csv', href: `/api/stats.csv?${query}`, download: '统计表.csv', text: '导出 CSV' }), ' ',
      el('a', { class: 'button', id: 'stats-xlsx', href: `/api/stats.xlsx?${query}`, download: '统计表.xlsx', text: '导出 Excel' }), ' ',
      el('a', { href: back.toString() ? `/?${back}` : '/', text: '返回检索结果', onclick: (e) => { e.preventDefault(); go(back); } })),
    el('p', { text: '正在统计…', id: 'stats-status' }));
  let t;
  try {
    t = await api(`/api/stats?${query}`);
  } catch (e) {
    $('stats-status').replaceChildren(errorBox(e));
    return;
  }
  const cell = (filtersOf, n) => {
    if (!n) return el('td', { class: 'zero', text: '0' });
    const link = new URLSearchParams(searchQuery(p));
    for (const [k, v] of filtersOf) { link.delete(k); link.append(k, v); }
    return el('td', {}, el('a', { href: `/?${link}`, text: String(n) }));
  };
  const head = el('tr', {}, el('th', { text: `${labelOf(rows)} \\ ${labelOf(cols)}` }), ...t.cols.map((c) => el('th', { scope: 'col', text: c })), el('th', { scope: 'col', text: '合计' }));
  const body = t.rows.map((r, i) => el('tr', {}, el('th', { scope: 'row', text: r }),
    ...t.cols.map((c, j) => cell([[rows, r], [cols, c]], t.counts[i][j])), el('td', { class: 'total' }, cell([[rows, r]], t.row_totals[i]).firstChild || '0')));
  const foot = el('tr', { class: 'totals' }, el('th', { scope: 'row', text: '合计' }),
    ...t.col_totals.map((n, j) => el('td', { class: 'total', text: String(n), title: t.cols[j] })), el('td', { class: 'total', id: 'stats-total', text: String(t.total) }));
  $('stats-status').textContent = `共 ${t.total} 篇文档，${t.rows.length} 行 × ${t.cols.length} 列`;
  view.append(el('div', { class: 'scroll' }, el('table', { class: 'browse', id: 'stats-table' }, el('thead', {}, head), el('tbody', {}, ...body), el('tfoot', {}, foot))));
}
