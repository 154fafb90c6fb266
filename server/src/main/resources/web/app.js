// The search page: plain ES module, no build step. Everything that comes from the index is
// inserted as text, except snippets and precedent passages, which the server has already
// HTML-escaped with <mark> around matches; those are checked to hold no other tag first.

const FACETS = [
  ['year', '年份'], ['type', '类型'], ['body', '发文机关'], ['committee', '委员会'], ['region', '地区'], ['law', '引用法规'],
];
const FILTERS = FACETS.map(([name]) => name).concat(['from', 'to']);
const $ = (id) => document.getElementById(id);

function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === 'text') e.textContent = v;
    else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else if (v !== undefined && v !== null && v !== false) e.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children) if (c !== null && c !== undefined) e.append(c);
  return e;
}

/** Server HTML that may only hold <mark> and escaped text; anything else is shown as text. */
function markedHtml(html) {
  const span = document.createElement('span');
  if (/^(?:[^<>]|<\/?mark>)*$/.test(html)) span.innerHTML = html; else span.textContent = html;
  return span;
}

async function api(path) {
  $('loading').hidden = false;
  try {
    const response = await fetch(path, { headers: { Accept: 'application/json' } });
    let body = null;
    try { body = await response.json(); } catch { body = null; }
    if (!response.ok) {
      const err = new Error(body && body.error ? body.error : `服务器返回 ${response.status}`);
      err.status = response.status;
      throw err;
    }
    return body;
  } finally {
    $('loading').hidden = true;
  }
}

function showError(e) {
  const box = $('error');
  box.textContent = e.status === 404 && !e.message ? '未找到。' : `出错了：${e.message}`;
  box.hidden = false;
}

function params() { return new URLSearchParams(location.search); }

function go(p, replace = false) {
  const url = p.toString() ? `/?${p}` : '/';
  if (replace) history.replaceState(null, '', url); else history.pushState(null, '', url);
  render();
}

function withParam(name, value, p = params()) {
  if (value === null || value === '') p.delete(name); else p.set(name, value);
  return p;
}

function showView(id) {
  for (const v of ['search-view', 'doc-view', 'precedent-view', 'law-view']) $(v).hidden = v !== id;
  const tab = { 'search-view': 'tab-search', 'doc-view': 'tab-search', 'precedent-view': 'tab-precedent', 'law-view': 'tab-laws' }[id];
  for (const t of ['tab-search', 'tab-precedent', 'tab-laws']) $(t).classList.toggle('active', t === tab);
}

async function render() {
  $('error').hidden = true;
  const p = params();
  $('q').value = p.get('q') || '';
  $('sort').value = p.get('sort') || '';
  try {
    switch (p.get('view')) {
      case 'doc': showView('doc-view'); await renderDocument(p); break;
      case 'precedent': showView('precedent-view'); await renderPrecedents(p); break;
      case 'law': case 'laws': showView('law-view'); await renderLaw(p); break;
      default: showView('search-view'); await renderSearch(p);
    }
  } catch (e) {
    showError(e);
  }
}

// ---- search and browse -------------------------------------------------------------------

async function renderSearch(p) {
  const query = new URLSearchParams();
  for (const [k, v] of p) if (k === 'q' || k === 'sort' || k === 'page' || FILTERS.includes(k)) query.append(k, v);
  const r = await api(`/api/search?${query}`);
  renderFacets(r.facets, p);
  renderChips(p);
  renderHistogram(r.facets.year || [], p);
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
  return parts.join('，') + `，用时 ${r.took_ms} 毫秒` + (r.query && r.query.truncated ? '（检索词过长，已截断）' : '');
}

function docLink(id, text, q) {
  const url = `/?${new URLSearchParams({ view: 'doc', id, ...(q ? { q } : {}) })}`;
  return el('a', { href: url, text, onclick: (e) => { e.preventDefault(); history.pushState(null, '', url); render(); } });
}

/** 第 N 页 beside a snippet of a paginated file, linking to the original opened at that page; null without a page. */
function pageLink(id, page) {
  if (!page) return null;
  return el('a', { class: 'page', href: `/api/documents/${encodeURIComponent(id)}/file#page=${page}`, text: `第 ${page} 页` });
}

