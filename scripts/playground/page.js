// The playground grid (browser script, served by serve.ts): draws the in-memory active sheet and
// its charts (SVG), selects cells (the add-on's "selection" destination), lets the user type a
// value or a formula like in Sheets, switches sheets, runs the add-on menu, and redraws whenever
// the sidebar's google.script.run shim reports a call.
//
// Keys as in Sheets: typing starts entering (replacing the cell), Enter or F2 edits it, Enter
// commits and moves down (back to the column where a run of Tabs started), Tab commits and moves
// right, Shift reverses both, Escape cancels, arrows move, Delete clears.
/* global document, window */

const grid = document.getElementById('grid');
const wrap = document.getElementById('grid-wrap');
const tabs = document.getElementById('tabs');
const menu = document.getElementById('menu');
const nameBox = document.getElementById('selection');
const bar = document.getElementById('formula-bar');
const chartsOut = document.getElementById('charts');
const dialog = document.getElementById('dialog');
const problem = document.getElementById('problem');
const SVG = 'http://www.w3.org/2000/svg';
const COLORS = ['#4285f4', '#ea4335', '#fbbc04', '#34a853', '#ff6d01', '#46bdc6', '#7baaf7'];
let state = null;
/** the open editor: { input, a1, replace } (replace: typing started it, arrows commit) */
let editor = null;
/** the column where a run of Tab presses started: Enter returns to it */
let tabStart = null;

