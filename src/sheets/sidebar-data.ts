// What the sidebar lists and previews, as plain JSON (google.script.run carries no Date objects).

import type { TierId, TokenPrices, TokenSection } from '../pricing/catalog';
import { CATALOG, sourcesSummary } from '../pricing/data';
import { modelIndex, offeredOn, pricesOn } from '../pricing/models';
import {
  buildPriceTable,
  displayPrice,
  isPriceCell,
  sectionSummaries,
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
}

export interface SidebarData {
  asOf: string;
  since: string;
  source: { title: string; url: string };
  sections: SidebarSection[];
  textModels: CalculatorModel[];
}

function previewRows(sectionId: string, tier: TierId): string[][] {
  const table = buildPriceTable(sectionId, tier);
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
    sections: sectionSummaries().map((s) => ({
      id: s.id,
      title: s.title,
      tiers: s.tiers,
      rowCount: s.rows,
      rows: Object.fromEntries(s.tiers.map((tier) => [tier, previewRows(s.id, tier)])),
    })),
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
        };
      }),
  };
}
