// 起草参考: where a sentence was used before, newest and exact first, a timeline of the years
// (a bar filters by its year, a second click removes the filter), and a citation to copy.
import { $, api, chineseDate, docLink, el, go, markedHtml, pageLink, params, printHeading } from './dom.js';
import { renderYearBars } from './years.js';

/** 《title》第七条（body，2020年3月26日）: what a drafter writes after a quoted passage. */
export function citation(hit) {
  const when = chineseDate(hit.date, hit.year);
  const source = [hit.body, when].filter(Boolean).join('，');
  return `《${hit.title || hit.path}》${hit.article || ''}${source ? `（${source}）` : ''}`;
}

export async function renderPrecedents(p) {
  const text = p.get('text') || '';
  $('precedent-text').value = text;
  const list = $('precedent-results');
  list.replaceChildren();
  $('timeline').replaceChildren();
  $('precedent-status').textContent = text ? '' : '粘贴一句话，查看以前在哪些文件里用过它或相近的说法。';
  if (!text) return;
  printHeading(`起草参考：${text.length > 40 ? `${text.slice(0, 40)}…` : text}`);
  const years = p.getAll('year');
  const query = new URLSearchParams({ q: text, size: '20' });
  for (const y of years) query.append('year', y);
  const r = await api(`/api/precedents?${query}`);
  $('precedent-status').textContent = (r.total ? `找到 ${r.total} 处出处，用时 ${r.took_ms} 毫秒（完全一致的排在前面）` : '没有找到相同或相近的句子。')
    + (years.length ? `（只看 ${years.join('、')} 年，再点一次该年份取消）` : '');
  renderYearBars($('timeline'), r.timeline, 46, (year, count) => {
    const on = years.includes(String(year));
    return el('button', { type: 'button', class: `bar${on ? ' selected' : ''}`, title: `${year} 年：${count} 篇`, disabled: count === 0 && !on,
      'aria-pressed': on ? 'true' : 'false', 'aria-label': `${year} 年 ${count} 篇，${on ? '取消此年份' : '只看此年份'}`,
      onclick: () => {
        const q = params();
        const rest = q.getAll('year').filter((y) => y !== String(year));
        q.delete('year');
        for (const y of on ? rest : [...rest, String(year)]) q.append('year', y);
        go(q);
      } });
  });
  for (const hit of r.hits) {
    const cite = citation(hit);
    const copy = el('button', { type: 'button', class: 'copy', text: '复制引用', title: cite, onclick: async (e) => {
      try { await navigator.clipboard.writeText(cite); e.target.textContent = '已复制'; } catch { e.target.textContent = '复制失败，请手动选择文字'; }
    } });
    // a span of passages opens with all of them shaded
    const place = hit.end_position > hit.position ? { passage: String(hit.position), passage_end: String(hit.end_position) } : { passage: String(hit.position) };
    const link = docLink(hit.doc_id, hit.title || hit.path, place);
    list.append(el('li', { 'data-citation': cite },
      el('span', { class: `badge ${hit.match}`, text: hit.match === 'exact' ? '完全一致' : '相近' }), ' ', link,
      hit.article ? el('span', { class: 'article', text: ` ${hit.article}` }) : null,
      el('div', { class: 'meta', text: [hit.type, hit.date || hit.year, hit.body].filter(Boolean).join(' · ') + (hit.other_versions ? ` · 另有 ${hit.other_versions} 个版本` : '') }),
      el('p', { class: 'snippet' }, markedHtml(hit.passage), ' ', pageLink(hit.doc_id, hit.page)), el('p', { class: 'cite meta', text: `引用：${cite}` }), copy));
  }
}
