// The playground grid (browser script, served by serve.ts): draws the in-memory active sheet,
// selects a cell on click (the add-on's "selection" destination), switches sheets, runs the
// add-on menu, and redraws whenever the sidebar's google.script.run shim reports a call.
/* global document, window */

const grid = document.getElementById('grid');
const tabs = document.getElementById('tabs');
const menu = document.getElementById('menu');
const selectionOut = document.getElementById('selection');
const chartsOut = document.getElementById('charts');
const dialog = document.getElementById('dialog');
let state = null;

function columnName(n) {
  let name = '';
  for (; n > 0; n = Math.floor((n - 1) / 26))
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

function selectedCell() {
  const m = /^([A-Z]+)(\d+)/.exec(state.selection);
  let column = 0;
  for (const ch of m[1]) column = column * 26 + ch.charCodeAt(0) - 64;
  return { row: Number(m[2]), column };
}

function draw(next) {
  state = next;
  const sel = selectedCell();
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
      const a1 = `${columnName(c + 1)}${r + 1}`;
      td.dataset.cell = a1;
      td.textContent = cell.display;
      td.title = cell.error || cell.formula || cell.note || '';
      if (cell.number) td.classList.add('num');
      // as in Sheets, text runs on over empty cells to its right instead of being cut off
      else if (cell.display && !line[c + 1]?.display) td.classList.add('overflow');
      if (cell.bold) td.classList.add('bold');
      if (cell.error) td.classList.add('err');
      if (r + 1 === state.frozenRows) td.classList.add('frozen');
      if (cell.background) td.style.background = cell.background;
      if (cell.align) td.style.textAlign = cell.align;
      if (r + 1 === sel.row && c + 1 === sel.column) td.classList.add('selected');
      td.addEventListener('click', () => select(a1));
    });
  });
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
  selectionOut.textContent = `${state.active}!${state.selection}`;
  chartsOut.textContent = state.charts.length ? `Charts: ${state.charts.join('; ')}` : '';
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
}

async function refresh() {
  draw(await (await fetch('/state')).json());
}

async function select(range, sheet) {
  const response = await fetch('/select', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ range, sheet }),
  });
  draw(await response.json());
}

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
