// What every view uses: building elements from text, calling the API with the loading indicator,
// the URL as the page's state, and errors told in Chinese.

export const $ = (id) => document.getElementById(id);

export const FACETS = [
  ['year', '年份'], ['type', '类型'], ['body', '发文机关'], ['committee', '委员会'], ['region', '地区'], ['law', '引用法规'],
];
export const FILTERS = FACETS.map(([name]) => name).concat(['from', 'to']);
export const labelOf = (name) => (FACETS.find(([f]) => f === name) || [name, { from: '起', to: '止' }[name] || name])[1];

export function el(tag, attrs = {}, ...children) {
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
export function markedHtml(html) {
  const span = document.createElement('span');
  if (/^(?:[^<>]|<\/?mark>)*$/.test(html)) span.innerHTML = html; else span.textContent = html;
  return span;
}

// calls under way: the indicator is hidden when the last one ends, however it ends
let loading = 0;
function setLoading(delta) {
  loading = Math.max(0, loading + delta);
  $('loading').hidden = loading === 0;
}

export async function api(path) {
  setLoading(1);
  try {
    let response;
    try {
      response = await fetch(path, { headers: { Accept: 'application/json' } });
    } catch {
      throw Object.assign(new Error('network'), { status: 0 });
    }
    let body = null;
    try { body = await response.json(); } catch { body = null; }
    if (!response.ok) {
      throw Object.assign(new Error(body && body.error ? body.error : ''), { status: response.status, path });
    }
    return body;
  } finally {
    setLoading(-1);
  }
}

/** What went wrong, in words for the user; the API's own message (English, for developers) goes under 详细信息. */
export function errorText(e) {
  const doc = e.path && /^\/api\/documents\//.test(e.path);
  switch (e.status) {
    case 0: return '无法连接服务器，请检查网络后重试。';
    case 400: return '检索条件有误，请检查检索词、日期（年-月-日）和筛选条件后重试。';
    case 404: return doc ? '找不到这份文档：它可能已被删除或移动，资料库也可能已重新建立。请从检索结果重新打开。' : '找不到所请求的内容。';
    case 413: case 414: return '检索词太长，请只输入关键词或短语。';
    case 429: return '请求过于频繁，请稍后再试。';
    case 503: return '资料库暂时不可用（可能正在建立索引），请稍后再试。';
    default: return e.status >= 500 ? '服务器出错了，请稍后再试。' : '请求没有成功，请稍后再试。';
  }
}

export function errorBox(e) {
  const box = el('div', {}, el('span', { class: 'error-text', text: `出错了：${errorText(e)}` }));
  if (e.message && e.message !== 'network') {
    box.append(el('details', {}, el('summary', { text: '详细信息' }), el('code', { text: e.message })));
  }
  return box;
}

export function showError(e) {
  const box = $('error');
  box.replaceChildren(errorBox(e));
  box.hidden = false;
}

export function params() { return new URLSearchParams(location.search); }

let renderer = async () => {};
/** The function that draws the page for the current URL (set once by app.js). */
export function onNavigate(render) { renderer = render; }

/** A new state of the page: a new URL, drawn from the top (a view may then scroll to its place). */
export function go(p, replace = false) {
  const url = p.toString() ? `/?${p}` : '/';
  if (replace) history.replaceState(null, '', url); else history.pushState(null, '', url);
  window.scrollTo(0, 0);
  return renderer();
}

export function withParam(name, value, p = params()) {
  if (value === null || value === undefined || value === '') p.delete(name); else p.set(name, value);
  return p;
}

/**
 * What a printout says of itself: a line above the first result and, through the page's margin
 * boxes, at the head of every printed page (with 第 N / M 页 at the foot), so a loose sheet still
 * says what was asked and when. Empty text clears both.
 */
export function printHeading(text) {
  const now = new Date();
  const line = text ? `${text} · 打印于 ${now.getFullYear()}年${now.getMonth() + 1}月${now.getDate()}日` : '';
  $('print-head').textContent = line;
  // a constructed sheet, since the page's Content-Security-Policy admits no inline <style>
  const font = 'font: 9pt "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; color: #444;';
  printSheet.replaceSync(line ? `@page { @top-left { content: ${JSON.stringify(line)}; ${font} } `
    + `@bottom-right { content: "第 " counter(page) " / " counter(pages) " 页"; ${font} } }` : '');
  if (!document.adoptedStyleSheets.includes(printSheet)) document.adoptedStyleSheets = [...document.adoptedStyleSheets, printSheet];
}

/** The rules of the printed page's head and foot (printHeading). */
export const printSheet = new CSSStyleSheet();

/** 2020-03-26 → 2020年3月26日, 2020 → 2020年. */
export function chineseDate(date, year) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date || '');
  if (m) return `${Number(m[1])}年${Number(m[2])}月${Number(m[3])}日`;
  return year ? `${year}年` : (date || '');
}

export function docUrl(id, extra = {}) {
  return `/?${new URLSearchParams({ view: 'doc', id, ...extra })}`;
}

export function docLink(id, text, extra = {}) {
  const url = docUrl(id, extra);
  return el('a', { href: url, text, onclick: (e) => { e.preventDefault(); go(new URLSearchParams(url.slice(2))); } });
}

/** 第 N 页 beside a snippet of a paginated file, linking to the original opened at that page; null without a page. */
export function pageLink(id, page) {
  if (!page) return null;
  return el('a', { class: 'page', href: `/api/documents/${encodeURIComponent(id)}/file#page=${page}`, text: `第 ${page} 页` });
}