function columnName(n) {
  let name = '';
  for (; n > 0; n = Math.floor((n - 1) / 26))
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

function parseCell(a1) {
  const m = /^([A-Z]+)(\d+)/.exec(a1);
  let column = 0;
  for (const ch of m[1]) column = column * 26 + ch.charCodeAt(0) - 64;
  return { row: Number(m[2]), column };
}

const a1Of = (row, column) => `${columnName(column)}${row}`;
const cellElement = (a1) => grid.querySelector(`td[data-cell="${a1}"]`);
const selectedA1 = () => a1Of(parseCell(state.selection).row, parseCell(state.selection).column);
const cellState = (a1) => {
  const { row, column } = parseCell(a1);
  return state.grid[row - 1]?.[column - 1] ?? { display: '' };
};

function draw(next) {
  // another sheet opens at its top-left corner, as in Sheets
  if (state && next.active !== state.active) wrap.scrollTo(0, 0);
  state = covering(next, next.selection);
  const sel = parseCell(state.selection);
  grid.textContent = '';
  const colgroup = document.createElement('colgroup');
  colgroup.appendChild(Object.assign(document.createElement('col'), { style: 'width:40px' }));
  state.columnWidths.forEach((w) => {
    const col = document.createElement('col');
    col.style.width = `${w}px`;
    colgroup.appendChild(col);
  });
  grid.appendChild(colgroup);
  // a fixed table layout keeps the column widths only with an explicit table width; without it
  // a long text would widen its column instead of being clipped, as Sheets clips it
  grid.style.width = `${state.columnWidths.reduce((sum, w) => sum + w, 40)}px`;
  const head = grid.insertRow();
  head.appendChild(document.createElement('th'));
  state.columnWidths.forEach((_, c) => {
    const th = document.createElement('th');
    th.textContent = columnName(c + 1);
    head.appendChild(th);
  });
  state.grid.forEach((line, r) => {
    const tr = grid.insertRow();
    const th = document.createElement('th');
    th.className = 'rowhead';
    th.textContent = String(r + 1);
    tr.appendChild(th);
    line.forEach((cell, c) => {
      const td = tr.insertCell();
      const a1 = a1Of(r + 1, c + 1);
      td.dataset.cell = a1;
      td.textContent = cell.display;
      td.title = cell.error || cell.formula || cell.note || '';
      if (cell.number) td.classList.add('num');
      // as in Sheets, text runs on over empty cells to its right instead of being cut off
      else if (cell.display && !line[c + 1]?.display) {
        td.classList.add('overflow');
        // ... up to the next cell that shows something, where Sheets cuts it
        let room = state.columnWidths[c];
        let k = c + 1;
        for (; k < line.length && !line[k].display; k++) room += state.columnWidths[k];
        if (k < line.length) {
          const text = document.createElement('span');
          text.className = 'clip';
          text.style.maxWidth = `${room - 8}px`;
          text.textContent = cell.display;
          td.textContent = '';
          td.appendChild(text);
        }
      }
      if (cell.bold) td.classList.add('bold');
      if (cell.wrap) td.classList.add('wrap');
      if (cell.error) td.classList.add('err');
      if (cell.note) td.classList.add('noted');
      if (r + 1 === state.frozenRows) td.classList.add('frozen');
      if (cell.background) td.style.background = cell.background;
      if (cell.align) td.style.textAlign = cell.align;
      if (r + 1 === sel.row && c + 1 === sel.column) td.classList.add('selected');
      td.addEventListener('mousedown', (event) => {
        event.preventDefault(); // keep the focus on the grid, not on the text of the cell
        wrap.focus();
        tabStart = null;
        if (editor) commit(a1, editor.input.value);
        else select(a1);
      });
      td.addEventListener('dblclick', () => startEditing(a1, cell.input ?? '', false));
    });
  });
  drawCharts();
  tabs.textContent = '';
  state.sheets.forEach((name) => {
    const b = document.createElement('button');
    b.textContent = name;
    b.setAttribute('role', 'tab');
    b.setAttribute('aria-selected', String(name === state.active));
    if (name === state.active) b.classList.add('active');
    b.addEventListener('click', () => select('A1', name));
    tabs.appendChild(b);
  });
  nameBox.textContent = `${state.active}!${state.selection}`;
  if (!editor && document.activeElement !== bar) bar.value = cellState(selectedA1()).input ?? '';
  chartsOut.textContent = state.charts.length
    ? `Charts: ${state.charts.map((c) => c.description).join('; ')}`
    : '';
  menu.textContent = '';
  for (const m of state.menus) {
    for (const item of m.items) {
      const b = document.createElement('button');
      b.textContent = item.caption;
      b.addEventListener('click', () => runMenu(item.functionName));
      menu.appendChild(b);
    }
  }
  dialog.hidden = !state.dialog;
  // a data validation that refused what was typed says why, as Sheets' "There was a problem"
  problem.hidden = !state.rejected;
  problem.textContent = state.rejected ?? '';
}

// ---------------------------------------------------------------------------------------------
// charts: drawn over the grid at their anchor cell, as Sheets floats them

function svg(name, attributes, text) {
  const node = document.createElementNS(SVG, name);
  for (const [k, v] of Object.entries(attributes)) node.setAttribute(k, String(v));
  if (text !== undefined) node.textContent = text;
  return node;
}

/** about five round steps over [low, high]: 0, 500, 1,000, ... */
function ticks(low, high) {
  const span = high - low || 1;
  const raw = span / 5;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= raw);
  const out = [];
  for (let v = Math.floor(low / step) * step; v <= high + step / 2; v += step) out.push(v);
  if (out[out.length - 1] < high) out.push(out[out.length - 1] + step);
  return out;
}

const money = (v) =>
  `${v < 0 ? '-' : ''}$${Math.abs(v).toLocaleString('en-US', { maximumFractionDigits: 2 })}`;

