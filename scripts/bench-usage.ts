// npm run bench, usage-export part: OPENAI_USAGE_COST on a 100,000-row dashboard export against
// OPENAI_COST on the same columns (the work it must not exceed by more than 3×), and
// OPENAI_RECONCILE on 100,000 usage + 10,000 cost rows. The bundle's functions are globals of this
// realm (bench.ts loads dist/Code.js with vm.runInThisContext).

import { performance } from 'node:perf_hooks';
import { DASHBOARD_USAGE_HEADER } from '../src/pricing/export-columns';

type Fn = (...args: unknown[]) => unknown;

export const USAGE_HEADER: readonly string[] = DASHBOARD_USAGE_HEADER;

const DAY = 86_400;
const FIRST_DAY = 1_756_684_800; // 2025-09-01T00:00:00Z
/** the export's days run over one year from FIRST_DAY, before any of its models is retired */
const DAYS = 365;

/** A dashboard usage export as Sheets passes it after File → Import: numbers, TRUE/FALSE. */
export function usageExport(rows: number, asText = false) {
  const models = ['gpt-4o', 'gpt-4.1-mini', 'o4-mini', 'gpt-4o-mini', 'gpt-5-mini-2025-08-07'];
  const perDay = 50;
  const grid: unknown[][] = [[...USAGE_HEADER]];
  // OPENAI_COST's arguments for the same rows
  const cost = {
    model: [] as unknown[][],
    input: [] as unknown[][],
    output: [] as unknown[][],
    tier: [] as unknown[][],
    cached: [] as unknown[][],
    date: [] as unknown[][],
    requests: [] as unknown[][],
    cacheWrite: [] as unknown[][],
  };
  const num = (n: number) => (asText ? `${n}.0` : n);
  for (let r = 0; r < rows; r++) {
    const start = FIRST_DAY + (Math.floor(r / perDay) % DAYS) * DAY;
    const iso = new Date(start * 1000).toISOString().slice(0, 19);
    const times = [start, start + DAY, `${iso}+00:00`, `${iso}+00:00`];
    if (r % perDay === perDay - 1) {
      // an empty day's row: the times, every other column blank
      grid.push([...times, ...Array(USAGE_HEADER.length - 4).fill('')]);
      for (const column of Object.values(cost)) column.push(['']);
      continue;
    }
    const model = models[r % models.length];
    const batch = r % 7 === 0;
    const input = 5_000 + ((r * 7919) % 200_000);
    const cached = r % 3 === 0 ? Math.floor(input / 2) : 0;
    const output = 100 + ((r * 104_729) % 40_000);
    const requests = 1 + (r % 40);
    const flag = asText ? (batch ? 'True' : 'False') : batch;
    grid.push([
      ...times,
      'proj_abc',
      num(requests),
      '',
      '',
      model,
      flag,
      'default',
      '',
      num(input),
      num(output),
      num(cached),
      num(0),
      num(input - cached),
      num(input - cached),
      num(output),
      num(cached),
      num(0),
      num(0),
      num(0),
      num(0),
      num(0),
      num(0),
    ]);
    cost.model.push([model]);
    cost.input.push([input]);
    cost.output.push([output]);
    cost.tier.push([batch ? 'batch' : 'standard']);
    cost.cached.push([cached]);
    cost.date.push([iso.slice(0, 10)]);
    cost.requests.push([requests]);
    cost.cacheWrite.push([0]);
  }
  return { grid, cost };
}

