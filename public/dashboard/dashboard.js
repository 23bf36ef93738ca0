// The operators' dashboard: asks for an operator token (kept in sessionStorage, so it is gone with the tab),
// calls the operator API with it and draws the figures. Every piece of data reaches the page through
// textContent, never as HTML: case descriptions are buyers' own words.

import { PALETTE, barChart, columnChart } from './charts.js';

const TOKEN_KEY = 'refundDesk.operatorToken';
const LANG_KEY = 'refundDesk.lang';
const TZ_KEY = 'refundDesk.timeZone';
const API = '/api/v1';
const REASONS = ['quality_issue', 'not_as_described', 'damaged_in_transit', 'wrong_item', 'missing_parts', 'logistics_delay', 'not_received', 'no_reason_7_days', 'mistaken_purchase', 'other'];
const STATES = ['pending_merchant', 'platform_review', 'merchant_rejected', 'awaiting_return_shipment', 'return_in_transit', 'return_received', 'exchange_shipping', 'refund_pending', 'refunding', 'refund_failed', 'refunded', 'exchanged', 'closed'];
const REASON_COLORS = Object.fromEntries(REASONS.map((r, i) => [r, PALETTE[i % PALETTE.length]]));

let messages = { zh: {}, en: {} };
let lang = localStorage.getItem(LANG_KEY) || (navigator.language.toLowerCase().startsWith('zh') ? 'zh' : 'en');
let renderId = 0;

const $ = (id) => document.getElementById(id);

function t(key, params = {}) {
  const text = messages[lang][key] ?? messages.en[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (whole, name) => (name in params ? String(params[name]) : whole));
}

/** h('div', { class: 'x' }, child, 'text', ...): DOM without innerHTML. */
function h(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children.flat()) if (c !== null && c !== undefined && c !== false) node.append(c instanceof Node ? c : String(c));
  return node;
}

