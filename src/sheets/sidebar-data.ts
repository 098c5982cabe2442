// What the sidebar lists and previews, as plain JSON (google.script.run carries no Date objects).

import { contextWindowOf } from '../pricing/context-window';
import type { TierId, TokenPrices, TokenSection } from '../pricing/catalog';
import { CATALOG, sourcesSummary } from '../pricing/data';
import { modelIndex, offeredOn, pricesOn } from '../pricing/models';
import {
  buildPriceTable,
  displayPrice,
  isPriceCell,
  TABLE_IDS,
  tableTiers,
  tableTitle,
  type PriceTable,
  type TableId,
} from '../pricing/tables';

/** rows each section preview shows below its header */
export const PREVIEW_ROWS = 5;

export interface SidebarSection {
  id: TableId;
  title: string;
  /** the tiers the table can be shown in; the first is the page's default */
  tiers: TierId[];
  /** model rows of the whole table */
  rowCount: number;
  /** per offered tier: the header, then the first PREVIEW_ROWS rows as the sheet displays them */
  rows: Partial<Record<TierId, string[][]>>;
}

/** A text model (the Text tokens table) for the calculator: prices per tier, USD per 1M tokens. */
export interface CalculatorModel {
  model: string;
  snapshot: string | null;
  tiers: Partial<Record<TierId, TokenPrices>>;
  longContextAbove: number;
  contextWindow: number | null;
}

export interface SidebarData {
  asOf: string;
  since: string;
  source: { title: string; url: string };
  sections: SidebarSection[];
  textModels: CalculatorModel[];
}

function previewRows(table: PriceTable): string[][] {
  const rows = table.rows
    .slice(0, PREVIEW_ROWS)
    .map((row) =>
      row.map((cell) => (isPriceCell(cell) ? displayPrice(cell.price, table.priceFormat) : cell)),
    );
  return [table.header, ...rows];
}

/** Sidebar: the price tables with previews, and the text models' prices. */
export function getSidebarData(): SidebarData {
  const text = CATALOG.sections.find((s) => s.id === 'text') as TokenSection;
  const index = modelIndex();
  return {
    asOf: CATALOG.asOf,
    since: CATALOG.since,
    source: {
      title: sourcesSummary(),
      url: CATALOG.sources.page.url,
    },
    sections: TABLE_IDS.map((id) => {
      const tiers = tableTiers(id);
      // each tier's table built once: its preview, and the row count of the table's own tier
      const tables = tiers.map((tier) => buildPriceTable(id, tier));
      return {
        id,
        title: tableTitle(id),
        tiers,
        rowCount: tables[0].rows.length,
        rows: Object.fromEntries(tables.map((table) => [table.tier, previewRows(table)])),
      };
    }),
    textModels: text.rows
      .map((row) => index.text.get(row.model)!)
      .filter((model) => offeredOn(model, null))
      .map((model) => {
        // as OPENAI_COST sees the model today: flex prices come from the flex table
        const priced = pricesOn(model, null);
        return {
          model: model.row.model,
          snapshot: model.row.snapshot,
          tiers: priced.tiers,
          longContextAbove: priced.longContextAbove,
          contextWindow: contextWindowOf(model),
        };
      }),
  };
}
