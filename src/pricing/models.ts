// Model-name resolution and dated prices. Each kind of price has its own index (a name can be a
// text model, an audio model and an image model at once, e.g. gpt-image-1). Indices are built once,
// on first use, so that loading the bundle stays cheap; a look-up is then one Map.get.

import type {
  Catalog,
  FineTuningRow,
  ImageGenerationRow,
  Section,
  SectionId,
  TierId,
  TokenPrices,
  TokenRow,
} from './catalog';
import { CATALOG, offeredOnDay } from './data';
import { dayToIso, isoToDay, type Day } from './dates';
import { PricingError } from './errors';
import { closestNames, nameKey, quoteList } from './names';
import type { TokenRates } from './rates';
import { lookAlikeHint, quote } from './show';

/** The prices of a model in one period: what the cost math needs. */
export interface PricedTiers {
  /** the name as the page prints it (the alias where there is one) */
  name: string;
  tiers: Partial<Record<TierId, TokenPrices>>;
  /** billing rates per tier, filled on first use by billingRates() */
  rates: Partial<Record<TierId, TokenRates>>;
  /** a request with more input tokens than this is billed at long-context rates */
  longContextAbove: number;
}

interface Period extends PricedTiers {
  from: Day;
}

/** A token-priced model as the cost functions see it: its price periods, oldest first. */
export interface TokenModel {
  readonly name: string;
  readonly sectionId: SectionId;
  /** the row that names the model (the text row for a model with a flex row too) */
  readonly row: TokenRow;
  /** fine-tuned inference rates (an ft: id) */
  readonly fineTuned: boolean;
  readonly released: Day | null;
  readonly retired: Day | null;
  /** the most tokens one request can hold (input and output); null: no source gives one */
  readonly contextWindow: number | null;
  readonly periods: readonly Period[];
  /** extra rows merged into the periods (a text model's flex row) */
  readonly extraRows: readonly TokenRow[];
}

export interface PerUnitModel {
  name: string;
  sectionId: SectionId;
  /** USD per unit (per minute, or per 1M characters) */
  price: number;
}

export interface ImageModel {
  name: string;
  apiId: string;
  rows: ImageGenerationRow[];
}

export type Domain =
  'text' | 'audio' | 'image_tokens' | 'minutes' | 'characters' | 'training' | 'images';

const DOMAIN_FUNCTION: Record<Domain, string> = {
  text: 'OPENAI_COST',
  audio: 'OPENAI_AUDIO_COST',
  image_tokens: 'OPENAI_IMAGE_TOKENS_COST',
  minutes: 'OPENAI_MINUTES_COST',
  characters: 'OPENAI_TTS_COST',
  training: 'OPENAI_TRAINING_COST',
  images: 'OPENAI_IMAGE_COST',
};

const DOMAIN_WHAT: Record<Domain, string> = {
  text: 'text-token price',
  audio: 'audio-token price',
  image_tokens: 'image-token price',
  minutes: 'per-minute price',
  characters: 'per-character (TTS) price',
  training: 'fine-tuning training price',
  images: 'per-image price',
};

function section<K extends Section['kind']>(
  catalog: Catalog,
  id: SectionId,
): Extract<Section, { kind: K }> {
  const found = catalog.sections.find((s) => s.id === id);
  if (!found) throw new Error(`catalog has no section ${id}`);
  return found as Extract<Section, { kind: K }>;
}

const DATED_SNAPSHOT = /-\d{4}-\d\d-\d\d$/;

class NameIndex<T> {
  readonly byKey = new Map<string, T>();
  /** exact typed text → value (or null for a miss), so a column of repeated names is cheap */
  private readonly typed = new Map<string, T | null>();
  /** names shown in suggestions, as printed */
  readonly names: string[] = [];
  /** alias keys whose `<alias>-YYYY-MM-DD` snapshots are the same model */
  readonly dated = new Set<string>();
  add(name: string | null | undefined, value: T, datedSnapshots = false): void {
    if (!name) return;
    const key = nameKey(name);
    if (datedSnapshots) this.dated.add(key);
    if (this.byKey.has(key)) return; // first row wins (the page repeats some legacy ids)
    this.byKey.set(key, value);
    this.names.push(name);
  }
  private find(typedName: string): T | undefined {
    const key = nameKey(typedName);
    const found = this.byKey.get(key);
    if (found !== undefined || !DATED_SNAPSHOT.test(key)) return found;
    const alias = key.slice(0, -11);
    return this.dated.has(alias) ? this.byKey.get(alias) : undefined;
  }
  get(typedName: string): T | undefined {
    let found = this.typed.get(typedName);
    if (found === undefined) {
      found = this.find(typedName) ?? null;
      if (this.typed.size < 10000) this.typed.set(typedName, found);
    }
    return found ?? undefined;
  }
}

