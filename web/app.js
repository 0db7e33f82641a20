// plateau's web UI: login, productions, the week grid with live pay and findings, a person's pay
// statement, remittances, the audit log and CSV. Plain DOM, no framework; routes in the URL hash:
//   #/productions
//   #/p/{pid}/week/{date}
//   #/p/{pid}/pay/{person}
//   #/p/{pid}/remittances
//   #/p/{pid}/audit

import { t, lang, setLang, LANGS, codeLabel, findingLabel, partyLabel } from './i18n.js';
import { api, setCsrf, ApiError } from './api.js';
import { cellToDay, formatMeals } from './timetext.js';

const state = {
  user: null,
  productions: null,
  week: null,            // the Week shown
  weekPid: null,
  dirty: new Map(),      // cell key → {call, wrap, meals} typed and not yet saved
  cellErrors: new Map(), // cell key → {call?, wrap?, meals?, cell?} messages
  inflight: new Map(),   // cell key → signature of the write under way
  showExplanations: localStorage.getItem('plateau.explanations') !== 'off',
  queue: Promise.resolve(),
  routeToken: 0,
};

const $main = () => document.getElementById('main');
const $header = () => document.getElementById('header');

// ---------------------------------------------------------------------------------------------
// DOM helpers

function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  if (attrs) {
    for (const [k, v] of Object.entries(attrs)) {
      if (v === undefined || v === null || v === false) continue;
      if (k === 'class') el.className = v;
      else if (k === 'testid') el.dataset.testid = v;
      else if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
      else if (k === 'text') el.textContent = v;
      else if (k === 'value') el.value = v;
      else if (v === true) el.setAttribute(k, '');
      else el.setAttribute(k, v);
    }
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const c of children.flat(Infinity)) {
    if (c === undefined || c === null || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
}

function announce(text) {
  const live = document.getElementById('live');
  if (live) live.textContent = text;
}

// ---------------------------------------------------------------------------------------------
// Numbers, money and dates, written in the UI's language without going through binary floats

function groupDigits(intPart, sep) {
  return intPart.replace(/\B(?=(\d{3})+(?!\d))/g, sep);
}

// "1038.13" → "1 038,13" (fr) or "1,038.13" (en); anything not a decimal shows as it is.
function formatDecimal(text, { group = true } = {}) {
  if (text === undefined || text === null || text === '') return '';
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(String(text));
  if (!m) return String(text);
  const fr = lang() === 'fr';
  const intPart = group ? groupDigits(m[2], fr ? '\u202f' : ',') : m[2];
  return m[1] + intPart + (m[3] !== undefined ? (fr ? ',' : '.') + m[3] : '');
}

const money = (text) => formatDecimal(text);

// A rate is exact ("219.375", "95"): written with at least two decimals, never rounded.
function rate(text) {
  const m = /^(-?\d+)(?:\.(\d+))?$/.exec(String(text ?? ''));
  if (!m) return formatDecimal(text);
  return formatDecimal(m[1] + '.' + (m[2] || '').padEnd(2, '0'));
}

function cents(text) {
  const m = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(String(text ?? ''));
  if (!m) return 0n;
  const v = BigInt(m[2]) * 100n + BigInt((m[3] || '0').padEnd(2, '0'));
  return m[1] ? -v : v;
}

function centsText(c) {
  const neg = c < 0n;
  const a = neg ? -c : c;
  return (neg ? '-' : '') + (a / 100n).toString() + '.' + (a % 100n).toString().padStart(2, '0');
}

function dateObj(iso) { return new Date(iso + 'T12:00:00Z'); }

function fmtDate(iso, opts) {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso || '')) return iso || '';
  return new Intl.DateTimeFormat(lang() === 'fr' ? 'fr-CA' : 'en-CA', { timeZone: 'UTC', ...opts })
    .format(dateObj(iso));
}
const longDate = (iso) => fmtDate(iso, { day: 'numeric', month: 'long', year: 'numeric' });
const shortDay = (iso) => fmtDate(iso, { weekday: 'short', day: 'numeric', month: 'short' });

function fmtInstant(text) {
  const d = new Date(text);
  if (Number.isNaN(d.getTime())) return text || '';
  return new Intl.DateTimeFormat(lang() === 'fr' ? 'fr-CA' : 'en-CA',
    { dateStyle: 'short', timeStyle: 'medium' }).format(d);
}

// ---------------------------------------------------------------------------------------------
// Routing

function go(hash) {
  if (location.hash === hash) route();
  else location.hash = hash;
}

