// The laws most cited, and one law's page: its text, the documents citing it, its implementations.
import { $, api, docLink, el } from './dom.js';

export async function renderLaw(p) {
  const view = $('law-view');
  const name = p.get('name');
  if (!name) {
    const { laws } = await api('/api/laws?size=100');
    view.replaceChildren(el('h1', { text: '被引用最多的法规' }), el('ol', {}, ...laws.map((l) => el('li', {},
      el('a', { href: `/?${new URLSearchParams({ view: 'law', name: l.name })}`, text: `《${l.name}》` }),
      el('span', { class: 'meta', text: ` ${l.documents} 篇文档引用` })))));
    return;
  }
  const law = await api(`/api/laws/${encodeURIComponent(name)}`);
  const own = law.text
    ? el('p', {}, '法规原文：', Object.assign(docLink(law.text.id, `《${law.text.title}》`), { id: 'law-text' }),
      el('span', { class: 'meta', text: ` 最新版本 ${law.text.date || ''}，共 ${law.text.versions} 个版本` }))
    : el('p', { class: 'meta', text: '资料库中没有这部法规的原文。' });
  const citing = el('ol', { id: 'citing' }, ...law.citing.map((d) => el('li', {},
    docLink(d.id, d.title || d.path),
    el('div', { class: 'meta', text: [d.type, d.date || d.year, d.body].filter(Boolean).join(' · ') }),
    d.sentence ? el('p', { class: 'snippet', text: d.sentence }) : null)));
  view.replaceChildren(el('h1', { text: `《${law.name}》` }), own, el('h2', { text: `引用它的文档（${law.total} 篇）` }), citing);
  if (law.implementations && law.implementations.length) {
    view.append(el('h2', { text: '实施办法' }), el('ul', {}, ...law.implementations.map((d) => el('li', {}, docLink(d.id, d.title)))));
  }
}