/** A column chart (stacked or side by side) or a line chart, 600 × 371 px like Sheets' default. */
function chartSvg(chart) {
  const width = 600;
  const height = 371;
  const plot = { left: 80, top: 40, right: width - 170, bottom: height - 60 };
  const root = svg('svg', {
    width,
    height,
    viewBox: `0 0 ${width} ${height}`,
    role: 'img',
    'aria-label': chart.title,
    class: 'chart',
  });
  root.appendChild(svg('rect', { width, height, fill: '#fff', stroke: '#dadce0' }));
  root.appendChild(
    svg('text', { x: 16, y: 24, 'font-size': 15, 'font-weight': 'bold' }, chart.title),
  );
  const n = chart.categories.length;
  const stacks = chart.categories.map((_, i) => {
    let up = 0;
    let down = 0;
    for (const s of chart.series) {
      const v = s.values[i] ?? 0;
      if (v >= 0) up += v;
      else down += v;
    }
    return { up, down };
  });
  const all = chart.series.flatMap((s) => s.values.map((v) => v ?? 0));
  const high = chart.stacked ? Math.max(0, ...stacks.map((s) => s.up)) : Math.max(0, ...all);
  const low = chart.stacked ? Math.min(0, ...stacks.map((s) => s.down)) : Math.min(0, ...all);
  const steps = ticks(low, high);
  const top = steps[steps.length - 1];
  const bottom = steps[0];
  const y = (v) => plot.bottom - ((v - bottom) / (top - bottom || 1)) * (plot.bottom - plot.top);
  for (const t of steps) {
    root.appendChild(
      svg('line', { x1: plot.left, x2: plot.right, y1: y(t), y2: y(t), stroke: '#e0e0e0' }),
    );
    root.appendChild(
      svg('text', { x: plot.left - 6, y: y(t) + 4, 'text-anchor': 'end', 'font-size': 11, class: 'tick' }, money(t)), // prettier-ignore
    );
  }
  const band = (plot.right - plot.left) / Math.max(1, n);
  chart.categories.forEach((label, i) => {
    const x = plot.left + band * (i + 0.5);
    const text = svg('text', { x, y: plot.bottom + 16, 'text-anchor': 'end', 'font-size': 11, class: 'category', transform: `rotate(-35 ${x} ${plot.bottom + 16})` }, label); // prettier-ignore
    root.appendChild(text);
  });
  const color = (k) => COLORS[k % COLORS.length];
  if (chart.type === 'line') {
    chart.series.forEach((s, k) => {
      const points = s.values
        .map((v, i) => (v === null ? null : `${plot.left + band * (i + 0.5)},${y(v)}`))
        .filter(Boolean)
        .join(' ');
      root.appendChild(svg('polyline', { points, fill: 'none', stroke: color(k), 'stroke-width': 2, 'data-series': s.name })); // prettier-ignore
    });
  } else {
    // columns (a bar chart is drawn as columns too): stacked, or side by side in each band
    const inner = band * 0.7;
    chart.categories.forEach((category, i) => {
      let up = 0;
      let down = 0;
      chart.series.forEach((s, k) => {
        const v = s.values[i] ?? 0;
        let from;
        let x = plot.left + band * i + (band - inner) / 2;
        let w = inner;
        if (chart.stacked) {
          from = v >= 0 ? up : down;
          if (v >= 0) up += v;
          else down += v;
        } else {
          from = 0;
          w = inner / chart.series.length;
          x += w * k;
        }
        const y1 = y(from);
        const y2 = y(from + v);
        const rect = svg('rect', { x, y: Math.min(y1, y2), width: Math.max(1, w - 1), height: Math.abs(y2 - y1), fill: color(k), class: 'bar', 'data-series': s.name, 'data-category': category, 'data-value': s.values[i] ?? '' }); // prettier-ignore
        rect.appendChild(svg('title', {}, `${s.name}, ${category}: ${money(v)}`));
        root.appendChild(rect);
      });
    });
  }
  root.appendChild(svg('line', { x1: plot.left, x2: plot.right, y1: y(0), y2: y(0), stroke: '#5f6368' })); // prettier-ignore
  chart.series.forEach((s, k) => {
    const ly = plot.top + k * 20;
    root.appendChild(svg('rect', { x: plot.right + 16, y: ly, width: 12, height: 12, fill: color(k) })); // prettier-ignore
    // a long name is cut, as Sheets cuts legends; the full name is the tooltip
    const label = s.name.length > 20 ? `${s.name.slice(0, 19)}…` : s.name;
    const legend = svg('text', { x: plot.right + 34, y: ly + 10, 'font-size': 11, class: 'legend', 'data-series': s.name }, label); // prettier-ignore
    legend.appendChild(svg('title', {}, s.name));
    root.appendChild(legend);
  });
  return root;
}