const timeZone = () => sessionStorage.getItem(TZ_KEY) || 'Asia/Shanghai';
const locale = () => (lang === 'zh' ? 'zh-CN' : 'en-US');
const yuan = (fen) => `¥${(fen / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
const yuanShort = (v) => `¥${Math.round(v).toLocaleString('en-US')}`;
const percent = (share) => (share === null || share === undefined ? '—' : `${Math.round(share * 1000) / 10}%`);
const count = (v) => String(Math.round(v * 10) / 10);
const when = (iso) =>
  iso ? new Intl.DateTimeFormat(locale(), { timeZone: timeZone(), year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(iso)) : '—';
const stateLabel = (s) => t(`operators.state.${s}`);
const reasonLabel = (r) => t(`operators.reason.${r}`);
/** An audit event in words, its code beside it (the code is what the API and the CSV carry). */
const eventLabel = (e) => (messages[lang][`operators.event.${e}`] ? `${t(`operators.event.${e}`)} (${e})` : e);

class ApiError extends Error {
  constructor(status, body) {
    super(body?.message || `HTTP ${status}`);
    this.status = status;
  }
}

async function api(path, { raw = false } = {}) {
  const token = sessionStorage.getItem(TOKEN_KEY);
  const res = await fetch(path, { headers: { authorization: `Bearer ${token}`, accept: raw ? 'text/csv' : 'application/json' } });
  if (res.status === 401) {
    sessionStorage.removeItem(TOKEN_KEY);
    showSignIn('operators.dash.signIn.invalid');
    throw new ApiError(401, {});
  }
  if (res.status === 503) {
    showSignIn('operators.dash.signIn.disabled');
    throw new ApiError(503, {});
  }
  if (!res.ok) throw new ApiError(res.status, await res.json().catch(() => ({})));
  return raw ? res : res.json();
}

// ---- chrome ---------------------------------------------------------------------------------------------

function applyStatic() {
  document.documentElement.lang = locale();
  document.title = t('operators.dash.title');
  for (const node of document.querySelectorAll('[data-i18n]')) node.textContent = t(node.dataset.i18n);
  $('lang-zh').classList.toggle('active', lang === 'zh');
  $('lang-en').classList.toggle('active', lang === 'en');
}

function showSignIn(errorKey) {
  $('view').replaceChildren();
  $('nav').hidden = true;
  $('sign-out').hidden = true;
  $('sign-in').hidden = false;
  const error = $('sign-in-error');
  error.hidden = !errorKey;
  error.textContent = errorKey ? t(errorKey) : '';
  $('token').focus();
}

function showApp(section) {
  $('sign-in').hidden = true;
  $('nav').hidden = false;
  $('sign-out').hidden = false;
  for (const a of document.querySelectorAll('[data-nav]')) a.classList.toggle('active', a.dataset.nav === section);
}

function loading() {
  $('view').replaceChildren(h('p', { class: 'empty' }, t('operators.dash.loading')));
}

function failed(err) {
  if (err instanceof ApiError && (err.status === 401 || err.status === 503)) return;
  $('view').replaceChildren(h('p', { class: 'error card' }, t('operators.dash.error', { message: err.message })));
}

function card(title, ...body) {
  return h('section', { class: 'card chart' }, h('h2', {}, title), ...body);
}

// ---- overview -------------------------------------------------------------------------------------------

function previousMonths(month, n) {
  const [y, m] = month.split('-').map(Number);
  const out = [];
  for (let i = n - 1; i >= 0; i--) {
    const d = new Date(Date.UTC(y, m - 1 - i, 1));
    out.push(`${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`);
  }
  return out;
}

async function renderOverview() {
  const id = ++renderId;
  showApp('overview');
  loading();
  const current = await api(`${API}/stats/monthly`);
  sessionStorage.setItem(TZ_KEY, current.timeZone);
  const months = previousMonths(current.month, 6);
  const [earlier, shops, open] = await Promise.all([
    Promise.all(months.slice(0, -1).map((m) => api(`${API}/stats/monthly?month=${m}`))),
    api(`${API}/stats/shops?days=30`),
    api(`${API}/stats/open`),
  ]);
  if (id !== renderId) return;
  const figures = [...earlier, current];

  const kpi = (label, value, alarm = false) => h('div', { class: `kpi${alarm ? ' alarm' : ''}` }, h('div', { class: 'label' }, label), h('div', { class: 'value' }, value));
  const kpis = h(
    'div',
    { class: 'kpis', id: 'kpis' },
    kpi(t('operators.dash.kpi.open'), String(open.total)),
    kpi(t('operators.dash.kpi.overdue'), String(open.overdue), open.overdue > 0),
    kpi(t('operators.dash.kpi.monthCases'), String(current.cases)),
    kpi(t('operators.dash.kpi.monthRefunded'), yuan(current.refundedFen)),
    kpi(t('operators.dash.kpi.within24h'), percent(current.merchantDecision.share24h)),
    kpi(t('operators.dash.kpi.unattended'), percent(current.settledWithoutPerson.share)),
    kpi(t('operators.dash.kpi.handedOff'), percent(current.handoffs.share)),
  );

  const used = REASONS.filter((r) => figures.some((f) => f.byReason[r]?.count));
  const monthCount = h('div', { id: 'chart-month-count' });
  columnChart(monthCount, {
    categories: months,
    series: used.map((r) => ({ key: r, label: reasonLabel(r), color: REASON_COLORS[r], values: figures.map((f) => f.byReason[r]?.count ?? 0) })),
    format: count,
    integer: true,
    emptyText: t('operators.dash.chart.empty'),
  });
  const monthAmount = h('div', { id: 'chart-month-amount' });
  columnChart(monthAmount, {
    categories: months,
    series: used.map((r) => ({ key: r, label: reasonLabel(r), color: REASON_COLORS[r], values: figures.map((f) => (f.byReason[r]?.refundedFen ?? 0) / 100) })),
    format: yuanShort,
    emptyText: t('operators.dash.chart.empty'),
  });

  const dt = current.decisionTimes;
  const decision = h('div', { id: 'chart-decision' });
  columnChart(decision, {
    categories: dt.buckets.map((b) => (b.toHours === null ? t('operators.dash.chart.decision.over', { from: b.fromHours }) : t('operators.dash.chart.decision.hours', { from: b.fromHours, to: b.toHours }))),
    series: [
      { key: 'merchant', label: t('operators.dash.chart.decision.merchant'), color: '#2f6fdf', values: dt.buckets.map((b) => b.byMerchant) },
      { key: 'auto', label: t('operators.dash.chart.decision.auto'), color: '#d64545', values: dt.buckets.map((b) => b.auto) },
    ],
    markers: dt.buckets.flatMap((b, i) => (b.toHours === 24 || b.toHours === 48 ? [{ after: i, label: t('operators.dash.chart.decision.standard', { hours: b.toHours }) }] : [])),
    format: count,
    integer: true,
    emptyText: t('operators.dash.chart.empty'),
  });

  const shopChart = h('div', { id: 'chart-shops' });
  barChart(shopChart, {
    rows: shops.shops.map((s) => ({
      key: s.shopId,
      label: s.name ? `${s.name} (${s.shopId})` : s.shopId,
      values: [s.cases],
      colors: [s.outlier ? '#d64545' : '#2f6fdf'],
      tag: s.outlier ? t('operators.dash.chart.shops.outlier') : null,
    })),
    series: [{ key: 'cases', label: t('operators.dash.nav.cases'), color: '#2f6fdf' }],
    lines:
      shops.median === null
        ? []
        : [
            { value: shops.median, label: t('operators.dash.chart.shops.median', { median: count(shops.median) }), cls: 'median' },
            { value: shops.median * shops.factor, label: t('operators.dash.chart.shops.threshold', { factor: shops.factor }), cls: 'marker' },
          ],
    format: count,
    integer: true,
    emptyText: t('operators.dash.chart.empty'),
    onClick: (row) => (location.hash = `#/cases?shop=${encodeURIComponent(row.key)}`),
  });

  const openChart = h('div', { id: 'chart-open' });
  barChart(openChart, {
    rows: open.byState.map((r) => ({ key: r.state, label: stateLabel(r.state), values: [r.open - r.overdue, r.overdue] })),
    series: [
      { key: 'in_time', label: t('operators.dash.chart.open.inTime'), color: '#3ebd93' },
      { key: 'overdue', label: t('operators.dash.chart.open.overdue'), color: '#d64545' },
    ],
    format: count,
    integer: true,
    emptyText: t('operators.dash.chart.empty'),
    onClick: (row) => (location.hash = `#/cases?state=${row.key}`),
  });

  const overdueList = open.overdueCases.length
    ? h(
        'table',
        { id: 'overdue-table' },
        h('tr', {}, h('th', {}, t('operators.dash.col.id')), h('th', {}, t('operators.dash.cases.shop')), h('th', {}, t('operators.dash.cases.state')), h('th', {}, t('operators.dash.col.due')), h('th', {})),
        open.overdueCases.slice(0, 10).map((c) =>
          h(
            'tr',
            { class: 'overdue' },
            h('td', {}, h('a', { href: `#/case/${encodeURIComponent(c.id)}` }, c.id)),
            h('td', {}, c.shopId),
            h('td', {}, stateLabel(c.status)),
            h('td', {}, when(c.dueAt)),
            h('td', {}, h('span', { class: 'badge danger' }, t('operators.dash.overdue.since', { hours: Math.floor(c.overdueMs / 3_600_000) }))),
          ),
        ),
      )
    : h('p', { class: 'empty' }, t('operators.dash.overdue.none'));

  $('view').replaceChildren(
    kpis,
    h(
      'div',
      { class: 'grid' },
      card(t('operators.dash.chart.monthCount'), monthCount),
      card(t('operators.dash.chart.monthAmount'), monthAmount),
      card(t('operators.dash.chart.decision', { month: current.month }), decision, h('p', { class: 'note' }, t('operators.dash.chart.decision.within', { share: percent(dt.shareWithinStandard) }))),
      card(t('operators.dash.chart.shops', { days: shops.windowDays }), shopChart),
      card(t('operators.dash.chart.open'), openChart),
      card(t('operators.dash.overdue.title'), overdueList),
    ),
  );
  document.body.dataset.ready = 'overview';
}

