// The drafting tools, beside app.js: the 对照表 page (compare.html) and, in the document view of
// index.html, a panel offering 与其他版本对照, 与另一文件对照 and 新提法 / 不再提及. Server HTML is
// inserted only when it holds nothing but escaped text and the one tag expected (<del>, <ins>, <mark>).

import { $, api, el, errorBox, errorText } from './dom.js';

const PICKED = 'rendakb.compare.picked';

/** A span holding the server's HTML if it has no tag but {@code tag}, else the HTML as text. */
function tagged(html, tag) {
  const span = document.createElement('span');
  if (new RegExp(`^(?:[^<>]|</?${tag}>)*$`).test(html)) span.innerHTML = html; else span.textContent = html;
  return span;
}

const compareUrl = (a, b) => `/compare.html?${new URLSearchParams({ a, b })}`;
const docUrl = (id) => `/?${new URLSearchParams({ view: 'doc', id })}`;
const name = (side) => `《${side.title || side.id}》${side.date ? `（${side.date}）` : ''}`;

// ---- 对照表 -------------------------------------------------------------------------------------

const CHANGE = { same: '未修改', changed: '修改', added: '新增', removed: '删除' };

async function renderComparison() {
  const p = new URLSearchParams(location.search);
  const a = p.get('a');
  const b = p.get('b');
  const status = $('compare-status');
  if (!a || !b) { status.textContent = '请从文件页选择要对照的两个文件。'; return; }
  try {
    const c = await api(`/api/compare?${new URLSearchParams({ a, b })}`);
    $('compare-title').textContent = `${name(c.a)}与${name(c.b)}对照表`;
    $('head-a').replaceChildren(el('a', { href: docUrl(c.a.id), text: `修改前 ${name(c.a)}` }));
    $('head-b').replaceChildren(el('a', { href: docUrl(c.b.id), text: `修改后 ${name(c.b)}` }));
    const n = c.counts;
    status.textContent = `共 ${c.rows.length} 处：未修改 ${n.same}，修改 ${n.changed}，新增 ${n.added}，删除 ${n.removed}`;
    $('compare-docx').href = `/api/compare.docx?${new URLSearchParams({ a, b })}`;
    const body = $('compare-table').tBodies[0];
    body.replaceChildren(...c.rows.map((r) => el('tr', { class: r.change },
      el('td', {}, tagged(r.a, 'del')), el('td', {}, tagged(r.b, 'ins')), el('td', { text: CHANGE[r.change] || r.change }))));
    $('only-changes').addEventListener('change', (e) => $('compare-table').classList.toggle('only-changes', e.target.checked));
  } catch (e) {
    // in Chinese; the API's own message under 详细信息
    status.textContent = '';
    const box = errorBox(e);
    const why = { 404: '找不到要对照的文件：它可能已被删除或移动。请从文件页重新选择。', 400: '这两个文件无法对照（文件可能过长）。' }[e.status];
    if (why) box.querySelector('.error-text').textContent = `出错了：${why}`;
    $('error').replaceChildren(box);
    $('error').hidden = false;
  }
}

// ---- the document view's panel ---------------------------------------------------------------

function phraseList(title, items, id) {
  const list = el('ol', { id });
  for (const x of items) {
    list.append(el('li', {}, el('span', { class: 'phrase', text: x.phrase }), el('span', { class: 'sentence' }, tagged(x.sentence, 'mark'))));
  }
  if (!items.length) list.append(el('li', { text: '没有。' }));
  return el('div', {}, el('h3', { text: title }), list);
}

/** Why no comparison was made, in Chinese, with the API's message under 详细信息. */
function phrasesError(e, against) {
  const box = errorBox(e);
  const why = against ? null : {
    404: '没有找到可比较的文件：资料库里没有同一机关上一年的同类文件。可以在另一文件上点“选作对照文件”，再回到这里比较。',
    400: '这份文件没有年份或类型，无法自动找到上一年的同类文件。可以在另一文件上点“选作对照文件”，再回到这里比较。',
  }[e.status];
  box.querySelector('.error-text').textContent = `无法比较：${why || errorText(e)}`;
  return box;
}

async function showPhrases(box, id, against) {
  box.replaceChildren(el('p', { text: '正在比较…' }));
  try {
    const q = new URLSearchParams();
    if (against) q.append('against', against);
    const r = await api(`/api/documents/${encodeURIComponent(id)}/new-phrases?${q}`);
    const others = await Promise.all(r.against.map((x) => api(`/api/documents/${encodeURIComponent(x)}`).catch(() => ({ id: x }))));
    box.replaceChildren(el('p', { class: 'meta', text: `与${others.map((o) => name(o)).join('、')}相比` }),
      el('div', { class: 'phrases' }, phraseList('新提法', r.new, 'new-phrases'), phraseList('不再提及', r.dropped, 'dropped-phrases')));
  } catch (e) {
    box.replaceChildren(el('div', { class: 'doc-error', id: 'phrases-error' }, phrasesError(e, against)));
  }
}

async function addPanel(view, id) {
  const d = await api(`/api/documents/${encodeURIComponent(id)}`);
  const panel = el('section', { id: 'drafting', 'aria-label': '起草工具' }, el('h2', { text: '起草工具' }));
  const versions = await api(`/api/documents/${encodeURIComponent(id)}/versions`).catch(() => ({ versions: [] }));
  if (versions.versions.length) {
    const list = el('ul', { id: 'other-versions' });
    for (const v of versions.versions) {
      // the older text is 修改前
      const [a, b] = (v.date || '') <= (d.date || '') ? [v.id, id] : [id, v.id];
      list.append(el('li', {}, el('a', { href: compareUrl(a, b), class: 'compare-version', text: `与其他版本对照：${name(v)}` })));
    }
    panel.append(list);
  }
  const picked = JSON.parse(localStorage.getItem(PICKED) || 'null');
  const tools = el('p', {});
  if (picked && picked.id !== id) {
    tools.append(el('a', { href: compareUrl(picked.id, id), id: 'compare-picked', text: `与${name(picked)}对照` }), ' ');
  }
  tools.append(el('button', { type: 'button', id: 'pick-compare', text: '选作对照文件', onclick: (e) => {
    localStorage.setItem(PICKED, JSON.stringify({ id, title: d.title || d.path, date: d.date }));
    e.target.textContent = '已选，打开另一文件即可对照';
  } }));
  const phrases = el('div', { id: 'phrases-box' });
  tools.append(el('button', { type: 'button', id: 'new-phrases-go', text: '新提法 / 不再提及（与上一年同类文件比）',
    onclick: () => showPhrases(phrases, id, null) }));
  if (picked && picked.id !== id) {
    tools.append(el('button', { type: 'button', id: 'new-phrases-picked', text: `新提法（与${name(picked)}比）`,
      onclick: () => showPhrases(phrases, id, picked.id) }));
  }
  panel.append(tools, phrases);
  if (!view.querySelector('#drafting')) {
    const dl = view.querySelector('dl');
    if (dl) dl.after(panel); else view.append(panel);
  }
}

/** app.js renders the document view; the panel joins it whenever it shows a document. */
function watchDocumentView() {
  const view = $('doc-view');
  if (!view) return;
  let shown = null;
  new MutationObserver(() => {
    const p = new URLSearchParams(location.search);
    const id = p.get('view') === 'doc' ? p.get('id') : null;
    if (!id || !view.querySelector('h1') || view.querySelector('#drafting') || shown === view.firstChild) return;
    shown = view.firstChild;
    addPanel(view, id).catch(() => {});
  }).observe(view, { childList: true });
}

if ($('compare-view')) renderComparison(); else watchDocumentView();
