// 更多…: every value of one facet (GET /api/facets/{field}), counted as the list's facets are,
// with a box that narrows the list as one types.
import { api, el, errorBox, params } from './dom.js';
import { facetBox, searchQuery } from './search.js';

export function openAllValues(name, label, p) {
  document.getElementById('all-values')?.remove();
  const list = el('div', { class: 'values', id: 'all-values-list' });
  const filter = el('input', { type: 'search', id: 'all-values-filter', placeholder: `筛选${label}`, 'aria-label': `筛选${label}` });
  const status = el('p', { class: 'meta', id: 'all-values-status', 'aria-live': 'polite' });
  const dialog = el('dialog', { id: 'all-values', 'aria-label': `全部${label}` },
    el('div', { class: 'dialog-head' }, el('h2', { text: `全部${label}` }),
      el('button', { type: 'button', id: 'all-values-close', text: '关闭', onclick: () => dialog.close() })),
    filter, status, list);
  dialog.addEventListener('close', () => dialog.remove());
  document.body.append(dialog);
  dialog.showModal();
  const chosen = p.getAll(name);
  let asked = 0;
  const load = async () => {
    const mine = ++asked;
    const query = searchQuery(params());
    if (filter.value.trim()) query.set('prefix', filter.value.trim());
    try {
      const r = await api(`/api/facets/${encodeURIComponent(name)}?${query}`);
      if (mine !== asked) return;
      status.textContent = `共 ${r.values.length} 项`;
      list.replaceChildren(...r.values.map(({ value, count }) => facetBox(name, value, count, chosen.includes(value), 'all')));
    } catch (e) {
      if (mine === asked) list.replaceChildren(errorBox(e));
    }
  };
  let timer = null;
  filter.addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(load, 150); });
  list.addEventListener('change', () => dialog.close());
  filter.focus();
  return load();
}