// ---- cases ----------------------------------------------------------------------------------------------

function select(name, values, label, chosen) {
  return h(
    'label',
    {},
    t(`operators.dash.cases.${name}`),
    h('select', { name }, h('option', { value: '' }, t('operators.dash.cases.any')), values.map((v) => h('option', { value: v, selected: v === chosen }, label(v)))),
  );
}

async function renderCases(params) {
  const id = ++renderId;
  showApp('cases');
  loading();
  const page = Math.max(1, Number(params.get('page')) || 1);
  const query = new URLSearchParams();
  for (const key of ['state', 'shop', 'reason', 'buyer', 'from', 'to']) if (params.get(key)) query.set(key, params.get(key));
  const result = await api(`${API}/cases?${query}&page=${page}&pageSize=25`);
  if (id !== renderId) return;

  const form = h(
    'form',
    { class: 'filters', id: 'case-filters' },
    select('state', STATES, stateLabel, params.get('state')),
    select('reason', REASONS, reasonLabel, params.get('reason')),
    h('label', {}, t('operators.dash.cases.shop'), h('input', { name: 'shop', value: params.get('shop') || '', size: 12 })),
    h('label', {}, t('operators.dash.cases.buyer'), h('input', { name: 'buyer', value: params.get('buyer') || '', size: 12 })),
    h('label', {}, t('operators.dash.cases.from'), h('input', { name: 'from', type: 'date', value: params.get('from') || '' })),
    h('label', {}, t('operators.dash.cases.to'), h('input', { name: 'to', type: 'date', value: params.get('to') || '' })),
    h('button', { type: 'submit', class: 'primary' }, t('operators.dash.cases.search')),
    h('button', { type: 'button', class: 'secondary', id: 'export', onclick: () => exportCsv(query) }, t('operators.dash.cases.export')),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const next = new URLSearchParams();
    for (const [k, v] of new FormData(form)) if (String(v).trim()) next.set(k, String(v).trim());
    location.hash = `#/cases?${next}`;
  });

  const go = (p) => {
    const next = new URLSearchParams(query);
    next.set('page', String(p));
    location.hash = `#/cases?${next}`;
  };
  const table = result.items.length
    ? h(
        'table',
        { id: 'case-table' },
        h(
          'tr',
          {},
          h('th', {}, t('operators.dash.col.id')),
          h('th', {}, t('operators.dash.cases.shop')),
          h('th', {}, t('operators.dash.cases.reason')),
          h('th', {}, t('operators.dash.cases.state')),
          h('th', { class: 'num' }, t('operators.dash.col.amount')),
          h('th', {}, t('operators.dash.col.filed')),
          h('th', {}, t('operators.dash.col.due')),
        ),
        result.items.map((c) =>
          h(
            'tr',
            { class: c.overdue ? 'overdue' : null },
            h('td', {}, h('a', { href: `#/case/${encodeURIComponent(c.id)}` }, c.id)),
            h('td', {}, c.shopId),
            h('td', {}, reasonLabel(c.reason)),
            h('td', {}, stateLabel(c.status), c.overdue ? [' ', h('span', { class: 'badge danger' }, t('operators.dash.case.overdue'))] : null),
            h('td', { class: 'num' }, yuan(c.cashFen)),
            h('td', {}, when(c.createdAt)),
            h('td', {}, when(c.dueAt)),
          ),
        ),
      )
    : h('p', { class: 'empty' }, t('operators.dash.cases.empty'));
  const pager = h(
    'div',
    { class: 'pager' },
    h('button', { type: 'button', class: 'secondary', disabled: page <= 1, onclick: () => go(page - 1) }, t('operators.dash.cases.prev')),
    h('span', {}, t('operators.dash.cases.page', { page: result.page, pages: Math.max(1, result.pages), total: result.total })),
    h('button', { type: 'button', class: 'secondary', disabled: page >= result.pages, onclick: () => go(page + 1) }, t('operators.dash.cases.next')),
  );
  $('view').replaceChildren(h('section', { class: 'card' }, h('h2', {}, t('operators.dash.cases.title')), form, table, pager));
  document.body.dataset.ready = 'cases';
}