function resultItem(hit, q, firstPartial) {
  const title = docLink(hit.id, hit.title || hit.path, q);
  title.classList.add('title');
  const meta = el('div', { class: 'meta', text: [hit.type, hit.date || hit.year, hit.body, hit.committee, hit.place || hit.region].filter(Boolean).join(' · ') });
  const item = el('li', { class: hit.partial ? 'partial' : null },
    firstPartial ? el('p', { class: 'partial-start', text: '以下文档只包含部分检索词' }) : null,
    el('h3', {}, title), meta);
  if (hit.partial) {
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
    hit.versions.forEach((v, i) => versions.append(i ? '、' : '', docLink(v.id, v.date || v.path, q)));
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
    const label = (FACETS.find(([f]) => f === name) || [name, name])[1];
    box.append(el('button', { type: 'button', text: `去掉“${label}”`, onclick: () => { const q = params(); q.delete(name); q.delete('page'); go(q); } }));
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
    const set = el('fieldset', {}, el('legend', { text: label }));
    const ordered = name === 'year' ? [...values].reverse() : values;
    for (const { value, count } of ordered) {
      const id = `f-${name}-${value}`;
      const box = el('input', { type: 'checkbox', id, value, checked: chosen.includes(value), onchange: (e) => toggleFilter(name, value, e.target.checked) });
      set.append(el('label', { for: id }, box, el('span', { text: value }), el('span', { class: 'count', text: String(count) })));
    }
    aside.append(set);
  }
}

function toggleFilter(name, value, on) {
  const p = params();
  const values = p.getAll(name).filter((v) => v !== value);
  if (on) values.push(value);
  p.delete(name);
  for (const v of values) p.append(name, v);
  p.delete('page');
  go(p);
}

function renderChips(p) {
  const chips = $('chips');
  chips.replaceChildren();
  for (const [name, value] of p) {
    if (!FILTERS.includes(name)) continue;
    const label = (FACETS.find(([f]) => f === name) || [name, name === 'from' ? '起' : '止'])[1];
    chips.append(el('span', { class: 'chip' }, el('span', { text: `${label}：${value}` }),
      el('button', { type: 'button', 'aria-label': `去掉 ${label} ${value}`, text: '×', onclick: () => toggleFilter(name, value, false) })));
  }
}

/**
 * Bars of counts per year, each column labelled with its year (every few years where there are
 * many, so the labels never overlap); `bar(year, count)` makes the bar element.
 */
function renderYearBars(box, years, height, bar) {
  box.replaceChildren();
  const max = Math.max(1, ...years.map((y) => y.count));
  // a label is about two columns wide
  const every = years.length <= 1 ? 1 : Math.max(2, Math.ceil(years.length / 12));
  years.forEach(({ year, count }, i) => {
    const b = bar(year, count);
    b.style.height = `${Math.max(4, Math.round((count / max) * height))}px`;
    const label = i % every === 0 || i === years.length - 1 ? String(year) : '';
    box.append(el('span', { class: 'col' }, b, el('span', { class: 'year', 'aria-hidden': 'true', text: label })));
  });
}

