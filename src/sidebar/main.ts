// The sidebar: price tables to insert, a cost calculator, formula help. Plain DOM; catalog text
// only ever goes in through textContent.

import { TIER_IDS, type TierId } from '../pricing/catalog';
import { calculate, formatCost } from './calculator';
import type { InsertRequest, SidebarData, SidebarSection } from './contract';
import { FORMULA_HELP } from './formula-help';
import { callServer, errorMessage } from './server';
import { setUpTokenCounter } from './token-counter';
import { setUpUsageImport } from './usage-import';

const TIER_NAMES: Record<TierId, string> = {
  standard: 'Standard',
  batch: 'Batch API',
  flex: 'Flex processing',
  priority: 'Priority processing',
};

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

/** columns the preview shows (Model, Snapshot and three prices fit the 300 px sidebar) */
const PREVIEW_COLUMNS = 5;

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  text = '',
  className = '',
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text) node.textContent = text;
  if (className) node.className = className;
  return node;
}

function showStatus(id: string, message: string, kind: 'success' | 'error' | 'gray'): void {
  const status = byId(id);
  status.textContent = message;
  status.className = `status ${kind}`;
}

// --- pages (tabs: arrow keys move between them, as in the ARIA tabs pattern) ---------------------

function setUpTabs(): (page: string) => void {
  const tabs = Array.from(document.querySelectorAll<HTMLButtonElement>('[role="tab"]'));
  const open = (page: string) => {
    for (const tab of tabs) {
      const selected = tab.id === `tab-${page}`;
      tab.setAttribute('aria-selected', String(selected));
      tab.tabIndex = selected ? 0 : -1;
      byId(tab.getAttribute('aria-controls')!).hidden = !selected;
    }
  };
  tabs.forEach((tab, k) => {
    tab.addEventListener('click', () => open(tab.id.replace('tab-', '')));
    tab.addEventListener('keydown', (event) => {
      const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
      if (!step) return;
      const next = tabs[(k + step + tabs.length) % tabs.length];
      next.focus();
      open(next.id.replace('tab-', ''));
    });
  });
  return open;
}

// --- price tables ----------------------------------------------------------------------------

function tableCheckboxes(): HTMLInputElement[] {
  return Array.from(document.querySelectorAll<HTMLInputElement>('#table-list input'));
}

function chosenSections(data: SidebarData): SidebarSection[] {
  const chosen = new Set(
    tableCheckboxes()
      .filter((c) => c.checked)
      .map((c) => c.value),
  );
  return data.sections.filter((s) => chosen.has(s.id));
}

function radioValue(name: string): string {
  return document.querySelector<HTMLInputElement>(`input[name="${name}"]:checked`)!.value;
}

/** Only tiers that a chosen table offers can be picked; keep the choice valid. */
function updateTiers(chosen: SidebarSection[]): void {
  const offered = new Set(chosen.flatMap((s) => s.tiers));
  const radios = Array.from(document.querySelectorAll<HTMLInputElement>('input[name="tier"]'));
  for (const radio of radios)
    radio.disabled = chosen.length > 0 && !offered.has(radio.value as TierId);
  if (radios.find((r) => r.checked)?.disabled) radios.find((r) => !r.disabled)!.checked = true;
}

/** "14 tables, 195 rows → new sheet 'OpenAI prices'": what Insert will write, and where. */
function summary(chosen: SidebarSection[]): string {
  const rows = 1 + chosen.reduce((n, s) => n + 2 + s.rowCount, 0) + (chosen.length - 1);
  const where =
    radioValue('destination') === 'new-sheet' ? "new sheet 'OpenAI prices'" : 'the selected cell';
  const how = radioValue('mode') === 'formulas' ? `, ${chosen.length + 1} live formulas` : '';
  const tables = `${chosen.length} table${chosen.length === 1 ? '' : 's'}`;
  return `${tables}, ${rows} rows → ${where}${how}`;
}

function renderPreview(chosen: SidebarSection[]): void {
  const table = byId<HTMLTableElement>('preview');
  table.textContent = '';
  const first = chosen[0];
  byId('preview-summary').textContent = first ? summary(chosen) : '';
  if (!first) {
    byId('preview-title').textContent = 'Preview: choose a table';
    return;
  }
  const wanted = radioValue('tier') as TierId;
  const tier = first.tiers.includes(wanted) ? wanted : first.tiers[0];
  byId('preview-title').textContent = `Preview: ${first.title} — ${TIER_NAMES[tier]}`;
  const [header, ...rows] = first.rows[tier] ?? [];
  // the 300 px sidebar fits five columns; the others are named under the preview
  const width = Math.min(header?.length ?? 0, PREVIEW_COLUMNS);
  const head = table.createTHead().insertRow();
  for (const cell of (header ?? []).slice(0, width)) head.appendChild(element('th', cell));
  const body = table.createTBody();
  for (const row of rows) {
    const line = body.insertRow();
    for (const cell of row.slice(0, width)) {
      const td = line.insertCell();
      td.textContent = cell;
      if (cell.startsWith('$')) td.className = 'num';
    }
  }
  const notes: string[] = [];
  if (first.rowCount > rows.length) notes.push(`… ${first.rowCount - rows.length} more rows`);
  if (header && header.length > width) {
    notes.push(`and the columns ${header.slice(width).join(', ')}`);
  }
  if (notes.length > 0) {
    const more = body.insertRow().insertCell();
    more.colSpan = width || 1;
    more.className = 'gray';
    more.textContent = notes.join(' ');
  }
}

