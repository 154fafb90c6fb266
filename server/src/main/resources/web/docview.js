// The document view: metadata, the full text with the marks the server matched (the snippets'
// matcher: abbreviations and folding included), next/previous mark, and the passage a precedent
// hit points to, scrolled into view.
import { $, api, el, errorBox, docUrl, go } from './dom.js';

export async function renderDocument(p) {
  const view = $('doc-view');
  view.replaceChildren(el('p', { class: 'opening', text: '正在打开…' }));
  const id = p.get('id') || '';
  const q = p.get('q') || '';
  const passage = p.get('passage');
  let d;
  try {
    d = await api(`/api/documents/${encodeURIComponent(id)}`);
  } catch (e) {
    view.replaceChildren(el('div', { class: 'doc-error', id: 'doc-error' }, errorBox(e)));
    return;
  }
  const marksQuery = new URLSearchParams();
  if (q) marksQuery.set('q', q);
  if (passage !== null && /^\d+$/.test(passage)) marksQuery.set('passage', passage);
  const m = marksQuery.toString()
    ? await api(`/api/documents/${encodeURIComponent(id)}/marks?${marksQuery}`).catch(() => ({ marks: [], passage: null }))
    : { marks: [], passage: null };
  const end = p.get('passage_end');
  if (m.passage && end !== null && /^\d+$/.test(end) && Number(end) > Number(passage)) {
    // a precedent span: shaded from its first passage to the end of its last
    const last = await api(`/api/documents/${encodeURIComponent(id)}/marks?${new URLSearchParams({ passage: end })}`).catch(() => ({ passage: null }));
    if (last.passage && last.passage.end > m.passage.start) m.passage = { start: m.passage.start, end: last.passage.end };
  }
  const dl = el('dl');
  for (const [label, value] of [['类型', d.type], ['日期', d.date || d.year], ['发文机关', d.body], ['委员会', d.committee],
    ['地区', [d.region, d.place].filter(Boolean).join(' ')], ['届次', d.term], ['会议', d.meeting], ['文件', d.path],
    ['文字来源', d.extraction === 'ocr' ? `OCR 机器识别（${d.ocr_pages} 页${d.ocr_confidence != null ? `，置信度 ${d.ocr_confidence}%` : ''}），个别字可能识别有误` : null]]) {
    if (value) dl.append(el('dt', { text: label }), el('dd', { text: String(value) }));
  }
  const text = el('div', { class: 'text', id: 'doc-text' });
  markText(text, await wholeText(id, d), m.marks || [], m.passage);
  const marks = [...text.querySelectorAll('mark.hit')];
  let current = -1;
  const count = el('span', { id: 'mark-count', 'aria-live': 'polite', text: marks.length ? `共 ${marks.length} 处${m.truncated ? '以上' : ''}` : (q ? '没有命中' : '') });
  const show = (i) => {
    if (!marks.length) return;
    if (current >= 0) marks[current].classList.remove('current');
    current = (i + marks.length) % marks.length;
    marks[current].classList.add('current');
    marks[current].scrollIntoView({ block: 'center' });
    count.textContent = `第 ${current + 1} / ${marks.length} 处`;
  };
  const jump = el('button', { type: 'button', id: 'jump', text: `跳到第一处命中（共 ${marks.length} 处）`, disabled: marks.length === 0, onclick: () => show(0) });
  const prev = el('button', { type: 'button', id: 'mark-prev', text: '上一处', disabled: marks.length === 0, onclick: () => show(current - 1) });
  const next = el('button', { type: 'button', id: 'mark-next', text: '下一处', disabled: marks.length === 0, onclick: () => show(current + 1) });
  const laws = el('ul', { id: 'doc-laws' });
  for (const law of d.laws || []) laws.append(el('li', {}, el('a', { href: `/?${new URLSearchParams({ view: 'law', name: law })}`, text: `《${law}》` })));
  const similar = el('ul', { id: 'similar' }, el('li', { text: '正在查找…' }));
  view.replaceChildren(el('h1', { text: d.title || d.path }), dl,
    // the marks' buttons only when a query was carried here: "0 处" means nothing to one who did not search
    el('p', { class: 'doc-tools' }, el('a', { href: `/api/documents/${encodeURIComponent(id)}/file`, id: 'original', text: '查看原文件' }),
      ...(q ? [' ', jump, ' ', prev, ' ', next, ' ', count] : [])),
    ...(d.laws && d.laws.length ? [el('h2', { text: '引用的法规' }), laws] : []),
    el('h2', { text: '全文' }), text, el('h2', { text: '相似文档' }), similar);
  const place = text.querySelector('.passage');
  if (place) place.scrollIntoView({ block: 'center' });
  try {
    const s = await api(`/api/documents/${encodeURIComponent(id)}/similar?size=8`);
    similar.replaceChildren(...s.similar.map((x) => el('li', {},
      el('a', { href: docUrl(x.id), text: x.title || x.path, onclick: (e) => { e.preventDefault(); go(new URLSearchParams({ view: 'doc', id: x.id })); } }),
      el('span', { class: 'meta', text: ` ${[x.type, x.date || x.year].filter(Boolean).join(' · ')}${x.near_duplicate ? ' · 同一文件的另一版本' : ''}` }))));
    if (!s.similar.length) similar.replaceChildren(el('li', { text: '没有相似文档。' }));
  } catch (e) {
    similar.replaceChildren(el('li', {}, '相似文档暂不可用。'));
  }
}

/**
 * Appends the text to `node` as DOM text, each mark [start, end) in <mark class="hit">, the
 * passage's range in <span class="passage"> pieces. Marks are sorted and do not overlap (the
 * server merged them), so a mark is cut only where the passage begins or ends: its first piece is
 * the one counted (.hit), the rest are .hit-rest.
 */
function markText(node, text, marks, passage) {
  const cuts = new Set([0, text.length]);
  for (const m of marks) { cuts.add(clamp(m.start, text)); cuts.add(clamp(m.end, text)); }
  if (passage) {
    const [start, end] = [clamp(passage.start, text), clamp(passage.end, text)];
    cuts.add(start);
    cuts.add(end);
    // line breaks inside a span (between its passages) are cut out, so that they stay unshaded
    for (const m of text.slice(start, end).matchAll(/\s*\n\s*/g)) {
      cuts.add(start + m.index);
      cuts.add(start + m.index + m[0].length);
    }
  }
  const points = [...cuts].sort((a, b) => a - b);
  let mi = 0;
  let started = -1;
  for (let i = 0; i + 1 < points.length; i++) {
    const [from, to] = [points[i], points[i + 1]];
    while (mi < marks.length && marks[mi].end <= from) mi++;
    let piece = document.createTextNode(text.slice(from, to));
    if (mi < marks.length && marks[mi].start <= from && to <= marks[mi].end) {
      piece = el('mark', { class: started === mi ? 'hit-rest' : 'hit' }, piece);
      started = mi;
    }
    // the blank lines between a span's passages are not shaded: each passage reads as one block
    const inPassage = passage && passage.start <= from && to <= passage.end && /\S/.test(text.slice(from, to));
    node.append(inPassage ? el('span', { class: 'passage' }, piece) : piece);
  }
}

const clamp = (n, text) => Math.max(0, Math.min(text.length, n));

/** The whole text: the document JSON carries its first part and its length, the rest comes in pages. */
async function wholeText(id, d) {
  let all = d.text || '';
  while (all.length < (d.text_length || 0)) {
    const page = await api(`/api/documents/${encodeURIComponent(id)}/text?offset=${all.length}&length=200000`);
    if (!page.text) break;
    all += page.text;
  }
  return all;
}