export interface ModelIndex {
  text: NameIndex<TokenModel>;
  fineTuned: NameIndex<TokenModel>;
  audio: NameIndex<TokenModel>;
  imageTokens: NameIndex<TokenModel>;
  minutes: NameIndex<PerUnitModel>;
  characters: NameIndex<PerUnitModel>;
  training: NameIndex<FineTuningRow>;
  images: NameIndex<ImageModel>;
}

const dayOrNull = (iso: string | undefined): Day | null => (iso ? catalogDay(iso) : null);

/**
 * A model of the index. Indexing a domain only names its rows: the days and merged periods of a
 * model are worked out the first time it is priced (a custom-function cell usually prices one or
 * two models of the dozens its domain indexes).
 */
class CatalogTokenModel implements TokenModel {
  readonly extraRows: TokenRow[] = [];
  private merged: Period[] | null = null;
  private releasedDay: Day | null | undefined = undefined;
  private retiredDay: Day | null | undefined = undefined;

  constructor(
    readonly name: string,
    readonly sectionId: SectionId,
    readonly row: TokenRow,
    private readonly catalog: Catalog,
    readonly fineTuned = false,
  ) {}

  get released(): Day | null {
    if (this.releasedDay === undefined) this.releasedDay = dayOrNull(this.row.released);
    return this.releasedDay;
  }

  get retired(): Day | null {
    if (this.retiredDay === undefined) this.retiredDay = dayOrNull(this.row.retired);
    return this.retiredDay;
  }

  get contextWindow(): number | null {
    return this.row.contextWindow ?? null;
  }

  get periods(): Period[] {
    return (this.merged ??= mergePeriods(this, this.catalog));
  }

  /** A row whose tiers are this model's too (a text model's flex row). */
  addRow(row: TokenRow): void {
    this.extraRows.push(row);
    this.merged = null;
  }
}

/** The catalog's days repeat (every page row starts on 2025-06-26): parse each once. */
const catalogDays = new Map<string, Day>();
function catalogDay(iso: string): Day {
  let day = catalogDays.get(iso);
  if (day === undefined) catalogDays.set(iso, (day = isoToDay(iso)!));
  return day;
}

/** The model's periods: every day one of its rows' prices changes, with all its rows' tiers then. */
function mergePeriods(model: TokenModel, catalog: Catalog): Period[] {
  const longContextAbove = catalog.longContext.aboveInputTokens;
  if (model.extraRows.length === 0) {
    // one row (most models): its periods as they are
    return model.row.periods.map((p) => ({
      from: catalogDay(p.from),
      name: model.name,
      tiers: { ...p.tiers },
      rates: {},
      longContextAbove,
    }));
  }
  const rows = [model.row, ...model.extraRows];
  const days = [...new Set(rows.flatMap((r) => r.periods.map((p) => p.from)))].sort();
  return days.map((from) => {
    const tiers: Partial<Record<TierId, TokenPrices>> = {};
    for (const row of rows) {
      let inForce: TokenRow['periods'][number] | undefined;
      for (const p of row.periods) if (p.from <= from) inForce = p;
      if (inForce) Object.assign(tiers, inForce.tiers);
    }
    return { from: catalogDay(from), name: model.name, tiers, rates: {}, longContextAbove };
  });
}

function addTokenRows(
  index: NameIndex<CatalogTokenModel>,
  catalog: Catalog,
  ...ids: SectionId[]
): NameIndex<CatalogTokenModel> {
  for (const id of ids) {
    for (const row of section<'tokens'>(catalog, id).rows) {
      const model = new CatalogTokenModel(row.model, id, row, catalog);
      index.add(row.model, model, row.datedSnapshots);
      index.add(row.snapshot, model);
      for (const alias of row.aliases ?? []) index.add(alias, model);
    }
  }
  return index;
}

/**
 * A model under a snapshot or alias id that shuts down before its row's model (retiredIds): retired
 * then, with the same prices and everything else of the model.
 */
class RetiredIdModel implements TokenModel {
  constructor(
    private readonly model: TokenModel,
    readonly name: string,
    readonly retired: Day,
  ) {}
  get sectionId(): SectionId {
    return this.model.sectionId;
  }
  get row(): TokenRow {
    return this.model.row;
  }
  get fineTuned(): boolean {
    return this.model.fineTuned;
  }
  get released(): Day | null {
    return this.model.released;
  }
  get contextWindow(): number | null {
    return this.model.contextWindow;
  }
  get periods(): readonly Period[] {
    return this.model.periods;
  }
  get extraRows(): readonly TokenRow[] {
    return this.model.extraRows;
  }
}

