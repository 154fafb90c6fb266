// The search page: plain ES modules, no build step. Everything that comes from the index is
// inserted as text, except snippets and precedent passages, which the server has already
// HTML-escaped with <mark> around matches; those are checked to hold no other tag first
// (dom.js markedHtml). This module draws the view the URL names and wires the header.
import { $, el, go, onNavigate, params, printHeading, showError, withParam } from './dom.js';
import { renderSearch } from './search.js';
import { renderDocument } from './docview.js';
import { renderPrecedents } from './precedent.js';
import { renderLaw } from './laws.js';
import { renderStats } from './stats.js';

const VIEWS = ['search-view', 'doc-view', 'precedent-view', 'law-view', 'stats-view'];

function showView(id) {
  for (const v of VIEWS) $(v).hidden = v !== id;
  const tab = { 'search-view': 'tab-search', 'doc-view': 'tab-search', 'stats-view': 'tab-search', 'precedent-view': 'tab-precedent', 'law-view': 'tab-laws' }[id];
  for (const t of ['tab-search', 'tab-precedent', 'tab-laws']) $(t).classList.toggle('active', t === tab);
}

async function render() {
  $('error').hidden = true;
  printHeading('');
  const p = params();
  $('q').value = p.get('q') || '';
  $('sort').value = p.get('sort') || '';
  document.body.classList.remove('filters-open');
  $('filters-toggle').setAttribute('aria-expanded', 'false');
  try {
    switch (p.get('view')) {
      case 'doc': showView('doc-view'); await renderDocument(p); break;
      case 'precedent': showView('precedent-view'); await renderPrecedents(p); break;
      case 'law': case 'laws': showView('law-view'); await renderLaw(p); break;
      case 'stats': showView('stats-view'); await renderStats(p); break;
      default: showView('search-view'); await renderSearch(p);
    }
  } catch (e) {
    showError(e);
  }
}

// ---- suggestions: typed, then chosen with the mouse or with ↑ ↓ and Enter ---------------------

let suggestTimer = null;
let suggestAsked = 0;
async function suggest() {
  const q = $('q').value.trim();
  const list = $('suggest');
  const mine = ++suggestAsked;
  if (q.length < 1) { closeSuggestions(); return; }
  try {
    const r = await fetch(`/api/suggest?${new URLSearchParams({ q })}`).then((x) => x.json());
    if (mine !== suggestAsked) return;
    list.replaceChildren(...(r.suggestions || []).map((s, i) => el('li', { role: 'option', id: `suggest-${i}`, 'aria-selected': 'false', text: s.text, onmousedown: (e) => {
      e.preventDefault(); choose(s.text);
    } })));
    list.hidden = list.children.length === 0;
    $('q').setAttribute('aria-expanded', String(!list.hidden));
  } catch { closeSuggestions(); }
}

function closeSuggestions() {
  $('suggest').hidden = true;
  $('q').setAttribute('aria-expanded', 'false');
  $('q').removeAttribute('aria-activedescendant');
}

function choose(text) {
  $('q').value = text;
  closeSuggestions();
  submitSearch();
}

/** ↑ ↓ move through the open list, Enter takes the highlighted suggestion, Escape closes it. */
function suggestionKeys(e) {
  const list = $('suggest');
  const items = [...list.children];
  if (list.hidden || !items.length) return;
  const at = items.findIndex((li) => li.getAttribute('aria-selected') === 'true');
  if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
    e.preventDefault();
    const next = e.key === 'ArrowDown' ? (at + 1) % items.length : (at <= 0 ? items.length - 1 : at - 1);
    items.forEach((li, i) => li.setAttribute('aria-selected', String(i === next)));
    $('q').setAttribute('aria-activedescendant', items[next].id);
    items[next].scrollIntoView({ block: 'nearest' });
  } else if (e.key === 'Enter' && at >= 0) {
    e.preventDefault();
    choose(items[at].textContent);
  } else if (e.key === 'Escape') {
    closeSuggestions();
  }
}

function submitSearch() {
  const p = params();
  const view = p.get('view');
  const next = view && view !== 'doc' ? new URLSearchParams() : p;
  for (const k of ['view', 'id', 'page', 'name', 'text', 'passage', 'passage_end', 'rows', 'cols']) next.delete(k);
  withParam('q', $('q').value.trim(), next);
  withParam('sort', $('sort').value, next);
  closeSuggestions();
  clearTimeout(suggestTimer);
  suggestAsked++;
  go(next);
}

document.addEventListener('DOMContentLoaded', () => {
  onNavigate(render);
  $('search-form').addEventListener('submit', (e) => { e.preventDefault(); submitSearch(); });
  $('sort').addEventListener('change', submitSearch);
  $('q').addEventListener('input', () => { clearTimeout(suggestTimer); suggestTimer = setTimeout(suggest, 150); });
  $('q').addEventListener('keydown', suggestionKeys);
  $('q').addEventListener('blur', () => setTimeout(closeSuggestions, 100));
  $('filters-toggle').addEventListener('click', () => {
    const open = document.body.classList.toggle('filters-open');
    $('filters-toggle').setAttribute('aria-expanded', String(open));
  });
  $('precedent-form').addEventListener('submit', (e) => {
    e.preventDefault();
    go(new URLSearchParams({ view: 'precedent', text: $('precedent-text').value.trim() }));
  });
  for (const id of ['home', 'tab-search', 'tab-precedent', 'tab-laws']) {
    $(id).addEventListener('click', (e) => { e.preventDefault(); go(new URLSearchParams(e.currentTarget.getAttribute('href').slice(2))); });
  }
  document.addEventListener('keydown', (e) => {
    const typing = ['INPUT', 'TEXTAREA', 'SELECT'].includes(document.activeElement.tagName);
    if (e.key === '/' && !typing) { e.preventDefault(); $('q').focus(); }
  });
  window.addEventListener('popstate', render);
  render();
});