function parseRoute() {
  const parts = location.hash.replace(/^#\/?/, '').split('/').map(decodeURIComponent);
  if (parts[0] === 'p' && parts[1]) {
    return { pid: parts[1], view: parts[2] || 'week', arg: parts[3] || '' };
  }
  return { view: 'productions' };
}

window.addEventListener('hashchange', () => route());

async function route() {
  const token = ++state.routeToken;
  if (!state.user) return showLogin();
  renderHeader();
  const r = parseRoute();
  if (isCrew() && (r.view === 'remittances' || r.view === 'audit')) {
    // Not for crew accounts (the API answers 404): their week instead.
    history.replaceState(null, '', `#/p/${r.pid}/week/`);
    r.view = 'week';
    r.arg = '';
  }
  try {
    if (r.view === 'productions' || !r.pid) await showProductions(token);
    else if (r.view === 'week') await showWeek(token, r.pid, r.arg);
    else if (r.view === 'pay') await showStatement(token, r.pid, r.arg);
    else if (r.view === 'remittances') await showRemittances(token, r.pid);
    else if (r.view === 'audit') await showAudit(token, r.pid);
    else await showProductions(token);
  } catch (e) {
    if (token !== state.routeToken) return;
    if (!handleAuthError(e)) showPageError(e);
  }
}

function handleAuthError(e) {
  if (e instanceof ApiError && e.status === 401) {
    state.user = null;
    setCsrf(null);
    showLogin(t('error.session'));
    return true;
  }
  return false;
}

function errorText(e) {
  if (e instanceof ApiError) {
    if (e.code === 'network') return t('error.network');
    return e.field ? t('error.field', { field: e.field, message: e.message }) : e.message;
  }
  return t('error.generic', { message: String(e && e.message || e) });
}

function showPageError(e) {
  const main = $main();
  main.replaceChildren(h('p', { class: 'page-error', role: 'alert', testid: 'page-error' }, errorText(e)));
}

// ---------------------------------------------------------------------------------------------
// Session: login, header, language, logout

async function boot() {
  setLang(lang());
  document.title = t('app.title');
  try {
    const s = await api.session();
    state.user = s.user;
    setCsrf(s.csrf_token);
  } catch (e) {
    state.user = null;
  }
  route();
}

function showLogin(message) {
  $header().hidden = true;
  $header().replaceChildren();
  document.title = t('app.title');
  const err = h('p', { class: 'form-error', role: 'alert', testid: 'login-error' }, message || '');
  const login = h('input', { id: 'login-login', name: 'login', autocomplete: 'username', required: true, testid: 'login-login' });
  const password = h('input', { id: 'login-password', name: 'password', type: 'password', autocomplete: 'current-password', required: true, testid: 'login-password' });
  const submit = h('button', { type: 'submit', testid: 'login-submit' }, t('login.submit'));
  const form = h('form', {
    class: 'login', testid: 'login-form',
    onsubmit: async (ev) => {
      ev.preventDefault();
      submit.disabled = true;
      submit.textContent = t('login.busy');
      err.textContent = '';
      try {
        const s = await api.login(login.value.trim(), password.value);
        state.user = s.user;
        setCsrf(s.csrf_token);
        state.productions = null;
        route();
      } catch (e) {
        err.textContent = errorText(e);
        submit.disabled = false;
        submit.textContent = t('login.submit');
        password.select();
      }
    },
  },
  h('h1', null, t('app.name')),
  h('h2', null, t('login.heading')),
  langSwitch(() => showLogin(err.textContent)),
  h('label', { for: 'login-login' }, t('login.login')), login,
  h('label', { for: 'login-password' }, t('login.password')), password,
  submit, err);
  $main().replaceChildren(form);
  login.focus();
}

function langSwitch(onChange) {
  return h('div', { class: 'lang', role: 'group', 'aria-label': t('header.language') },
    LANGS.map((code, i) => [
      i ? h('span', { class: 'sep', 'aria-hidden': 'true' }, '|') : null,
      h('button', {
        type: 'button', class: 'link', lang: code, testid: 'lang-' + code,
        'aria-pressed': String(lang() === code),
        onclick: () => {
          if (lang() === code) return;
          setLang(code);
          document.title = t('app.title');
          onChange();
        },
      }, code.toUpperCase()),
    ]));
}

function membership(pid) {
  const list = (state.user && state.user.productions) || [];
  return list.find((m) => String(m.production) === String(pid)) || null;
}

const isCrew = () => state.user && state.user.role === 'crew';
const canManage = () => state.user && (state.user.role === 'admin' || state.user.role === 'accountant');

function renderHeader() {
  const r = parseRoute();
  const header = $header();
  header.hidden = false;
  const prod = r.pid && state.productions
    ? state.productions.find((p) => String(p.id) === String(r.pid)) : null;
  const nav = h('nav', { 'aria-label': t('app.name') });
  nav.append(navLink('#/productions', t('nav.productions'), 'nav-productions', r.view === 'productions'));
  if (r.pid) {
    const pid = r.pid;
    const weekArg = r.view === 'week' ? r.arg : (state.weekPid === pid && state.week ? state.week.start : '');
    nav.append(navLink(`#/p/${pid}/week/${weekArg}`, t('nav.week'), 'nav-week', r.view === 'week'));
    const me = membership(pid);
    if (isCrew()) {
      if (me && me.person) nav.append(navLink(`#/p/${pid}/pay/${encodeURIComponent(me.person)}`, t('nav.my_statement'), 'nav-statement', r.view === 'pay'));
    } else {
      nav.append(navLink(`#/p/${pid}/pay/${r.view === 'pay' ? encodeURIComponent(r.arg) : ''}`, t('nav.statement'), 'nav-statement', r.view === 'pay'));
      nav.append(navLink(`#/p/${pid}/remittances`, t('nav.remittances'), 'nav-remittances', r.view === 'remittances'));
      nav.append(navLink(`#/p/${pid}/audit`, t('nav.audit'), 'nav-audit', r.view === 'audit'));
    }
  }
  header.replaceChildren(
    h('a', { class: 'brand', href: '#/productions' }, t('app.name')),
    prod ? h('span', { class: 'prod-title', testid: 'production-title' }, prod.title) : null,
    nav,
    h('span', { class: 'spacer' }),
    h('span', { class: 'who' },
      h('span', { class: 'visually-hidden' }, t('header.user') + ' : '),
      h('strong', { testid: 'user-name' }, state.user.name || state.user.login),
      ' ',
      h('span', { class: 'role', testid: 'user-role', title: t('header.role') }, t('role.' + state.user.role))),
    langSwitch(() => route()),
    h('button', {
      type: 'button', testid: 'logout',
      onclick: async () => {
        try { await api.logout(); } catch (_) { /* the session is gone either way */ }
        state.user = null;
        state.productions = null;
        state.week = null;
        setCsrf(null);
        location.hash = '';
        showLogin();
      },
    }, t('header.logout')));
}

function navLink(href, text, testid, current) {
  return h('a', { href, testid, 'aria-current': current ? 'page' : null }, text);
}

async function ensureProductions() {
  if (!state.productions) state.productions = await api.productions();
  return state.productions;
}

// ---------------------------------------------------------------------------------------------
// Productions

async function showProductions(token) {
  $main().replaceChildren(h('p', { class: 'muted' }, t('loading')));
  state.productions = await api.productions();
  if (token !== state.routeToken) return;
  renderHeader();
  document.title = t('productions.heading') + ' — ' + t('app.name');
  const list = state.productions;
  const body = list.length === 0
    ? h('p', { testid: 'productions-empty' }, t('productions.none'))
    : h('table', { class: 'data', testid: 'productions' },
      h('thead', null, h('tr', null,
        h('th', { scope: 'col' }, t('productions.title')),
        h('th', { scope: 'col' }, t('productions.agreement')),
        h('th', { scope: 'col' }, t('productions.type')))),
      h('tbody', null, list.map((p) => h('tr', null,
        h('td', null, h('a', { href: `#/p/${p.id}/week/`, testid: 'production-' + p.id }, p.title || '#' + p.id)),
        h('td', null, p.agreement),
        h('td', null, p.production_type)))));
  $main().replaceChildren(h('h1', null, t('productions.heading')), body);
  if (list.length) $main().querySelector('a').focus();
}

// ---------------------------------------------------------------------------------------------
// Week

async function showWeek(token, pid, date) {
  await ensureProductions();
  if (!date) {
    // No date asked: the latest week with timecards, else this week.
    const { weeks } = await api.weeks(pid);
    date = weeks && weeks.length ? weeks[weeks.length - 1] : new Date().toISOString().slice(0, 10);
  }
  if (state.weekPid !== pid || !state.week || state.week.start !== date) {
    $main().replaceChildren(h('p', { class: 'muted' }, t('loading')));
  }
  const week = await api.week(pid, date);
  if (token !== state.routeToken) return;
  if (state.weekPid !== pid || !state.week || state.week.start !== week.start) {
    state.dirty.clear();
    state.cellErrors.clear();
  }
  state.week = week;
  state.weekPid = pid;
  if (date !== week.start) history.replaceState(null, '', `#/p/${pid}/week/${week.start}`);
  renderHeader();
  renderWeek();
}

function cellKey(person, date) { return person + '|' + date; }

function weekFindings(week) {
  const map = new Map(); // cell key → [finding]
  const all = [];
  for (const c of (week.pay && week.pay.crew) || []) {
    for (const f of c.findings || []) {
      all.push({ person: c.id, ...f });
      const k = cellKey(c.id, f.date);
      if (!map.has(k)) map.set(k, []);
      map.get(k).push(f);
    }
  }
  return { map, all };
}

const SEVERITY_RANK = { error: 3, warning: 2, info: 1 };

function worst(findings) {
  let best = null;
  for (const f of findings) if (!best || (SEVERITY_RANK[f.severity] || 0) > (SEVERITY_RANK[best] || 0)) best = f.severity;
  return best;
}

function renderWeek() {
  const week = state.week;
  const pid = state.weekPid;
  const main = $main();

  // Keep the focus and the caret where they are across the redraw.
  const active = document.activeElement;
  const focusId = active && active.dataset ? active.dataset.testid : null;
  const sel = active && 'selectionStart' in active ? [active.selectionStart, active.selectionEnd] : null;

  document.title = t('week.heading', { start: week.start, end: week.end }) + ' — ' + t('app.name');
  const title = (week.production && week.production.title) || '';

  const toolbar = h('div', { class: 'toolbar' },
    h('button', { type: 'button', testid: 'week-prev', onclick: () => go(`#/p/${pid}/week/${week.previous}`) }, t('week.previous')),
    h('h1', { testid: 'week-heading', 'data-start': week.start },
      t('week.heading', { start: longDate(week.start), end: longDate(week.end) })),
    h('button', { type: 'button', testid: 'week-next', onclick: () => go(`#/p/${pid}/week/${week.next}`) }, t('week.next')),
    h('label', { for: 'week-date', class: 'inline' }, t('week.goto')),
    h('input', {
      id: 'week-date', type: 'date', testid: 'week-date', value: week.start,
      onchange: (ev) => { if (ev.target.value) go(`#/p/${pid}/week/${ev.target.value}`); },
    }),
    h('span', { class: 'spacer' }),
    csvTools(pid, week));

  const { map: findingsByCell, all: findings } = weekFindings(week);
  const payById = new Map(((week.pay && week.pay.crew) || []).map((c) => [c.id, c]));

  const grid = h('table', { class: 'grid', testid: 'week-grid', 'aria-label': title },
    h('thead', null, h('tr', null,
      h('th', { scope: 'col', class: 'who-col' }, t('week.person')),
      week.dates.map((d) => h('th', { scope: 'col', 'data-date': d, class: isWeekend(d) ? 'weekend' : null }, shortDay(d))),
      h('th', { scope: 'col', class: 'num' }, t('pay.gross')))),
    h('tbody', null, (week.people || []).map((p) => personRow(pid, week, p, findingsByCell, payById.get(p.id)))));

  const help = h('p', { class: 'help muted', id: 'grid-help' }, t('week.help'));
  const status = h('p', { class: 'status', testid: 'week-status', role: 'status' }, '');

  let payBlock;
  if (week.pay_error) {
    payBlock = h('p', { class: 'page-error', role: 'alert', testid: 'pay-error' }, t('week.pay_error', { message: week.pay_error }));
  } else if (!week.pay) {
    payBlock = h('p', { class: 'muted', testid: 'no-pay' }, t('week.no_pay'));
  } else {
    payBlock = payPanel(pid, week, payById);
  }

  // Removing the focused input may fire focusout: that is no leaving of the cell.
  state.redrawing = true;
  main.replaceChildren(
    toolbar,
    help,
    (week.people || []).length ? h('div', { class: 'grid-wrap' }, grid) : h('p', { testid: 'no-people' }, t('week.no_people')),
    status,
    findingsPanel(week, findings),
    payBlock,
    week.computed_at ? h('p', { class: 'muted small', testid: 'computed-at' }, t('week.computed_at', { at: fmtInstant(week.computed_at) })) : null);

  if (focusId) {
    const el = main.querySelector(`[data-testid="${CSS.escape(focusId)}"]`);
    if (el) {
      el.focus();
      if (sel && 'setSelectionRange' in el) { try { el.setSelectionRange(sel[0], sel[1]); } catch (_) { /* not a text input */ } }
    }
  }
  state.redrawing = false;
}

function isWeekend(iso) {
  const day = dateObj(iso).getUTCDay();
  return day === 0 || day === 6;
}

function personRow(pid, week, person, findingsByCell, pay) {
  const name = person.name || person.id;
  return h('tr', { testid: 'row-' + person.id, 'data-person': person.id },
    h('th', { scope: 'row', class: 'who-col' },
      h('a', { href: `#/p/${pid}/pay/${encodeURIComponent(person.id)}`, testid: 'person-link-' + person.id, title: t('pay.statement_link') }, name),
      h('div', { class: 'muted small' }, person.id + ' · ' + (person.classification || ''))),
    week.dates.map((d) => dayCell(pid, week, person, d, findingsByCell.get(cellKey(person.id, d)) || [], pay)),
    h('td', { class: 'num money', testid: 'rowgross-' + person.id, 'data-value': pay ? pay.gross : '' }, pay ? money(pay.gross) : ''));
}

function dayCell(pid, week, person, date, findings, pay) {
  const key = cellKey(person.id, date);
  const saved = ((week.timecards || {})[person.id] || {})[date];
  const dirty = state.dirty.get(key);
  const errs = state.cellErrors.get(key) || {};
  const values = dirty || {
    call: saved && saved.call ? saved.call : '',
    wrap: saved && saved.wrap ? saved.wrap : '',
    meals: saved ? formatMeals(saved.meals) : '',
  };
  const id = `${person.id}-${date}`;
  const name = person.name || person.id;
  const errId = 'err-' + id;
  const input = (field, labelKey, cls, placeholder) => h('input', {
    type: 'text', class: cls, testid: `${field}-${id}`, id: `${field}-${id}`,
    value: values[field], placeholder,
    autocomplete: 'off', spellcheck: 'false', inputmode: field === 'meals' ? null : 'numeric',
    'aria-label': t(labelKey, { name, date }),
    'aria-invalid': errs[field] ? 'true' : null,
    'aria-describedby': [Object.keys(errs).length ? errId : 'grid-help', findings.length ? 'badges-' + id : ''].join(' ').trim(),
    'data-field': field,
    oninput: () => markDirty(key, td),
    onkeydown: (ev) => cellKeydown(ev, pid, person.id, date, field, td),
  });

  // The day's pay, from the lines of that date.
  let dayCents = null;
  if (pay) {
    for (const line of pay.lines || []) {
      if (line.date === date) dayCents = (dayCents || 0n) + cents(line.amount);
    }
  }
  const sev = worst(findings);
  const tags = [];
  if (saved && saved.location && saved.location !== 'studio') tags.push(t('location.' + saved.location));
  if (saved && saved.worked === false) tags.push(t('week.not_worked'));

  const errorMessages = ['call', 'wrap', 'meals', 'cell'].filter((f) => errs[f]).map((f) => errs[f]);
  const td = h('td', {
    class: ['cell', sev ? 'sev-' + sev : '', saved ? 'has-day' : '', errorMessages.length ? 'has-error' : '',
      state.inflight.has(key) ? 'saving' : '', isWeekend(date) ? 'weekend' : ''].filter(Boolean).join(' '),
    testid: 'cell-' + id, 'data-person': person.id, 'data-date': date,
    onfocusout: (ev) => {
      if (state.redrawing) return;
      if (ev.relatedTarget && td.contains(ev.relatedTarget)) return;
      commitCell(pid, person.id, date, td);
    },
  },
  h('div', { class: 'times' },
    input('call', 'week.call_of', 'time', t('week.call')),
    h('span', { class: 'dash', 'aria-hidden': 'true' }, '–'),
    input('wrap', 'week.wrap_of', 'time', t('week.wrap'))),
  input('meals', 'week.meals_of', 'meals', t('week.meals_placeholder')),
  h('div', { class: 'cell-foot' },
    h('span', { class: 'badges', testid: 'badges-' + id, id: 'badges-' + id },
      findings.map((f) => h('span', {
        class: 'badge sev-' + f.severity, testid: `badge-${id}-${f.code}`,
        'data-code': f.code, 'data-severity': f.severity, title: f.message,
        'aria-label': t('severity.' + f.severity) + ' : ' + findingLabel(f.code) + ' — ' + f.message,
      }, findingLabel(f.code))),
      tags.map((tag) => h('span', { class: 'tag' }, tag))),
    dayCents !== null ? h('span', { class: 'day-amount money', testid: 'dayamount-' + id, 'data-value': centsText(dayCents) }, money(centsText(dayCents))) : null),
  errorMessages.length ? h('div', { class: 'cell-error', id: errId, role: 'alert', testid: 'error-' + id }, errorMessages.join(' · ')) : null);
  return td;
}

function readCell(td) {
  const get = (f) => td.querySelector(`input[data-field="${f}"]`).value;
  return { call: get('call'), wrap: get('wrap'), meals: get('meals') };
}

function markDirty(key, td) {
  state.dirty.set(key, readCell(td));
}

function cellKeydown(ev, pid, person, date, field, td) {
  if (ev.key === 'Enter') {
    ev.preventDefault();
    commitCell(pid, person, date, td);
    // On to the same field of the next person, as down a spreadsheet column.
    const row = td.parentElement.nextElementSibling;
    const next = row && row.querySelector(`td[data-date="${date}"] input[data-field="${field}"]`);
    if (next) { next.focus(); next.select(); }
  } else if (ev.key === 'Escape') {
    ev.preventDefault();
    const key = cellKey(person, date);
    state.dirty.delete(key);
    state.cellErrors.delete(key);
    renderWeek();
  }
}

function savedDay(person, date) {
  return ((state.week.timecards || {})[person] || {})[date];
}

function commitCell(pid, person, date, td) {
  if (!state.week || !td.isConnected) return;
  const key = cellKey(person, date);
  const fields = readCell(td);
  const result = cellToDay(fields, savedDay(person, date));
  if (result.errors) {
    const msgs = {};
    for (const [f, e] of Object.entries(result.errors)) msgs[f] = describeLocalError(e);
    state.dirty.set(key, fields);
    state.cellErrors.set(key, msgs);
    showCellErrors(td, key);
    return;
  }
  if (result.action === 'none') {
    if (!state.inflight.has(key)) {
      state.dirty.delete(key);
      if (state.cellErrors.delete(key)) showCellErrors(td, key);
    }
    return;
  }
  const signature = JSON.stringify(result);
  if (state.inflight.get(key) === signature) return;
  state.inflight.set(key, signature);
  state.dirty.set(key, fields);
  td.classList.add('saving');
  setStatus(t('week.saving'));
  const weekStart = state.week.start;
  state.queue = state.queue.then(async () => {
    try {
      const week = result.action === 'delete'
        ? await api.deleteDay(pid, person, date)
        : await api.putDay(pid, person, date, result.day);
      state.inflight.delete(key);
      state.cellErrors.delete(key);
      const now = state.dirty.get(key);
      if (now && now.call === fields.call && now.wrap === fields.wrap && now.meals === fields.meals) state.dirty.delete(key);
      if (state.week && state.weekPid === pid && state.week.start === weekStart && week && week.start === weekStart) {
        state.week = week;
        renderWeek();
      }
      const msg = result.action === 'delete' ? t('week.deleted') : t('week.saved');
      setStatus(msg);
      announce(msg);
    } catch (e) {
      state.inflight.delete(key);
      if (handleAuthError(e)) return;
      const msgs = {};
      const where = fieldOf(e.field);
      msgs[where] = e instanceof ApiError && e.code !== 'network' ? e.message + (e.field && where === 'cell' ? ` (${e.field})` : '') : errorText(e);
      state.cellErrors.set(key, msgs);
      const live = document.querySelector(`td[data-testid="cell-${CSS.escape(person + '-' + date)}"]`);
      if (live) { live.classList.remove('saving'); showCellErrors(live, key); }
      setStatus('');
    }
  });
}

// The server's `field` ("wrap", "meals[1].end", "crew[0].days[2].call") → the input at fault.
function fieldOf(field) {
  if (!field) return 'cell';
  const last = String(field).replace(/^.*days\[\d+\]\./, '');
  if (/^call\b/.test(last)) return 'call';
  if (/^wrap\b/.test(last)) return 'wrap';
  if (/^meals\b/.test(last)) return 'meals';
  return 'cell';
}

function describeLocalError(e) {
  if (e.inner) return t(e.key, { ...e.params, detail: t(e.inner.key, e.inner.params) });
  return t(e.key, e.params);
}

// Errors shown in place, without redrawing the grid (nothing else changes).
function showCellErrors(td, key) {
  const errs = state.cellErrors.get(key) || {};
  const id = `${td.dataset.person}-${td.dataset.date}`;
  const errId = 'err-' + id;
  td.querySelector('.cell-error')?.remove();
  for (const input of td.querySelectorAll('input')) {
    const f = input.dataset.field;
    if (errs[f]) input.setAttribute('aria-invalid', 'true');
    else input.removeAttribute('aria-invalid');
    const badges = td.querySelector('.badges');
    input.setAttribute('aria-describedby', [Object.keys(errs).length ? errId : 'grid-help',
      badges && badges.childElementCount ? badges.id : ''].join(' ').trim());
  }
  const messages = ['call', 'wrap', 'meals', 'cell'].filter((f) => errs[f]).map((f) => errs[f]);
  td.classList.toggle('has-error', messages.length > 0);
  if (messages.length) {
    td.append(h('div', { class: 'cell-error', id: errId, role: 'alert', testid: 'error-' + id }, messages.join(' · ')));
  }
}

function setStatus(text) {
  const el = document.querySelector('[data-testid="week-status"]');
  if (el) el.textContent = text;
}

function findingsPanel(week, findings) {
  const names = new Map((week.people || []).map((p) => [p.id, p.name || p.id]));
  const order = { error: 0, warning: 1, info: 2 };
  const sorted = [...findings].sort((a, b) =>
    (order[a.severity] ?? 3) - (order[b.severity] ?? 3) || String(a.date).localeCompare(String(b.date)) || a.person.localeCompare(b.person));
  return h('section', { class: 'findings', testid: 'findings', 'aria-labelledby': 'findings-h' },
    h('h2', { id: 'findings-h' }, t('findings.heading'), ' ', h('span', { class: 'count' }, String(findings.length))),
    sorted.length === 0 ? h('p', { class: 'muted' }, t('findings.none')) :
      h('table', { class: 'data' },
        h('thead', null, h('tr', null,
          h('th', { scope: 'col' }, t('findings.severity')),
          h('th', { scope: 'col' }, t('findings.person')),
          h('th', { scope: 'col' }, t('findings.date')),
          h('th', { scope: 'col' }, t('findings.code')),
          h('th', { scope: 'col' }, t('findings.message')),
          h('th', { scope: 'col' }, t('pay.citation')))),
        h('tbody', null, sorted.map((f) => h('tr', {
          class: 'sev-' + f.severity, testid: `finding-${f.person}-${f.date}-${f.code}`,
          'data-severity': f.severity, 'data-code': f.code,
        },
        h('td', null, h('span', { class: 'badge sev-' + f.severity }, t('severity.' + f.severity))),
        h('td', null, names.get(f.person) || f.person),
        h('td', { class: 'nowrap' }, f.date ? shortDay(f.date) : ''),
        h('td', null, findingLabel(f.code)),
        h('td', { class: 'message' }, f.message),
        h('td', { class: 'cite' }, f.citation || ''))))));
}

function payPanel(pid, week, payById) {
  const toggle = h('label', { class: 'inline' },
    h('input', {
      type: 'checkbox', testid: 'toggle-explanations', checked: state.showExplanations,
      onchange: (ev) => {
        state.showExplanations = ev.target.checked;
        localStorage.setItem('plateau.explanations', state.showExplanations ? 'on' : 'off');
        document.body.classList.toggle('hide-explanations', !state.showExplanations);
      },
    }), ' ', t('week.show_explanations'));
  document.body.classList.toggle('hide-explanations', !state.showExplanations);
  const sections = (week.people || [])
    .filter((p) => payById.has(p.id))
    .map((p) => personPay(pid, p, payById.get(p.id), { level: 'h3', testPrefix: '' }));
  const pay = week.pay || {};
  return h('section', { class: 'pay', testid: 'pay', 'aria-labelledby': 'pay-h' },
    h('div', { class: 'section-head' }, h('h2', { id: 'pay-h' }, t('pay.heading')), toggle),
    sections,
    pay.totals || pay.remittances ? weekTotals(pay) : null);
}

function weekTotals(pay) {
  return h('section', { class: 'totals', testid: 'week-totals' },
    h('h3', null, t('pay.week_totals')),
    h('table', { class: 'data compact' },
      h('tbody', null,
        pay.totals && pay.totals.gross !== undefined ? h('tr', null,
          h('th', { scope: 'row' }, t('pay.total_gross')),
          h('td', { class: 'num money', testid: 'week-gross', 'data-value': pay.totals.gross }, money(pay.totals.gross))) : null,
        (pay.remittances || []).map((r) => h('tr', { testid: 'week-remit-' + r.paid_to },
          h('th', { scope: 'row' }, t('remit.paid_to'), ' ', partyLabel(r.paid_to)),
          h('td', { class: 'num money', 'data-value': r.amount }, money(r.amount)))))));
}

// One person's pay for one week: lines (each with its explanation), allowances, contributions,
// taxes, gross and net. testPrefix distinguishes the statement's weeks.
function personPay(pid, person, pay, { level, testPrefix, showName = true }) {
  const id = person.id;
  const tp = testPrefix ? testPrefix + '-' : '';
  const lines = pay.lines || [];
  const lineRows = [];
  lines.forEach((line, i) => {
    lineRows.push(h('tr', { class: 'line', testid: `${tp}payline-${id}-${i}`, 'data-code': line.code, 'data-date': line.date || '' },
      h('td', { class: 'nowrap' }, line.date ? shortDay(line.date) : ''),
      h('td', null, codeLabel(line.code)),
      h('td', { class: 'num', 'data-value': line.hours || '' }, formatDecimal(line.hours)),
      h('td', { class: 'num', 'data-value': line.multiplier || '' }, line.multiplier ? '×' + formatDecimal(line.multiplier, { group: false }) : ''),
      h('td', { class: 'num money', 'data-value': line.rate || '' }, rate(line.rate)),
      h('td', { class: 'num money', 'data-value': line.amount, testid: `${tp}amount-${id}-${i}` }, money(line.amount)),
      h('td', { class: 'cite' }, line.citation || '')));
    if (line.explanation) {
      lineRows.push(h('tr', { class: 'explanation' },
        h('td', null),
        h('td', { colspan: '6', testid: `${tp}explanation-${id}-${i}` }, line.explanation)));
    }
  });
  const linesTable = lines.length === 0 ? h('p', { class: 'muted' }, t('pay.no_lines')) :
    h('table', { class: 'data lines' },
      h('thead', null, h('tr', null,
        h('th', { scope: 'col' }, t('pay.date')),
        h('th', { scope: 'col' }, t('pay.code')),
        h('th', { scope: 'col', class: 'num' }, t('pay.hours')),
        h('th', { scope: 'col', class: 'num' }, t('pay.multiplier')),
        h('th', { scope: 'col', class: 'num' }, t('pay.rate')),
        h('th', { scope: 'col', class: 'num' }, t('pay.amount')),
        h('th', { scope: 'col' }, t('pay.citation')))),
      h('tbody', null, lineRows),
      h('tfoot', null, h('tr', { class: 'gross' },
        h('th', { scope: 'row', colspan: '5' }, t('pay.gross')),
        h('td', { class: 'num money', testid: `${tp}gross-${id}`, 'data-value': pay.gross }, money(pay.gross)),
        h('td'))));

  const contributions = (pay.contributions || []).length === 0 ? null :
    h('table', { class: 'data compact contributions', testid: `${tp}contributions-${id}` },
      h('caption', null, t('pay.contributions')),
      h('thead', null, h('tr', null,
        h('th', { scope: 'col' }, t('pay.code')),
        h('th', { scope: 'col', class: 'num' }, t('pay.base')),
        h('th', { scope: 'col', class: 'num' }, t('pay.rate')),
        h('th', { scope: 'col', class: 'num' }, t('pay.amount')),
        h('th', { scope: 'col' }, t('pay.paid_by')),
        h('th', { scope: 'col' }, t('pay.paid_to')),
        h('th', { scope: 'col' }, t('pay.citation')))),
      h('tbody', null, pay.contributions.map((c) => [
        h('tr', { class: c.explanation ? 'line' : null, 'data-code': c.code },
          h('td', null, codeLabel(c.code)),
          h('td', { class: 'num money', 'data-value': c.base || '' }, money(c.base)),
          h('td', { class: 'num', 'data-value': c.rate || '' }, formatDecimal(c.rate, { group: false })),
          h('td', { class: 'num money', 'data-value': c.amount }, money(c.amount)),
          h('td', null, partyLabel(c.paid_by)),
          h('td', null, partyLabel(c.paid_to)),
          h('td', { class: 'cite' }, c.citation || '')),
        c.explanation ? h('tr', { class: 'explanation' }, h('td', { colspan: '7' }, c.explanation)) : null])));

  const allowances = (pay.allowances || []).length === 0 ? null :
    h('table', { class: 'data compact allowances', testid: `${tp}allowances-${id}` },
      h('caption', null, t('pay.allowances')),
      h('tbody', null, pay.allowances.map((a) => h('tr', { 'data-code': a.code },
        h('td', { class: 'nowrap' }, a.date ? shortDay(a.date) : ''),
        h('td', null, codeLabel(a.code)),
        h('td', { class: 'num money', 'data-value': a.amount }, money(a.amount)),
        h('td', null, a.currency || ''),
        h('td', { class: 'cite' }, a.citation || '')))));

  const taxes = (pay.taxes || []).length === 0 ? null :
    h('table', { class: 'data compact taxes', testid: `${tp}taxes-${id}` },
      h('caption', null, t('pay.taxes')),
      h('tbody', null, pay.taxes.map((x) => h('tr', { 'data-code': x.code },
        h('td', null, codeLabel(x.code)),
        h('td', null, x.on ? t('pay.tax_on') + ' ' + codeLabel(x.on) : ''),
        h('td', { class: 'num money', 'data-value': x.amount }, money(x.amount))))));

  const personFindings = (pay.findings || []).length === 0 ? null :
    h('ul', { class: 'person-findings' }, pay.findings.map((f) => h('li', { class: 'sev-' + f.severity },
      h('span', { class: 'badge sev-' + f.severity }, findingLabel(f.code)), ' ',
      f.date ? shortDay(f.date) + ' — ' : '', f.message, f.citation ? h('span', { class: 'cite' }, ' (' + f.citation + ')') : null)));

  return h('section', { class: 'person-pay', testid: `${tp}pay-${id}`, 'data-person': id },
    showName ? h(level, null,
      h('a', { href: `#/p/${pid}/pay/${encodeURIComponent(id)}` }, person.name || id),
      h('span', { class: 'muted small' }, ' ', id, ' · ', person.classification || pay.classification || '')) : null,
    linesTable,
    h('div', { class: 'side-tables' }, allowances, contributions, taxes),
    h('p', { class: 'net' },
      h('span', null, t('pay.gross'), ' '), h('strong', { class: 'money', 'data-value': pay.gross }, money(pay.gross)),
      h('span', { class: 'gap' }),
      h('span', null, t('pay.net_pay'), ' '), h('strong', { class: 'money', testid: `${tp}net-${id}`, 'data-value': pay.net_pay }, money(pay.net_pay))),
    personFindings);
}

function csvTools(pid, week) {
  const file = `${slug((week.production && week.production.title) || 'production')}`;
  const wrap = h('div', { class: 'csv', role: 'group', 'aria-label': t('csv.heading') },
    h('a', { class: 'button', href: api.csvUrl(pid, week.start), download: `${file}-${week.start}.csv`, testid: 'csv-export-week' }, t('csv.export_week')),
    h('a', { class: 'button', href: api.csvUrl(pid), download: `${file}.csv`, testid: 'csv-export-all' }, t('csv.export_all')));
  if (canManage()) {
    const input = h('input', { type: 'file', id: 'csv-file', accept: '.csv,text/csv', testid: 'csv-import-file' });
    const result = h('span', { class: 'csv-result', testid: 'csv-import-result', role: 'status' });
    const button = h('button', {
      type: 'button', testid: 'csv-import-submit',
      onclick: async () => {
        const f = input.files && input.files[0];
        result.className = 'csv-result';
        if (!f) { result.textContent = t('csv.no_file'); return; }
        button.disabled = true;
        result.textContent = t('csv.import_busy');
        try {
          const r = await api.importCsv(pid, await f.text());
          const text = t('csv.import_done', { people: r.people, days: r.days, weeks: (r.weeks || []).join(', ') });
          state.dirty.clear();
          state.cellErrors.clear();
          const fresh = await api.week(pid, week.start);
          state.week = fresh;
          renderWeek();
          const el = document.querySelector('[data-testid="csv-import-result"]');
          if (el) { el.textContent = text; el.className = 'csv-result ok'; }
          announce(text);
        } catch (e) {
          if (handleAuthError(e)) return;
          result.textContent = errorText(e);
          result.className = 'csv-result error';
          result.setAttribute('role', 'alert');
        } finally {
          button.disabled = false;
        }
      },
    }, t('csv.import_submit'));
    wrap.append(h('span', { class: 'import' },
      h('label', { for: 'csv-file' }, t('csv.import_file')), input, button, result));
  }
  return wrap;
}

function slug(text) {
  return String(text).normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
    .replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'production';
}

// ---------------------------------------------------------------------------------------------
// Pay statement of one person

async function showStatement(token, pid, person) {
  await ensureProductions();
  if (isCrew()) {
    const me = membership(pid);
    if (me && me.person && person !== me.person) {
      history.replaceState(null, '', `#/p/${pid}/pay/${encodeURIComponent(me.person)}`);
      person = me.person;
    }
  }
  let people = null;
  if (!isCrew()) people = await api.people(pid);
  if (!person && people && people.length) {
    history.replaceState(null, '', `#/p/${pid}/pay/${encodeURIComponent(people[0].id)}`);
    person = people[0].id;
  }
  if (token !== state.routeToken) return;
  renderHeader();
  $main().replaceChildren(h('p', { class: 'muted' }, t('loading')));
  const picker = people ? h('p', { class: 'no-print' },
    h('label', { for: 'statement-person', class: 'inline' }, t('statement.choose')), ' ',
    h('select', {
      id: 'statement-person', testid: 'statement-person',
      onchange: (ev) => go(`#/p/${pid}/pay/${encodeURIComponent(ev.target.value)}`),
    }, people.map((p) => h('option', { value: p.id, selected: p.id === person }, `${p.name || p.id} (${p.id})`)))) : null;
  if (!person) {
    $main().replaceChildren(h('h1', null, t('nav.statement')), picker);
    return;
  }
  const st = await api.pay(pid, person);
  if (token !== state.routeToken) return;
  const p = st.person || { id: person };
  document.title = t('statement.heading', { name: p.name || p.id }) + ' — ' + t('app.name');
  const prod = (state.productions || []).find((x) => String(x.id) === String(pid));
  const weeks = st.weeks || [];
  $main().replaceChildren(
    picker,
    h('div', { class: 'statement', testid: 'statement', 'data-person': p.id },
      h('div', { class: 'section-head' },
        h('h1', null, t('statement.heading', { name: p.name || p.id })),
        h('button', { type: 'button', class: 'no-print', testid: 'statement-print', onclick: () => window.print() }, t('statement.print'))),
      h('dl', { class: 'facts' },
        prod ? [h('dt', null, t('productions.title')), h('dd', null, prod.title)] : null,
        h('dt', null, t('statement.person')), h('dd', null, `${p.name || ''} (${p.id})`),
        h('dt', null, t('statement.classification')), h('dd', null, p.classification || ''),
        p.rate ? [h('dt', null, t('statement.rate')), h('dd', null, money(p.rate.amount), ' $ ', t('basis.' + p.rate.basis))] : null,
        p.engagement ? [h('dt', null, t('statement.engagement')), h('dd', null, `${p.engagement.start || ''} → ${p.engagement.end || ''}`)] : null),
      weeks.length === 0 ? h('p', { class: 'muted' }, t('statement.no_weeks')) :
        weeks.map((w) => h('section', { class: 'statement-week', testid: 'statement-week-' + w.start },
          h('h2', null, h('a', { href: `#/p/${pid}/week/${w.start}` }, t('statement.week_of', { start: longDate(w.start) }))),
          w.pay ? personPay(pid, p, w.pay, { level: 'h3', testPrefix: 'st-' + w.start, showName: false }) : null)),
      h('table', { class: 'data compact statement-total' },
        h('caption', null, t('statement.total')),
        h('tbody', null,
          h('tr', null, h('th', { scope: 'row' }, t('pay.gross')),
            h('td', { class: 'num money', testid: 'statement-gross', 'data-value': st.gross }, money(st.gross))),
          h('tr', null, h('th', { scope: 'row' }, t('pay.net_pay')),
            h('td', { class: 'num money', testid: 'statement-net', 'data-value': st.net_pay }, money(st.net_pay)))))));
}

// ---------------------------------------------------------------------------------------------
// Remittances

async function showRemittances(token, pid) {
  await ensureProductions();
  $main().replaceChildren(h('p', { class: 'muted' }, t('loading')));
  const r = await api.remittances(pid);
  if (token !== state.routeToken) return;
  renderHeader();
  document.title = t('remit.heading') + ' — ' + t('app.name');
  const table = (items, testid) => (items || []).length === 0 ? h('p', { class: 'muted' }, t('remit.none')) :
    h('table', { class: 'data compact', testid },
      h('thead', null, h('tr', null, h('th', { scope: 'col' }, t('remit.paid_to')), h('th', { scope: 'col', class: 'num' }, t('remit.amount')))),
      h('tbody', null, items.map((x) => h('tr', { 'data-paid-to': x.paid_to },
        h('td', null, partyLabel(x.paid_to)),
        h('td', { class: 'num money', 'data-value': x.amount }, money(x.amount))))));
  const totalsTable = (totals) => !totals ? null : h('table', { class: 'data compact' },
    h('tbody', null, Object.entries(totals).map(([k, v]) => h('tr', null,
      h('th', { scope: 'row' }, k === 'gross' ? t('pay.total_gross') : k === 'net_pay' ? t('pay.net_pay') : k.replace(/_/g, ' ')),
      h('td', { class: 'num money', 'data-value': typeof v === 'string' ? v : '' }, typeof v === 'string' ? money(v) : JSON.stringify(v))))));
  $main().replaceChildren(h('div', { class: 'remittances', testid: 'remittances' },
    h('div', { class: 'section-head' },
      h('h1', null, t('remit.heading')),
      h('button', { type: 'button', class: 'no-print', onclick: () => window.print() }, t('statement.print'))),
    h('section', null,
      h('h2', null, t('remit.production')),
      table(r.remittances, 'remit-production'),
      h('p', { class: 'net' }, t('remit.gross'), ' ', h('strong', { class: 'money', testid: 'remit-gross', 'data-value': r.gross }, money(r.gross)))),
    (r.weeks || []).map((w) => h('section', { testid: 'remit-week-' + w.start },
      h('h2', null, h('a', { href: `#/p/${pid}/week/${w.start}` }, t('remit.week_of', { start: longDate(w.start) }))),
      table(w.remittances), totalsTable(w.totals)))));
}

// ---------------------------------------------------------------------------------------------
// Audit log

async function showAudit(token, pid) {
  await ensureProductions();
  $main().replaceChildren(h('p', { class: 'muted' }, t('loading')));
  const entries = await api.audit(pid);
  if (token !== state.routeToken) return;
  renderHeader();
  document.title = t('audit.heading') + ' — ' + t('app.name');
  const tbody = h('tbody');
  const more = h('button', { type: 'button', testid: 'audit-more' }, t('audit.more'));
  const add = (list) => {
    for (const e of list) {
      tbody.append(h('tr', { testid: 'audit-' + e.id },
        h('td', { class: 'nowrap' }, fmtInstant(e.at)),
        h('td', null, e.user),
        h('td', null, e.entity),
        h('td', { class: 'nowrap' }, e.key),
        h('td', null, describeEntry(e.old)),
        h('td', null, describeEntry(e.new))));
    }
    more.hidden = list.length < 50;
    if (list.length) more.dataset.before = list[list.length - 1].id;
  };
  more.addEventListener('click', async () => {
    try { add(await api.audit(pid, more.dataset.before)); } catch (e) { if (!handleAuthError(e)) showPageError(e); }
  });
  add(entries);
  $main().replaceChildren(h('h1', null, t('audit.heading')),
    entries.length === 0 ? h('p', { class: 'muted' }, t('audit.none')) :
      h('table', { class: 'data', testid: 'audit' },
        h('thead', null, h('tr', null,
          ['audit.at', 'audit.user', 'audit.entity', 'audit.key', 'audit.old', 'audit.new'].map((k) => h('th', { scope: 'col' }, t(k))))),
        tbody),
    more);
}

function describeEntry(v) {
  if (v === null || v === undefined) return '—';
  if (typeof v === 'object' && v.worked === false) {
    return [t('week.not_worked'), v.location && v.location !== 'studio' ? '(' + t('location.' + v.location) + ')' : ''].join(' ').trim();
  }
  if (typeof v === 'object' && ('call' in v || 'wrap' in v || 'meals' in v)) {
    const times = v.call || v.wrap ? `${v.call || ''}–${v.wrap || ''}` : '';
    const meals = formatMeals(v.meals);
    return [times, meals ? `(${meals})` : ''].filter(Boolean).join(' ') || JSON.stringify(v);
  }
  if (typeof v === 'object' && v.name) return v.name;
  return typeof v === 'string' ? v : JSON.stringify(v);
}

boot();