/** A cost export of `rows` line items over the usage export's days, amounts as 36-decimal text. */
export function costExport(rows: number, days: number): unknown[][] {
  const header = [
    'start_time',
    'end_time',
    'start_time_iso',
    'end_time_iso',
    'amount_value',
    'amount_currency',
    'quantity',
    'quantity_unit',
    'line_item',
    'project_id',
  ];
  const grid: unknown[][] = [header];
  for (let r = 0; r < rows; r++) {
    const start = FIRST_DAY + (r % days) * DAY;
    const iso = new Date(start * 1000).toISOString().slice(0, 19);
    const cents = (r * 7919) % 100_000;
    grid.push([
      start,
      start + DAY,
      `${iso}+00:00`,
      `${iso}+00:00`,
      `${Math.floor(cents / 1000)}.${String(cents % 1000).padStart(3, '0')}${'0'.repeat(33)}`,
      'usd',
      '',
      '',
      'gpt-4o-2024-08-06, input',
      'proj_abc',
    ]);
  }
  return grid;
}

function minOf(rounds: number, runs: (() => void)[], gc?: () => void): number[] {
  const best = runs.map(() => Infinity);
  for (let k = 0; k < rounds; k++) {
    runs.forEach((run, j) => {
      gc?.();
      const start = performance.now();
      run();
      best[j] = Math.min(best[j], performance.now() - start);
    });
  }
  return best;
}

export function usageBenchLines(rows: number, rounds: number): string[] {
  const global = globalThis as unknown as Record<string, Fn>;
  const gc = (globalThis as { gc?: () => void }).gc;
  const numbers = usageExport(rows);
  const texts = usageExport(rows, true);
  const c = numbers.cost;
  const usageCost = (grid: unknown[][]) => () => global.OPENAI_USAGE_COST(grid);
  const openaiCost = () =>
    global.OPENAI_COST(
      c.model,
      c.input,
      c.output,
      c.tier,
      c.cached,
      c.date,
      c.requests,
      c.cacheWrite,
    );
  // the two must agree before their times mean anything
  const ours = global.OPENAI_USAGE_COST(numbers.grid) as unknown[][];
  const theirs = openaiCost() as unknown[][];
  for (let r = 0; r < rows; r++) {
    if (ours[r + 1][0] !== theirs[r][0]) {
      throw new Error(
        `row ${r + 1}: OPENAI_USAGE_COST ${ours[r + 1][0]} ≠ OPENAI_COST ${theirs[r][0]}`,
      );
    }
  }
  if (ours[0][0] !== 'cost_usd') throw new Error(`unexpected header ${ours[0][0]}`);
  const days = Math.min(DAYS, Math.ceil(rows / 50));
  const costs = costExport(rows / 10, days);
  const reconcile = () => global.OPENAI_RECONCILE(numbers.grid, costs);
  const table = reconcile() as unknown[][];
  if (table.length !== days + 2) throw new Error(`reconcile gave ${table.length} rows`);
  for (let k = 0; k < 2; k++) [openaiCost, usageCost(numbers.grid), reconcile].forEach((f) => f());

  const [costMs, usageMs, usageTextMs, reconcileMs] = minOf(
    rounds,
    [openaiCost, usageCost(numbers.grid), usageCost(texts.grid), reconcile],
    gc,
  );
  const label = (text: string) => text.padEnd(44);
  const n = rows.toLocaleString('en-US');
  return [
    `${label(`usage export, ${n} rows (26 columns)`)} min of ${rounds} interleaved rounds:`,
    `${label('  OPENAI_COST on the same columns')} ${costMs.toFixed(1)} ms`,
    `${label('  OPENAI_USAGE_COST, numbers and TRUE/FALSE')} ${usageMs.toFixed(1)} ms (${(usageMs / costMs).toFixed(2)}× OPENAI_COST; target ≤ 3×)`,
    `${label('  OPENAI_USAGE_COST, "31422.0" / "False" text')} ${usageTextMs.toFixed(1)} ms (${(usageTextMs / costMs).toFixed(2)}× OPENAI_COST)`,
    `${label(`OPENAI_RECONCILE, ${n} usage + ${(rows / 10).toLocaleString('en-US')} cost rows`)} ${reconcileMs.toFixed(1)} ms (target < 1000 ms)`,
  ];
}