function drawCharts() {
  for (const old of wrap.querySelectorAll('.chart-box')) old.remove();
  state.charts.forEach((chart) => {
    const anchor = cellElement(a1Of(chart.row, chart.column));
    if (!anchor) return;
    const box = document.createElement('div');
    box.className = 'chart-box';
    box.style.left = `${grid.offsetLeft + anchor.offsetLeft}px`;
    box.style.top = `${grid.offsetTop + anchor.offsetTop}px`;
    box.appendChild(chartSvg(chart));
    wrap.appendChild(box);
  });
}

// ---------------------------------------------------------------------------------------------
// selection and editing

// Edits and selections go to the server one at a time, in the order made, and the grid moves its
// selection at once: keys typed while a request is on its way land in the right cell.
let queue = Promise.resolve();
let inFlight = 0;

/** POSTs in order; draws the answer, keeping the local selection while more requests wait. */
function post(path, body) {
  inFlight++;
  const done = queue.then(async () => {
    const response = await fetch(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const next = await response.json();
    inFlight--;
    if (inFlight > 0 && next.active === state.active) next.selection = state.selection;
    draw(next);
  });
  queue = done.catch(() => {});
  return done;
}

async function refresh() {
  draw(await (await fetch('/state')).json());
}

/**
 * The snapshot with empty cells out to `a1` if its grid does not reach it: the selection can move
 * past the last drawn column or row before the server's next answer (which covers the selection)
 * has come, and an answer to an earlier request can come after it moved. It used to stop at the
 * edge, so a Tab typed fast landed in the wrong cell.
 */
function covering(snapshot, a1) {
  const { row, column } = parseCell(a1);
  if (row <= snapshot.grid.length && column <= snapshot.columnWidths.length) return snapshot;
  const rows = Math.max(snapshot.grid.length, row + 5);
  const columns = Math.max(snapshot.columnWidths.length, column + 3);
  const columnWidths = [...snapshot.columnWidths];
  while (columnWidths.length < columns) columnWidths.push(100);
  const grid = Array.from({ length: rows }, (_, r) =>
    Array.from({ length: columns }, (_, c) => snapshot.grid[r]?.[c] ?? { display: '' }),
  );
  return { ...snapshot, grid, columnWidths };
}

/** moves the highlight now, before the server knows */
function showSelection(a1) {
  if (covering(state, a1) !== state) draw({ ...state, selection: a1 });
  grid.querySelector('td.selected')?.classList.remove('selected');
  cellElement(a1)?.classList.add('selected');
  state.selection = a1;
  nameBox.textContent = `${state.active}!${a1}`;
  if (!editor) bar.value = cellState(a1).input ?? '';
}

function select(range, sheet) {
  if (!sheet || sheet === state.active) showSelection(range);
  return post('/select', { range, sheet });
}

/** the cell `rows` down and `columns` right of the selection, inside the sheet */
function moved(rows, columns) {
  const { row, column } = parseCell(state.selection);
  const r = Math.min(Math.max(1, row + rows), state.maxRows);
  const c = Math.min(Math.max(1, column + columns), state.maxColumns);
  return a1Of(r, c);
}

/** where a key moves the selection after a commit (null: stay) */
function target(key, shift) {
  const { column } = parseCell(state.selection);
  if (key === 'Tab') {
    if (tabStart === null) tabStart = column;
    return moved(0, shift ? -1 : 1);
  }
  if (key === 'Enter') {
    const back = tabStart === null ? 0 : tabStart - column;
    tabStart = null;
    return moved(shift ? -1 : 1, back);
  }
  tabStart = null;
  const arrows = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };
  return arrows[key] ? moved(...arrows[key]) : null;
}