function renderHistogram(years, p) {
  renderYearBars($('histogram'), years.map(({ value, count }) => ({ year: value, count })), 56, (year, count) =>
    el('button', { type: 'button', title: `${year} 年：${count} 篇`, 'aria-label': `${year} 年，${count} 篇，按此年份筛选`,
      class: p.getAll('year').includes(String(year)) ? 'selected' : null, onclick: () => toggleFilter('year', String(year), true) }));
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
  box.append(el('h2', { text: '按年份和委员会浏览' }), el('table', { class: 'browse' }, el('thead', {}, head), el('tbody', {}, ...rows)));
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

// ---- document -----------------------------------------------------------------------------

async function renderDocument(p) {
  const view = $('doc-view');
  view.replaceChildren(el('p', { text: '正在打开…' }));
  const id = p.get('id');
  const d = await api(`/api/documents/${encodeURIComponent(id)}`);
  const dl = el('dl');
  for (const [label, value] of [['类型', d.type], ['日期', d.date || d.year], ['发文机关', d.body], ['委员会', d.committee],
    ['地区', [d.region, d.place].filter(Boolean).join(' ')], ['届次', d.term], ['会议', d.meeting], ['文件', d.path],
    ['文字来源', d.extraction === 'ocr' ? `OCR 机器识别（${d.ocr_pages} 页${d.ocr_confidence != null ? `，置信度 ${d.ocr_confidence}%` : ''}），个别字可能识别有误` : null]]) {
    if (value) dl.append(el('dt', { text: label }), el('dd', { text: String(value) }));
  }
  const text = el('div', { class: 'text', id: 'doc-text' });
  const marks = markText(text, d.text || '', words(p.get('q') || ''));
  const jump = el('button', { type: 'button', id: 'jump', text: `跳到第一处命中（共 ${marks} 处）`, disabled: marks === 0,
    onclick: () => { const m = text.querySelector('mark'); if (m) m.scrollIntoView({ block: 'center' }); } });
  const laws = el('ul', { id: 'doc-laws' });
  for (const law of d.laws || []) laws.append(el('li', {}, el('a', { href: `/?${new URLSearchParams({ view: 'law', name: law })}`, text: `《${law}》` })));
  const similar = el('ul', { id: 'similar' }, el('li', { text: '正在查找…' }));
  view.replaceChildren(el('h1', { text: d.title || d.path }), dl,
    el('p', {}, el('a', { href: `/api/documents/${encodeURIComponent(id)}/file`, id: 'original', text: '查看原文件' }), ' ', jump),
    ...(d.laws && d.laws.length ? [el('h2', { text: '引用的法规' }), laws] : []),
    el('h2', { text: '全文' }), text, el('h2', { text: '相似文档' }), similar);
  try {
    const s = await api(`/api/documents/${encodeURIComponent(id)}/similar?size=8`);
    similar.replaceChildren(...s.similar.map((x) => el('li', {},
      el('a', { href: `/?${new URLSearchParams({ view: 'doc', id: x.id })}`, text: x.title || x.path }),
      el('span', { class: 'meta', text: ` ${[x.type, x.date || x.year].filter(Boolean).join(' · ')}${x.near_duplicate ? ' · 同一文件的另一版本' : ''}` }))));
    if (!s.similar.length) similar.replaceChildren(el('li', { text: '没有相似文档。' }));
  } catch (e) {
    similar.replaceChildren(el('li', { text: `相似文档暂不可用：${e.message}` }));
  }
}

function words(q) {
  return q.replace(/(^|\s)-\S+/g, ' ').replace(/title:|\bOR\b/g, ' ').split(/[\s"“”「」]+/).map((w) => w.trim()).filter((w) => w.length > 0);
}

/** Appends text to a node with each occurrence of the words in <mark>, as DOM nodes; returns the count. */
function markText(node, text, ws) {
  if (!ws.length) { node.textContent = text; return 0; }
  const pattern = new RegExp(ws.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'g');
  let last = 0; let count = 0;
  for (const m of text.matchAll(pattern)) {
    node.append(text.slice(last, m.index), el('mark', { text: m[0] }));
    last = m.index + m[0].length;
    count++;
  }
  node.append(text.slice(last));
  return count;
}

// ---- precedents ---------------------------------------------------------------------------

async function renderPrecedents(p) {
  const text = p.get('text') || '';
  $('precedent-text').value = text;
  const list = $('precedent-results');
  list.replaceChildren();
  $('timeline').replaceChildren();
  $('precedent-status').textContent = text ? '' : '粘贴一句话，查看以前在哪些文件里用过它或相近的说法。';
  if (!text) return;
  const r = await api(`/api/precedents?${new URLSearchParams({ q: text, size: '20' })}`);
  $('precedent-status').textContent = r.total ? `找到 ${r.total} 处出处，用时 ${r.took_ms} 毫秒（完全一致的排在前面）` : '没有找到相同或相近的句子。';
  renderYearBars($('timeline'), r.timeline, 46, (year, count) =>
    el('span', { class: 'bar', title: `${year} 年：${count} 篇`, 'aria-label': `${year} 年 ${count} 篇` }));
  for (const hit of r.hits) {
    const passage = markedHtml(hit.passage);
    const plain = passage.textContent;
    const citation = `${plain}（《${hit.title || hit.path}》${hit.body ? '，' + hit.body : ''}${hit.date || hit.year ? '，' + (hit.date || hit.year) : ''}）`;
    const copy = el('button', { type: 'button', class: 'copy', text: '复制引用', onclick: async (e) => {
      try { await navigator.clipboard.writeText(citation); e.target.textContent = '已复制'; } catch { e.target.textContent = '复制失败，请手动选择文字'; }
    } });
    list.append(el('li', { 'data-citation': citation },
      el('span', { class: `badge ${hit.match}`, text: hit.match === 'exact' ? '完全一致' : '相近' }), ' ',
      el('a', { href: `/?${new URLSearchParams({ view: 'doc', id: hit.doc_id })}`, text: hit.title || hit.path }),
      el('div', { class: 'meta', text: [hit.type, hit.date || hit.year, hit.body].filter(Boolean).join(' · ') + (hit.other_versions ? ` · 另有 ${hit.other_versions} 个版本` : '') }),
      el('p', { class: 'snippet' }, passage, ' ', pageLink(hit.doc_id, hit.page)), copy));
  }
}

// ---- laws ---------------------------------------------------------------------------------

async function renderLaw(p) {
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
    ? el('p', {}, '法规原文：', el('a', { href: `/?${new URLSearchParams({ view: 'doc', id: law.text.id })}`, id: 'law-text', text: `《${law.text.title}》` }),
      el('span', { class: 'meta', text: ` 最新版本 ${law.text.date || ''}，共 ${law.text.versions} 个版本` }))
    : el('p', { class: 'meta', text: '资料库中没有这部法规的原文。' });
  const citing = el('ol', { id: 'citing' }, ...law.citing.map((d) => el('li', {},
    el('a', { href: `/?${new URLSearchParams({ view: 'doc', id: d.id })}`, text: d.title || d.path }),
    el('div', { class: 'meta', text: [d.type, d.date || d.year, d.body].filter(Boolean).join(' · ') }),
    d.sentence ? el('p', { class: 'snippet', text: d.sentence }) : null)));
  view.replaceChildren(el('h1', { text: `《${law.name}》` }), own, el('h2', { text: `引用它的文档（${law.total} 篇）` }), citing);
  if (law.implementations && law.implementations.length) {
    view.append(el('h2', { text: '实施办法' }), el('ul', {}, ...law.implementations.map((d) => el('li', {},
      el('a', { href: `/?${new URLSearchParams({ view: 'doc', id: d.id })}`, text: d.title })))));
  }
}

// ---- suggestions, keyboard, wiring --------------------------------------------------------

let suggestTimer = null;
async function suggest() {
  const q = $('q').value.trim();
  const list = $('suggest');
  if (q.length < 1) { list.hidden = true; return; }
  try {
    const r = await fetch(`/api/suggest?${new URLSearchParams({ q })}`).then((x) => x.json());
    list.replaceChildren(...(r.suggestions || []).map((s) => el('li', { role: 'option', text: s.text, onmousedown: (e) => {
      e.preventDefault(); $('q').value = s.text; list.hidden = true; submitSearch();
    } })));
    list.hidden = list.children.length === 0;
  } catch { list.hidden = true; }
}

function submitSearch() {
  const p = params();
  const view = p.get('view');
  const next = view && view !== 'doc' ? new URLSearchParams() : p;
  for (const k of ['view', 'id', 'page', 'name', 'text']) next.delete(k);
  withParam('q', $('q').value.trim(), next);
  withParam('sort', $('sort').value, next);
  $('suggest').hidden = true;
  go(next);
}

document.addEventListener('DOMContentLoaded', () => {
  $('search-form').addEventListener('submit', (e) => { e.preventDefault(); submitSearch(); });
  $('sort').addEventListener('change', submitSearch);
  $('q').addEventListener('input', () => { clearTimeout(suggestTimer); suggestTimer = setTimeout(suggest, 150); });
  $('q').addEventListener('blur', () => setTimeout(() => { $('suggest').hidden = true; }, 100));
  $('precedent-form').addEventListener('submit', (e) => {
    e.preventDefault();
    go(new URLSearchParams({ view: 'precedent', text: $('precedent-text').value.trim() }));
  });
  for (const id of ['home', 'tab-search', 'tab-precedent', 'tab-laws']) {
    $(id).addEventListener('click', (e) => { e.preventDefault(); history.pushState(null, '', e.currentTarget.getAttribute('href')); render(); });
  }
  document.addEventListener('keydown', (e) => {
    const typing = ['INPUT', 'TEXTAREA', 'SELECT'].includes(document.activeElement.tagName);
    if (e.key === '/' && !typing) { e.preventDefault(); $('q').focus(); }
    if (e.key === 'Escape') $('suggest').hidden = true;
  });
  window.addEventListener('popstate', render);
  render();
});