async function exportCsv(query) {
  const res = await api(`${API}/cases.csv?${query}`, { raw: true });
  const blob = await res.blob();
  const name = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') || '')?.[1] || 'refund-cases.csv';
  const link = h('a', { href: URL.createObjectURL(blob), download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}

// ---- one case -------------------------------------------------------------------------------------------

async function renderCase(caseId) {
  const id = ++renderId;
  showApp('cases');
  loading();
  let detail;
  try {
    detail = await api(`${API}/cases/${encodeURIComponent(caseId)}`);
  } catch (err) {
    if (err instanceof ApiError && err.status === 404) {
      $('view').replaceChildren(h('p', { class: 'card empty' }, t('operators.dash.case.notFound', { caseId })));
      return;
    }
    throw err;
  }
  if (id !== renderId) return;
  const s = detail.summary;
  const fact = (label, ...value) => [h('dt', {}, label), h('dd', {}, ...value)];
  const facts = h(
    'dl',
    { class: 'facts' },
    fact(t('operators.dash.case.order'), s.orderId),
    fact(t('operators.dash.cases.buyer'), s.buyerId),
    fact(t('operators.dash.cases.shop'), s.shopId),
    fact(t('operators.dash.case.type'), t(`operators.type.${s.type}`)),
    fact(t('operators.dash.cases.reason'), reasonLabel(s.reason)),
    fact(t('operators.dash.cases.state'), stateLabel(s.status), s.overdue ? [' ', h('span', { class: 'badge danger' }, t('operators.dash.case.overdue'))] : null),
    fact(t('operators.dash.col.amount'), yuan(s.cashFen)),
    fact(t('operators.dash.col.filed'), when(s.createdAt)),
    fact(t('operators.dash.col.due'), when(s.dueAt)),
    fact(t('operators.dash.case.description'), detail.case.description),
  );
  const timeline = h(
    'ol',
    { class: 'timeline', id: 'timeline' },
    detail.audit.map((e) =>
      h(
        'li',
        {},
        h('div', { class: 'when' }, `${when(e.at)} · ${t(`operators.role.${e.actor.role}`)} ${e.actor.id}`),
        h('div', { class: 'what' }, eventLabel(e.event), ' ', h('span', { class: 'badge' }, e.from && e.from !== e.to ? `${stateLabel(e.from)} → ${stateLabel(e.to)}` : stateLabel(e.to))),
        e.remark ? h('div', { class: 'remark' }, e.remark) : null,
        e.data && Object.keys(e.data).length ? h('pre', {}, JSON.stringify(e.data)) : null,
      ),
    ),
  );
  const evidence = detail.evidence.length
    ? h(
        'ul',
        { id: 'evidence' },
        detail.evidence.map((e) =>
          h('li', {}, e.url ? h('a', { href: e.url, target: '_blank', rel: 'noopener' }, e.name || e.sha256.slice(0, 12)) : e.name || e.sha256.slice(0, 12), ` · ${e.kind} · ${Math.ceil(e.size / 1024)} KB · ${when(e.addedAt)}`),
        ),
      )
    : h('p', { class: 'empty' }, t('operators.dash.case.evidence.none'));
  $('view').replaceChildren(
    h('p', {}, h('a', { href: '#/cases' }, `← ${t('operators.dash.case.back')}`)),
    h(
      'div',
      { class: 'grid' },
      h('section', { class: 'card' }, h('h2', {}, t('operators.dash.case.title', { caseId: s.id })), facts),
      h('section', { class: 'card' }, h('h2', {}, t('operators.dash.case.evidence')), evidence),
    ),
    h('section', { class: 'card section-gap' }, h('h2', {}, t('operators.dash.case.timeline')), timeline),
  );
  document.body.dataset.ready = 'case';
}

// ---- routing --------------------------------------------------------------------------------------------

function route() {
  delete document.body.dataset.ready;
  if (!sessionStorage.getItem(TOKEN_KEY)) return showSignIn(null);
  const hash = location.hash || '#/';
  let work;
  if (hash.startsWith('#/case/')) work = renderCase(decodeURIComponent(hash.slice('#/case/'.length)));
  else if (hash.startsWith('#/cases')) work = renderCases(new URLSearchParams(hash.split('?')[1] || ''));
  else work = renderOverview();
  work.catch(failed);
}

async function start() {
  messages = await (await fetch('/dashboard/messages.json')).json();
  applyStatic();
  $('sign-in-form').addEventListener('submit', (e) => {
    e.preventDefault();
    const token = $('token').value.trim();
    if (!token) return;
    sessionStorage.setItem(TOKEN_KEY, token);
    $('token').value = '';
    route();
  });
  $('sign-out').addEventListener('click', () => {
    sessionStorage.removeItem(TOKEN_KEY);
    showSignIn(null);
  });
  for (const [button, value] of [['lang-zh', 'zh'], ['lang-en', 'en']]) {
    $(button).addEventListener('click', () => {
      lang = value;
      localStorage.setItem(LANG_KEY, lang);
      applyStatic();
      route();
    });
  }
  window.addEventListener('hashchange', route);
  route();
}

start();
