// The server functions the sidebar calls, as the client sees them (JSON over google.script.run).
// The server side is src/sheets; test/sheets/sidebar-contract.test.ts checks that both agree.

import type { TierId, TokenPrices } from '../pricing/catalog';

export interface SidebarSection {
  id: string;
  title: string;
  tiers: TierId[];
  rowCount: number;
  /** per offered tier: the header, then the first rows as the sheet displays them */
  rows: Partial<Record<TierId, string[][]>>;
}

export interface CalculatorModel {
  model: string;
  snapshot: string | null;
  tiers: Partial<Record<TierId, TokenPrices>>;
  longContextAbove: number;
  /** the most input one request holds (null: unknown): more is an error, as in OPENAI_COST */
  contextWindow: number | null;
}

export interface SidebarData {
  /** the newest price data's day */
  asOf: string;
  /** the oldest price data's day: the earliest date the tables can be shown for */
  since: string;
  source: { title: string; url: string };
  sections: SidebarSection[];
  textModels: CalculatorModel[];
}

export interface InsertRequest {
  sections: string[];
  tier: TierId;
  mode: 'values' | 'formulas';
  destination: 'selection' | 'new-sheet';
  /** "YYYY-MM-DD": the tables as they stood that day; null: current prices */
  date: string | null;
}

export interface Inserted {
  sheetName: string;
  range: string;
}

export interface TokenCount {
  tokens: number;
  encoding: string;
}

export interface ImportedExport {
  sheetName: string;
  kind: 'usage' | 'cost';
  /** data rows written, the header not counted */
  rows: number;
}

export interface ServerFunctions {
  getSidebarData(): SidebarData;
  insertPriceTables(request: InsertRequest): Inserted;
  insertFormulaAtSelection(formula: string): Inserted;
  insertForecastSheet(): Inserted;
  countTokens(text: string, model: string): TokenCount;
  importUsageExport(text: string): ImportedExport;
}