/**
 * A snapshot or alias that shuts down before its row's model (retiredIds): under that id the model
 * is retired then, with the same prices (gpt-4o-mini-search-preview-2025-03-11 stops on 2026-07-23,
 * gpt-4o-mini-search-preview goes on).
 */
function retireIds(names: NameIndex<TokenModel>): NameIndex<TokenModel> {
  for (const model of new Set(names.byKey.values())) {
    for (const [id, iso] of Object.entries(model.row.retiredIds ?? {})) {
      const day = catalogDay(iso);
      const retired = model.retired !== null && model.retired < day ? model.retired : day;
      names.byKey.set(nameKey(id), new RetiredIdModel(model, id, retired));
    }
  }
  return names;
}

function textIndex(catalog: Catalog): NameIndex<TokenModel> {
  const text = addTokenRows(
    new NameIndex(),
    catalog,
    'text',
    'transcription_text',
    'embeddings',
    'moderation',
    'other',
  );
  // flex is a tier of the text models it lists
  for (const row of section<'tokens'>(catalog, 'flex').rows) {
    const model = text.byKey.get(nameKey(row.model));
    if (!model) throw new Error(`flex row ${row.model} has no text-token row`);
    model.addRow(row);
  }
  return retireIds(text);
}

/** Fine-tuned inference (ft: ids) and training prices: both keyed by the base model's names. */
function fineTuningIndexes(catalog: Catalog): Pick<ModelIndex, 'fineTuned' | 'training'> {
  const fineTuned = new NameIndex<TokenModel>();
  const training = new NameIndex<FineTuningRow>();
  // alias <-> snapshot pairs, so ft:gpt-4o-mini finds the gpt-4o-mini-2024-07-18 row
  const pairs = new Map<string, string[]>();
  for (const s of catalog.sections) {
    if (s.kind !== 'tokens') continue;
    for (const row of s.rows) {
      if (!row.snapshot || row.snapshot === row.model) continue;
      for (const [a, b] of [
        [row.model, row.snapshot],
        [row.snapshot, row.model],
      ]) {
        pairs.set(nameKey(a), [...(pairs.get(nameKey(a)) ?? []), b]);
      }
    }
  }
  const suffix = (row: FineTuningRow) => (row.variant ? ` with ${row.variant}` : '');
  for (const row of section<'fine_tuning'>(catalog, 'fine_tuning').rows) {
    const model = new CatalogTokenModel(`ft:${row.model}`, 'fine_tuning', row, catalog, true);
    fineTuned.add(row.model, model);
    training.add(row.model, row);
    for (const other of pairs.get(nameKey(row.baseModel)) ?? []) {
      fineTuned.add(`${other}${suffix(row)}`, model);
      training.add(`${other}${suffix(row)}`, row);
    }
  }
  return { fineTuned, training };
}

function minutesIndex(catalog: Catalog): NameIndex<PerUnitModel> {
  const minutes = new NameIndex<PerUnitModel>();
  for (const row of section<'tokens'>(catalog, 'transcription_text').rows) {
    if (row.perMinute === undefined) continue;
    minutes.add(row.model, {
      name: row.model,
      sectionId: 'transcription_text',
      price: row.perMinute,
    });
  }
  return addUnitRows(minutes, catalog, true);
}

/** The audio models' rows priced per minute, or (perMinute false) per 1M characters. */
function addUnitRows(
  index: NameIndex<PerUnitModel>,
  catalog: Catalog,
  perMinute: boolean,
): NameIndex<PerUnitModel> {
  for (const row of section<'unit_prices'>(catalog, 'audio_models').rows) {
    if ((row.unit === 'minute') !== perMinute) continue;
    const model = { name: row.apiId, sectionId: 'audio_models' as SectionId, price: row.price };
    index.add(row.apiId, model);
    index.add(row.model, model);
  }
  return index;
}

function imagesIndex(catalog: Catalog): NameIndex<ImageModel> {
  const index = new NameIndex<ImageModel>();
  const images = new Map<string, ImageModel>();
  for (const row of section<'image_generation'>(catalog, 'image_generation').rows) {
    let model = images.get(row.apiId);
    if (!model) {
      model = { name: row.apiId, apiId: row.apiId, rows: [] };
      images.set(row.apiId, model);
      index.add(row.apiId, model);
      index.add(row.model, model);
      index.add(row.model.replace('·', '-'), model);
    }
    model.rows.push(row);
  }
  return index;
}

