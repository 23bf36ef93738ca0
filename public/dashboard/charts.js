// Hand-written SVG charts for the operators' dashboard: stacked columns and stacked horizontal bars, with
// reference lines. No library: the page loads nothing from outside this server.

const SVG = 'http://www.w3.org/2000/svg';

export const PALETTE = ['#2f6fdf', '#3ebd93', '#f0b429', '#d64545', '#8e5ad6', '#27a9c9', '#e8832e', '#9aa5b1', '#c05696', '#5c7f2f'];

function el(name, attrs = {}, text) {
  const node = document.createElementNS(SVG, name);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  if (text !== undefined) node.textContent = text;
  return node;
}

/** A "nice" upper bound for an axis: 1, 2 or 5 times a power of ten, at least the value. */
export function niceMax(value) {
  if (!(value > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 5, 10]) if (step * power >= value) return step * power;
  return 10 * power;
}

/** Grid lines on whole numbers for counts: the first of 4, 5, 2 or 1 intervals that divides the axis evenly. */
function intervals(max, integer) {
  if (!integer) return 4;
  return [4, 5, 2, 1].find((n) => Number.isInteger(max / n));
}

function legend(series) {
  const box = document.createElement('div');
  box.className = 'legend';
  for (const s of series) {
    const item = document.createElement('span');
    const swatch = document.createElement('i');
    swatch.style.background = s.color;
    item.append(swatch, s.label);
    box.append(item);
  }
  return box;
}

function emptyNote(text) {
  const p = document.createElement('p');
  p.className = 'empty';
  p.textContent = text;
  return p;
}

/**
 * Stacked columns. categories: labels along x; series: [{ key, label, color, values[] }];
 * markers: [{ after: index of the category the line follows, label }] (vertical dashed lines);
 * format(v): how a value reads in tooltips and totals.
 */
export function columnChart(host, { categories, series, markers = [], format = String, emptyText = '', height = 240, integer = false }) {
  host.replaceChildren();
  const totals = categories.map((_, i) => series.reduce((sum, s) => sum + (s.values[i] || 0), 0));
  if (totals.every((t) => t === 0)) {
    host.append(emptyNote(emptyText));
    return;
  }
  const width = 560;
  const pad = { top: 18, right: 12, bottom: 34, left: 52 };
  const innerW = width - pad.left - pad.right;
  const innerH = height - pad.top - pad.bottom;
  const max = niceMax(Math.max(...totals));
  const svg = el('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img' });
  const ticks = intervals(max, integer);
  for (let i = 0; i <= ticks; i++) {
    const y = pad.top + innerH - (innerH * i) / ticks;
    svg.append(el('line', { class: i === 0 ? 'axis' : 'grid-line', x1: pad.left, x2: width - pad.right, y1: y, y2: y }));
    svg.append(el('text', { x: pad.left - 6, y: y + 4, 'text-anchor': 'end' }, format((max * i) / ticks)));
  }
  const slot = innerW / categories.length;
  const barW = Math.min(48, slot * 0.62);
  categories.forEach((category, i) => {
    const x = pad.left + slot * i + (slot - barW) / 2;
    let y = pad.top + innerH;
    for (const s of series) {
      const v = s.values[i] || 0;
      if (v <= 0) continue;
      const h = (innerH * v) / max;
      y -= h;
      const rect = el('rect', { class: 'bar', x, y, width: barW, height: Math.max(h, 0.5), fill: s.color, 'data-series': s.key, 'data-category': category, 'data-value': v });
      rect.append(el('title', {}, `${category} · ${s.label}: ${format(v)}`));
      svg.append(rect);
    }
    if (totals[i] > 0) svg.append(el('text', { class: 'value-label', x: x + barW / 2, y: y - 4, 'text-anchor': 'middle' }, format(totals[i])));
    svg.append(el('text', { x: pad.left + slot * i + slot / 2, y: height - pad.bottom + 16, 'text-anchor': 'middle' }, category));
  });
  for (const m of markers) {
    const x = pad.left + slot * (m.after + 1);
    svg.append(el('line', { class: 'marker', x1: x, x2: x, y1: pad.top - 6, y2: pad.top + innerH }));
    svg.append(el('text', { class: 'marker-label', x: x + 4, y: pad.top + 2 }, m.label));
  }
  host.append(svg, legend(series));
}

/**
 * Stacked horizontal bars. rows: [{ label, values[], tag? }] (values per series); series: [{ key, label, color }];
 * lines: [{ value, label, cls }] (vertical reference lines at a value).
 */
export function barChart(host, { rows, series, lines = [], format = String, emptyText = '', onClick, integer = false }) {
  host.replaceChildren();
  if (rows.length === 0) {
    host.append(emptyNote(emptyText));
    return;
  }
  const width = 560;
  const rowH = 26;
  const pad = { top: 10 + 13 * lines.length, right: 70, bottom: 22, left: 150 };
  const height = pad.top + pad.bottom + rows.length * rowH;
  const innerW = width - pad.left - pad.right;
  const totals = rows.map((r) => r.values.reduce((a, b) => a + b, 0));
  const max = niceMax(Math.max(...totals, ...lines.map((l) => l.value)));
  const svg = el('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img' });
  const ticks = intervals(max, integer);
  for (let i = 0; i <= ticks; i++) {
    const x = pad.left + (innerW * i) / ticks;
    svg.append(el('line', { class: i === 0 ? 'axis' : 'grid-line', x1: x, x2: x, y1: pad.top, y2: height - pad.bottom }));
    svg.append(el('text', { x, y: height - pad.bottom + 14, 'text-anchor': 'middle' }, format((max * i) / ticks)));
  }
  rows.forEach((row, i) => {
    const y = pad.top + i * rowH + 4;
    const label = el('text', { x: pad.left - 8, y: y + 13, 'text-anchor': 'end' }, row.label.length > 22 ? `${row.label.slice(0, 21)}…` : row.label);
    label.append(el('title', {}, row.label));
    svg.append(label);
    let x = pad.left;
    series.forEach((s, j) => {
      const v = row.values[j] || 0;
      if (v <= 0) return;
      const w = (innerW * v) / max;
      const rect = el('rect', { class: 'bar', x, y, width: Math.max(w, 0.5), height: rowH - 8, fill: row.colors?.[j] ?? s.color, 'data-series': s.key, 'data-category': row.key ?? row.label, 'data-value': v });
      rect.append(el('title', {}, `${row.label} · ${s.label}: ${format(v)}`));
      if (onClick) {
        rect.style.cursor = 'pointer';
        rect.addEventListener('click', () => onClick(row));
      }
      svg.append(rect);
      x += w;
    });
    svg.append(el('text', { class: 'value-label', x: x + 5, y: y + 13 }, format(totals[i])));
    if (row.tag) svg.append(el('text', { class: 'tag', x: x + 5 + 9 * String(format(totals[i])).length, y: y + 13 }, row.tag));
  });
  lines.forEach((l, k) => {
    const x = pad.left + (innerW * l.value) / max;
    const cls = l.cls || 'median';
    svg.append(el('line', { class: cls, x1: x, x2: x, y1: pad.top - 13 * k - 4, y2: height - pad.bottom }));
    // Labels are staggered so close lines stay readable.
    svg.append(el('text', { class: `${cls}-label`, x: x + 3, y: pad.top - 13 * k - 6 }, l.label));
  });
  host.append(svg, legend(series));
}