function startEditing(a1, text, replace) {
  if (editor) editor.input.remove();
  const td = cellElement(a1);
  const input = document.createElement('input');
  input.id = 'cell-editor';
  input.setAttribute('aria-label', `Edit ${a1}`);
  input.autocomplete = 'off';
  input.spellcheck = false;
  input.value = text;
  input.style.left = `${grid.offsetLeft + td.offsetLeft}px`;
  input.style.top = `${grid.offsetTop + td.offsetTop}px`;
  input.style.minWidth = `${td.offsetWidth}px`;
  input.style.height = `${td.offsetHeight}px`;
  input.addEventListener('input', () => (bar.value = input.value));
  input.addEventListener('keydown', (event) => editorKey(event, input));
  wrap.appendChild(input);
  editor = { input, a1, replace };
  bar.value = text;
  input.focus();
  input.setSelectionRange(text.length, text.length);
}

function closeEditor() {
  editor?.input.remove();
  editor = null;
  wrap.focus();
}

/** Writes `text` into the cell being edited, then selects `next` (null: stays). */
async function commit(next, text) {
  const a1 = editor ? editor.a1 : selectedA1();
  closeEditor();
  if (next) showSelection(next);
  await post('/edit', { range: a1, input: text, select: next ?? undefined });
}

function cancel() {
  closeEditor();
  bar.value = cellState(selectedA1()).input ?? '';
}

/** keys in the cell editor and in the formula bar */
function editorKey(event, input) {
  const { key, shiftKey } = event;
  const arrow = /^Arrow/.test(key) && editor?.replace && input !== bar;
  if (key === 'Enter' || key === 'Tab' || arrow) {
    event.preventDefault();
    commit(target(key, shiftKey), input.value);
  } else if (key === 'Escape') {
    event.preventDefault();
    cancel();
  }
}

wrap.addEventListener('keydown', (event) => {
  if (event.target !== wrap || !state) return;
  const { key, shiftKey, ctrlKey, metaKey, altKey } = event;
  const a1 = selectedA1();
  if (key === 'Enter' || key === 'F2') {
    event.preventDefault();
    startEditing(a1, cellState(a1).input ?? '', false);
  } else if (key === 'Delete' || key === 'Backspace') {
    event.preventDefault();
    post('/edit', { range: a1, input: '' });
  } else if (key === 'Tab' || /^Arrow/.test(key)) {
    event.preventDefault();
    select(target(key, shiftKey));
  } else if (key.length === 1 && !ctrlKey && !metaKey && !altKey) {
    event.preventDefault();
    startEditing(a1, key, true);
  }
});

bar.addEventListener('keydown', (event) => editorKey(event, bar));

// ---------------------------------------------------------------------------------------------
// menu, dialogs, the sidebar

async function runMenu(name) {
  const response = await fetch(`/run/${name}`, { method: 'POST', body: '[]' });
  const result = await response.json();
  if (!result.ok) window.alert(result.error);
  await refresh();
  if (state.dialog) {
    document.getElementById('dialog-title').textContent = state.dialog.title;
    dialog.querySelector('iframe').src = `/dialog?t=${Date.now()}`;
  } else if (/^show/.test(name)) {
    document.getElementById('sidebar').src = `/sidebar?shown&t=${Date.now()}`;
  }
}

document.getElementById('dialog-close').addEventListener('click', async () => {
  await fetch('/close-dialog', { method: 'POST' });
  await refresh();
});
window.addEventListener('message', (event) => {
  if (event.data === 'playground:changed') refresh();
});
refresh();