/**
 * The model index of a catalog. Each domain's names are indexed the first time that domain is
 * read: an execution (one custom-function cell) usually prices one domain, so it builds only that
 * one (text, the biggest, takes a few ms in a fresh process).
 */
export function buildModelIndex(catalog: Catalog): ModelIndex {
  const built: Partial<ModelIndex> = {};
  const fineTuning = () => {
    if (!built.fineTuned) Object.assign(built, fineTuningIndexes(catalog));
    return built as Pick<ModelIndex, 'fineTuned' | 'training'>;
  };
  return {
    get text() {
      return (built.text ??= textIndex(catalog));
    },
    get fineTuned() {
      return fineTuning().fineTuned;
    },
    get training() {
      return fineTuning().training;
    },
    get audio() {
      return (built.audio ??= retireIds(
        addTokenRows(new NameIndex(), catalog, 'audio', 'transcription_audio'),
      ));
    },
    get imageTokens() {
      return (built.imageTokens ??= retireIds(
        addTokenRows(new NameIndex(), catalog, 'image_tokens'),
      ));
    },
    get minutes() {
      return (built.minutes ??= minutesIndex(catalog));
    },
    get characters() {
      return (built.characters ??= addUnitRows(new NameIndex(), catalog, false));
    },
    get images() {
      return (built.images ??= imagesIndex(catalog));
    },
  };
}

let cachedIndex: ModelIndex | null = null;
export function modelIndex(): ModelIndex {
  return (cachedIndex ??= buildModelIndex(CATALOG));
}

/** The first day of price data (the page snapshot), parsed on first use. */
let sinceDay: Day | null = null;

/** A day the price data covers (from its oldest day on); an earlier day is an error naming it. */
export function checkDataDay(day: Day): Day {
  if (day < (sinceDay ??= isoToDay(CATALOG.since)!)) {
    throw new PricingError(
      `no prices before ${CATALOG.since} (the oldest price data); ${dayToIso(day)} is earlier`,
    );
  }
  return day;
}

/**
 * The prices of `model` in force on `day`; null = current prices (for a retired model: the prices
 * it had when it was retired). A day before the data, before the release or from the retirement
 * on is an error that says so.
 */
export function pricesOn(model: TokenModel, day: Day | null): PricedTiers {
  const periods = model.periods;
  if (day === null) return periods[periods.length - 1];
  checkDataDay(day);
  if (model.released !== null && day < model.released) {
    throw new PricingError(
      `${model.name} was released on ${dayToIso(model.released)}: it has no price on ${dayToIso(day)}`,
    );
  }
  if (model.retired !== null && day >= model.retired) {
    throw new PricingError(
      `${model.name} was retired on ${dayToIso(model.retired)}: it has no price on ${dayToIso(day)} (leave the date blank for its last prices)`,
    );
  }
  let found = periods[0];
  for (const p of periods) if (p.from <= day) found = p;
  return found;
}

/** Whether the model is offered on `day` (null: today's current models, retired ones left out). */
export function offeredOn(model: TokenModel, day: Day | null): boolean {
  const retired = model.retired === null ? undefined : dayToIso(model.retired);
  return offeredOnDay(
    { released: model.row.released, retired, periods: model.row.periods },
    day === null ? null : dayToIso(day),
  );
}

function indexOf(domain: Domain, index: ModelIndex): NameIndex<unknown> {
  switch (domain) {
    case 'text':
      return index.text;
    case 'audio':
      return index.audio;
    case 'image_tokens':
      return index.imageTokens;
    case 'minutes':
      return index.minutes;
    case 'characters':
      return index.characters;
    case 'training':
      return index.training;
    case 'images':
      return index.images;
  }
}

/** The other domains that know the name `typed`, e.g. "minutes" for whisper-1 typed for text. */
export function domainsOf(typed: string, but: Domain, index = modelIndex()): Domain[] {
  const key = nameKey(typed);
  return (Object.keys(DOMAIN_FUNCTION) as Domain[]).filter(
    (d) => d !== but && indexOf(d, index).byKey.has(key),
  );
}

const releasedOf = (names: NameIndex<unknown>) => (name: string) =>
  (names.byKey.get(nameKey(name)) as Partial<TokenModel> | undefined)?.released ?? 0;

