// Types of the generated price catalog (data/prices.json). The catalog mirrors the pricing page
// table by table, and each token-priced row carries its price periods: the page snapshot is the
// first period of the page's rows, later prices and later models come from @pydantic/genai-prices
// and the maintainers' annotations. `null` is the page's "-" (not offered), never zero.

export type TierId = 'standard' | 'batch' | 'flex' | 'priority';
export const TIER_IDS: readonly TierId[] = ['standard', 'batch', 'flex', 'priority'];

/** A calendar day, YYYY-MM-DD. */
export type IsoDay = string;

/** USD per 1M tokens (or per the row's unit); null where the page shows "-". */
export type Price = number | null;

export interface TokenPrices {
  input: Price;
  cached_input: Price;
  output: Price;
  /** prompt-cache writes (gpt-5.6 and gpt-6 families); absent: cache writes bill at the input rate */
  cache_write?: Price;
  /** the rates of a request above the catalog's long-context threshold (every token of it) */
  long_context?: LongContextPrices;
  /** true when computed from the standard prices (batch = 50%) rather than printed on the page */
  derived?: boolean;
}

export interface LongContextPrices {
  input: Price;
  cached_input: Price;
  output: Price;
  cache_write?: Price;
}

/** The prices in force from `from` until the next period's start. */
export interface PricePeriod {
  from: IsoDay;
  tiers: Partial<Record<TierId, TokenPrices>>;
}

/** A row of a token-priced table: text, flex, audio, image tokens, transcription, embeddings, ... */
export interface TokenRow {
  /** the name in the page's first line: the alias, a dated id, or a display name */
  model: string;
  /** the dated snapshot printed under the alias, when the page prints one */
  snapshot: string | null;
  /** more API ids billed at this row's prices (dated snapshots, -chat-latest, -codex variants) */
  aliases?: string[];
  /** `<model>-YYYY-MM-DD` snapshots are this row too */
  datedSnapshots?: boolean;
  /** first day the model was offered; absent: on the page snapshot's day already */
  released?: IsoDay;
  /** last day + 1: the model is not offered from this day on; absent: current */
  retired?: IsoDay;
  /** snapshot or alias ids of this row that stop on their own day while the model goes on */
  retiredIds?: Record<string, IsoDay>;
  /** ids of catalog.sources behind this row's facts */
  sources: string[];
  /**
   * the most tokens one request can hold, input and output together (genai-prices'
   * context_window, or an annotation naming its source); absent: no source gives one
   */
  contextWindow?: number;
  /** price periods, oldest first; a tier missing from a period is not offered in it */
  periods: PricePeriod[];
  /** the page's "Estimated cost" per minute (transcription and speech tables) */
  perMinute?: number;
  /** the page says "Free" (moderation) */
  free?: boolean;
}

export interface FineTuningRow extends TokenRow {
  /** the base snapshot that is fine-tuned, e.g. gpt-4o-2024-08-06 */
  baseModel: string;
  /** "data sharing" for the row with the data-sharing inference discount */
  variant: string | null;
  training: { price: number; unit: 'hour' | '1M tokens' };
}

export interface ToolRow {
  /** stable id, e.g. "web_search" */
  id: string;
  /** the page's tool name, e.g. "Web Search" */
  name: string;
  /** the page's lines between name and price: availability, model family, token billing */
  details: string[];
  price: number;
  /** the page's unit line, e.g. "1k calls", "GB/day (1GB free)", "container" */
  unit: string;
  /** how many units the price covers (1000 for "1k calls") */
  per: number;
  /** free allowance as printed, e.g. "1GB free" */
  freeAllowance: string | null;
  /** the model family this price applies to (web search), as printed */
  appliesTo: string | null;
  /** model ids of that family (maintainer data, not on the page) */
  models: string[] | null;
}

export interface UnitPriceRow {
  released?: IsoDay;
  sources?: string[];
  /** display name on the page, e.g. "TTS HD" */
  model: string;
  /** API id, e.g. "tts-1-hd" */
  apiId: string;
  useCase: string;
  price: number;
  /** "minute" or "1M characters" */
  unit: string;
}

export interface ImageGenerationRow {
  model: string;
  apiId: string;
  quality: string;
  size: string;
  price: number;
}

interface SectionBase {
  id: string;
  title: string;
  /** "USD per 1M tokens", "USD per image", ... */
  unit: string;
  /** tiers a table of this section can be shown in; the first is the page's default */
  tiers: TierId[];
  /** the page's notes under the table, verbatim */
  notes: string[];
}

export type TokenColumn = 'input' | 'cached_input' | 'output';

export interface TokenSection extends SectionBase {
  kind: 'tokens';
  /** the price columns the page prints, in page order */
  columns: TokenColumn[];
  /** the page prints an "Estimated cost" per minute column */
  hasPerMinute: boolean;
  rows: TokenRow[];
}

export interface FineTuningSection extends SectionBase {
  kind: 'fine_tuning';
  columns: TokenColumn[];
  rows: FineTuningRow[];
}

export interface ToolSection extends SectionBase {
  kind: 'tools';
  rows: ToolRow[];
}

export interface UnitPriceSection extends SectionBase {
  kind: 'unit_prices';
  rows: UnitPriceRow[];
}

export interface ImageGenerationSection extends SectionBase {
  kind: 'image_generation';
  rows: ImageGenerationRow[];
}

export type Section =
  TokenSection | FineTuningSection | ToolSection | UnitPriceSection | ImageGenerationSection;

export interface Source {
  title: string;
  url: string;
  /** the project file it was read from, or the npm package@version */
  file?: string;
  version?: string;
  /** the day its data stands for */
  date?: IsoDay;
}

export interface Catalog {
  schemaVersion: 2;
  /** the newest price data's day: what "current prices" means and the "as of" a sheet cites */
  asOf: IsoDay;
  /** the oldest price data's day (the pricing-page snapshot) */
  since: IsoDay;
  /** every source a row can name, by id */
  sources: Record<string, Source>;
  /** Batch API rules used to derive batch prices */
  batch: { discount: number; note: string };
  /** a request with more input tokens than this bills every token at long-context rates */
  longContext: { aboveInputTokens: number; note: string; source: string };
  sections: Section[];
}

/** Section ids, in page order. */
export const SECTION_IDS = [
  'text',
  'flex',
  'audio',
  'image_tokens',
  'fine_tuning',
  'tools',
  'transcription_text',
  'transcription_audio',
  'audio_models',
  'image_generation',
  'embeddings',
  'moderation',
  'other',
] as const;
export type SectionId = (typeof SECTION_IDS)[number];