function setUpTables(data: SidebarData): void {
  const list = byId('table-list');
  for (const section of data.sections) {
    const label = element('label', '', 'option');
    const box = element('input');
    box.type = 'checkbox';
    box.value = section.id;
    box.checked = section.id === 'text';
    label.append(box, ` ${section.title} (${section.rowCount})`);
    list.appendChild(label);
  }
  const all = byId<HTMLInputElement>('all-tables');
  const insert = byId<HTMLButtonElement>('insert');
  let dateOk = () => true;
  const update = () => {
    const boxes = tableCheckboxes();
    const checked = boxes.filter((b) => b.checked).length;
    all.checked = checked === boxes.length;
    all.indeterminate = checked > 0 && checked < boxes.length;
    const chosen = chosenSections(data);
    updateTiers(chosen);
    renderPreview(chosen);
    insert.disabled = chosen.length === 0 || insert.dataset.busy === 'true' || !dateOk();
  };
  all.addEventListener('change', () => {
    for (const box of tableCheckboxes()) box.checked = all.checked;
    update();
  });
  list.addEventListener('change', update);
  byId('tier-choice').addEventListener('change', update);
  dateOk = setUpTableDate(data, update);
  for (const name of ['mode', 'destination']) {
    for (const radio of document.querySelectorAll(`input[name="${name}"]`))
      radio.addEventListener('change', update);
  }
  insert.addEventListener('click', async () => {
    const request: InsertRequest = {
      sections: chosenSections(data).map((s) => s.id),
      tier: radioValue('tier') as TierId,
      mode: radioValue('mode') as InsertRequest['mode'],
      destination: radioValue('destination') as InsertRequest['destination'],
      date: byId<HTMLInputElement>('table-date').value || null,
    };
    insert.dataset.busy = 'true';
    insert.disabled = true;
    showStatus('tables-status', 'Inserting…', 'gray');
    try {
      const done = await callServer('insertPriceTables', request);
      showStatus(
        'tables-status',
        `Inserted ${done.range} in the sheet “${done.sheetName}”.`,
        'success',
      );
    } catch (error) {
      showStatus('tables-status', errorMessage(error), 'error');
    } finally {
      insert.dataset.busy = 'false';
      update();
    }
  });
  update();
}

function setUpForecast(): void {
  const button = byId<HTMLButtonElement>('forecast');
  button.addEventListener('click', async () => {
    button.disabled = true;
    showStatus('forecast-status', 'Inserting…', 'gray');
    try {
      const done = await callServer('insertForecastSheet');
      showStatus(
        'forecast-status',
        `Inserted the sheet “${done.sheetName}” (${done.range}).`,
        'success',
      );
    } catch (error) {
      showStatus('forecast-status', errorMessage(error), 'error');
    } finally {
      button.disabled = false;
    }
  });
}

// --- calculator ------------------------------------------------------------------------------