/** The message for a name this domain does not know: suggestions, or the function that prices it. */
export function unknownModelMessage(typed: string, domain: Domain, index = modelIndex()): string {
  const shown = quote(typed.trim());
  const elsewhere = domainsOf(typed, domain, index);
  if (elsewhere.length > 0) {
    const uses = elsewhere.map((d) => `${DOMAIN_FUNCTION[d]} (${DOMAIN_WHAT[d]})`);
    return `${shown} has no ${DOMAIN_WHAT[domain]}; use ${uses.join(' or ')}`;
  }
  const alike = lookAlikeHint(typed.trim());
  if (alike) return `unknown model ${shown}: ${alike}`;
  const names = indexOf(domain, index);
  const suggestions = closestNames(
    typed,
    domain === 'text'
      ? [...names.names, ...index.fineTuned.names.map((n) => `ft:${n}`)]
      : names.names,
    3,
    releasedOf(names),
  );
  const hint =
    suggestions.length > 0
      ? ` (did you mean ${quoteList(suggestions)}?)`
      : ' (OPENAI_MODELS() lists every model the catalog has)';
  return `unknown model ${shown}${hint}`;
}

/** Misses cost an edit-distance search: remember each typed name's error. */
const missCache = new Map<string, PricingError>();

function miss(typed: string, domain: Domain, message: () => string): never {
  const key = `${domain}\u0000${typed}`;
  let error = missCache.get(key);
  if (!error) {
    error = new PricingError(message);
    if (missCache.size < 10000) missCache.set(key, error);
  }
  throw error;
}

function lookup<T>(typed: string, domain: Domain, names: NameIndex<T>): T {
  const found = names.get(typed);
  if (found === undefined) miss(typed, domain, () => unknownModelMessage(typed, domain));
  return found;
}

/** "ft:gpt-4o-mini-2024-07-18:acme::abc123" → "gpt-4o-mini-2024-07-18"; keeps " with data sharing". */
export function fineTunedBase(typed: string): string {
  const rest = typed.trim().slice(3);
  const sharing = / with data sharing$/i.exec(rest);
  const id = sharing ? rest.slice(0, sharing.index) : rest;
  return `${id.split(':')[0].trim()}${sharing ? ' with data sharing' : ''}`;
}

function resolveFineTuned(typed: string, index: ModelIndex): TokenModel {
  const base = fineTunedBase(typed);
  const found = index.fineTuned.get(base);
  if (!found) {
    // never fall back to the base model: fine-tuned inference costs about twice as much
    miss(typed, 'text', () => {
      const known = closestNames(base, index.fineTuned.names);
      const hint =
        known.length > 0 ? `did you mean ${quoteList(known.map((n) => `ft:${n}`))}?` : '';
      return `no fine-tuning price for ${quote(typed.trim())}: the catalog lists fine-tuning for ${[
        ...new Set([...index.fineTuned.byKey.values()].map((m) => m.row.model)),
      ].join(', ')}${hint ? `; ${hint}` : ''}`;
    });
  }
  return found;
}

/** The text model named `typed`, or undefined: a miss without an error, for counting bad rows. */
export function findTextModel(typed: string): TokenModel | undefined {
  const index = modelIndex();
  return (
    index.text.get(typed) ??
    (/^\s*ft:/i.test(typed) ? index.fineTuned.get(fineTunedBase(typed)) : undefined)
  );
}

/** A model priced by text tokens: chat, reasoning, legacy, embeddings, moderation, ft: ids. */
export function resolveTextModel(typed: string): TokenModel {
  const index = modelIndex();
  const found = index.text.get(typed);
  if (found !== undefined) return found;
  if (/^\s*ft:/i.test(typed)) return resolveFineTuned(typed, index);
  return miss(typed, 'text', () => unknownModelMessage(typed, 'text', index));
}

export function resolveAudioModel(typed: string): TokenModel {
  return lookup(typed, 'audio', modelIndex().audio);
}

export function resolveImageTokensModel(typed: string): TokenModel {
  return lookup(typed, 'image_tokens', modelIndex().imageTokens);
}

export function resolveMinutesModel(typed: string): PerUnitModel {
  return lookup(typed, 'minutes', modelIndex().minutes);
}

export function resolveCharactersModel(typed: string): PerUnitModel {
  return lookup(typed, 'characters', modelIndex().characters);
}

export function resolveTrainingModel(typed: string): FineTuningRow {
  const index = modelIndex();
  const name = /^\s*ft:/i.test(typed) ? fineTunedBase(typed) : typed;
  return lookup(name, 'training', index.training);
}

export function resolveImageModel(typed: string): ImageModel {
  return lookup(typed, 'images', modelIndex().images);
}