function setUpCalculator(data: SidebarData): void {
  const model = byId<HTMLSelectElement>('calc-model');
  const tier = byId<HTMLSelectElement>('calc-tier');
  const fields = ['calc-input', 'calc-output', 'calc-cached', 'calc-requests'].map((id) =>
    byId<HTMLInputElement>(id),
  );
  const cost = byId<HTMLOutputElement>('calc-cost');
  const formula = byId('calc-formula');
  const insert = byId<HTMLButtonElement>('calc-insert');
  for (const m of data.textModels) model.appendChild(new Option(m.model, m.model));
  const current = () => data.textModels.find((m) => m.model === model.value)!;

  const tierNote = byId('calc-tier-note');
  /** The model's tiers; a tier it lacks is never switched silently: the note says why. */
  const fillTiers = () => {
    const wanted = (tier.value || 'standard') as TierId;
    // in the page's order (standard, batch, flex, priority), whatever order the data lists them in
    const offered = TIER_IDS.filter((t) => current().tiers[t] !== undefined);
    tier.textContent = '';
    for (const t of offered) tier.appendChild(new Option(TIER_NAMES[t], t, false, t === wanted));
    tierNote.textContent = offered.includes(wanted)
      ? ''
      : `${current().model} has no ${TIER_NAMES[wanted]} prices (it is offered in: ${offered.map((t) => TIER_NAMES[t]).join(', ')}), so the tier is now ${TIER_NAMES[tier.value as TierId]}.`;
  };
  const recalculate = () => {
    const names = ['input', 'output', 'cached', 'requests'] as const;
    const result = calculate({
      model: current(),
      tier: tier.value as TierId,
      input: fields[0].value,
      output: fields[1].value,
      cached: fields[2].value,
      requests: fields[3].value,
      unreadable: names.filter((_, k) => fields[k].validity?.badInput),
    });
    fields.forEach((field) => field.removeAttribute('aria-invalid'));
    if ('error' in result) {
      const bad = fields.find((f) => result.error.startsWith(f.dataset.name ?? '\u0000'));
      bad?.setAttribute('aria-invalid', 'true');
      cost.textContent = '—';
      cost.removeAttribute('data-cost');
      formula.textContent = '';
      showStatus('calc-status', result.error, 'error');
      insert.disabled = true;
      return;
    }
    cost.textContent = formatCost(result.cost);
    cost.dataset.cost = String(result.cost);
    formula.textContent = result.formula;
    showStatus('calc-status', '', 'gray');
    insert.disabled = false;
  };
  model.addEventListener('change', () => {
    fillTiers();
    recalculate();
  });
  tier.addEventListener('change', () => {
    tierNote.textContent = '';
    recalculate();
  });
  for (const field of fields) {
    field.addEventListener('input', recalculate);
    // Enter inserts (when the input is valid) and the cursor stays in the field
    field.addEventListener('keydown', (event) => {
      if (event.key !== 'Enter') return;
      event.preventDefault();
      if (!insert.disabled) insert.click();
      field.focus();
    });
  }
  insert.addEventListener('click', async () => {
    const text = formula.textContent ?? '';
    if (text === '') return; // nothing valid to insert (the button is disabled then too)
    insert.disabled = true;
    try {
      const done = await callServer('insertFormulaAtSelection', text);
      showStatus('calc-status', `Inserted in ${done.sheetName}!${done.range}.`, 'success');
    } catch (error) {
      showStatus('calc-status', errorMessage(error), 'error');
    } finally {
      insert.disabled = false;
    }
  });
  fillTiers();
  recalculate();
}

function setUpHelp(): void {
  const list = byId('help-list');
  for (const [example, what] of FORMULA_HELP) {
    const item = element('li');
    item.append(element('code', example), element('span', what));
    list.appendChild(item);
  }
}

/** "… prices as of 2026-09-23 (70 days ago)": how old the data is, said plainly. */
export function asOfText(data: SidebarData, today: Date): string {
  const days = Math.floor(
    (Date.UTC(today.getFullYear(), today.getMonth(), today.getDate()) - Date.parse(data.asOf)) /
      86_400_000,
  );
  const age = days <= 0 ? 'today' : days === 1 ? '1 day ago' : `${days} days ago`;
  return `${data.source.title} (${age}).`;
}

/**
 * The tables' day: refused at once when it is before the oldest price data (Insert stays off), and
 * a day after the data's date says the tables show the latest known prices. Returns whether the
 * day typed can be inserted.
 */
function setUpTableDate(data: SidebarData, update: () => void): () => boolean {
  const input = byId<HTMLInputElement>('table-date');
  input.min = data.since;
  const note = byId('table-date-note');
  const acceptable = () => !input.validity.badInput && !(input.value && input.value < data.since);
  const check = () => {
    const day = input.value;
    const ok = acceptable();
    if (ok) input.removeAttribute('aria-invalid');
    else input.setAttribute('aria-invalid', 'true');
    note.className = ok ? 'gray' : 'status error';
    if (!ok) {
      note.textContent = `No prices before ${data.since} (the oldest price data): choose ${data.since} or later, or leave it blank for today's prices.`;
    } else if (!day) {
      note.textContent = "Blank: today's prices.";
    } else if (day > data.asOf) {
      note.textContent = `${day} is after the price data: the tables show the latest known prices (data of ${data.asOf}).`;
    } else {
      note.textContent = `The tables as they stood on ${day}: models offered that day, at that day's prices (the preview shows today's).`;
    }
    update();
  };
  input.addEventListener('change', check);
  input.addEventListener('input', check);
  return acceptable;
}

async function start(): Promise<void> {
  const openPage = setUpTabs();
  setUpHelp();
  setUpUsageImport(); // needs no price data
  // showFormulaHelp() and showUsageImport() append a marker to open the sidebar on their page
  const startPage = document.querySelector<HTMLElement>('[data-start-page]')?.dataset.startPage;
  if (startPage === 'help' || startPage === 'import') openPage(startPage);
  try {
    const data = await callServer('getSidebarData');
    byId('as-of').textContent = asOfText(data, new Date());
    setUpTables(data);
    setUpCalculator(data);
    setUpTokenCounter();
    setUpForecast();
  } catch (error) {
    showStatus('tables-status', errorMessage(error), 'error');
    byId('as-of').textContent = '';
  }
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
else void start();
