// Combines the page snapshot with @pydantic/genai-prices and the maintainers' annotations into one
// dated catalog. Every genai-prices model must be accounted for (a page row, imported, or excluded
// with a reason), so a new model in the source is never silently dropped or silently added.

import type {
  Catalog,
  FineTuningRow,
  PricePeriod,
  Section,
  Source,
  TierId,
  TokenPrices,
  TokenRow,
  TokenSection,
  UnitPriceSection,
} from '../../src/pricing/catalog';
import { deriveBatchPrices } from '../../src/pricing/batch';
import type { FamilyPrices, GenaiEntry, GenaiPeriod } from './genai-prices';
import { listedIds, matches, takesDatedSnapshots } from './genai-prices';
import type { Annotations } from './parse-page';

interface ImportSpec {
  section: 'text' | 'audio_models';
  model?: string;
  snapshot?: string;
  released: string;
  releasedSource: string;
  useCase?: string;
  note?: string;
}

interface TierEntry {
  from: string;
  until?: string;
  input: number | null;
  cached_input: number | null;
  output: number | null;
  cache_write?: number | null;
  long_context?: TokenPrices['long_context'];
  source: string;
  note?: string;
}

interface AddedRow {
  section: 'text';
  /** the row it is listed after */
  after: string;
  snapshot?: string;
  released?: string;
  periods: { from: string; standard: TokenPrices }[];
  sources: string[];
  note: string;
}

export interface DatedAnnotations extends Annotations {
  genaiPrices: { import: Record<string, ImportSpec>; exclude: Record<string, string> };
  aliases: Record<string, string[]>;
  corrections: {
    model: string;
    field: string;
    value: number | null;
    source: string;
    reason: string;
  }[];
  tierPrices: Record<string, Partial<Record<'flex' | 'priority', TierEntry[]>>>;
  /** model or API id → its shutdown day; a snapshot or alias id retires alone (retiredIds) */
  retired: Record<string, { date: string; source: string; note?: string }>;
  /** rows no other source gives, with their prices as the annotation's source prints them */
  addedRows: Record<string, AddedRow>;
  /** context windows of rows genai-prices gives none for: a number with its source, or null */
  contextWindows: Record<string, { tokens: number | null; source?: string; reason: string }>;
  decisions: unknown[];
}

const strip = <T extends object>(value: T): T =>
  Object.fromEntries(Object.entries(value).filter(([key]) => !key.startsWith('_'))) as T;

function section<K extends Section['kind']>(
  catalog: Catalog,
  id: string,
): Extract<Section, { kind: K }> {
  return catalog.sections.find((s) => s.id === id) as Extract<Section, { kind: K }>;
}

function tokenPrices(family: FamilyPrices): TokenPrices {
  const prices: TokenPrices = {
    input: family.input ?? null,
    cached_input: family.cached_input ?? null,
    output: family.output ?? null,
  };
  if (family.cache_write !== undefined) prices.cache_write = family.cache_write;
  if (family.long_context) prices.long_context = family.long_context;
  return prices;
}

const hasPrices = (family: FamilyPrices) => Object.keys(family).length > 0;

/** API ids as OpenAI writes them: genai-prices also lists "gpt-5-1" spellings, which are not. */
function aliasesOf(entry: GenaiEntry, model: string, snapshot: string | null): string[] {
  return listedIds(entry.match).filter(
    (id) => id !== model && id !== snapshot && !/^gpt-\d+-\d/.test(id),
  );
}

function applyCorrections(
  id: string,
  period: GenaiPeriod,
  ann: DatedAnnotations,
  used: Set<number>,
) {
  ann.corrections.forEach((c, k) => {
    if (c.model !== id) return;
    const [family, column] = c.field.startsWith('image_')
      ? (['image', c.field.slice(6)] as const)
      : c.field.startsWith('audio_')
        ? (['audio', c.field.slice(6)] as const)
        : (['text', c.field] as const);
    (period[family] as Record<string, number | null>)[column] = c.value;
    used.add(k);
  });
}

/** The page row an entry matches in the given sections (fine-tuning rows price ft: ids only). */
function pageRowFor(
  catalog: Catalog,
  entry: GenaiEntry,
  sectionIds?: readonly string[],
): { row: TokenRow; sectionId: string } | undefined {
  for (const s of catalog.sections) {
    if (s.kind !== 'tokens' || (sectionIds && !sectionIds.includes(s.id))) continue;
    const row = s.rows.find((r) =>
      [r.model, r.snapshot].some((name) => name && matches(entry.match, name)),
    );
    if (row) return { row, sectionId: s.id };
  }
  return undefined;
}

/** The page's sections of each genai-prices token family, to compare like with like. */
const FAMILY_SECTIONS = {
  text: ['text', 'transcription_text', 'embeddings', 'moderation', 'other'],
  audio: ['audio', 'transcription_audio'],
  image: ['image_tokens'],
} as const;

/** Where genai-prices, on the page's day, differs from the page row of the same family. */
function pageVsGenai(page: Catalog, entry: GenaiEntry): string[] {
  const lines: string[] = [];
  const onPageDay = entry.periods[entry.periods.length - 1];
  for (const [family, sectionIds] of Object.entries(FAMILY_SECTIONS)) {
    const theirs = onPageDay[family as keyof typeof FAMILY_SECTIONS];
    const found = hasPrices(theirs) ? pageRowFor(page, entry, sectionIds) : undefined;
    const standard = found?.row.periods[0].tiers.standard;
    if (!found || !standard) continue;
    for (const column of ['input', 'cached_input', 'output'] as const) {
      if (theirs[column] !== undefined && standard[column] !== theirs[column]) {
        lines.push(
          `${found.sectionId} / ${found.row.model} ${column}: page ${standard[column] ?? '-'}, genai-prices ${theirs[column]}`,
        );
      }
    }
  }
  return lines;
}

function importEntry(
  catalog: Catalog,
  entry: GenaiEntry,
  spec: ImportSpec,
  ann: DatedAnnotations,
  usedCorrections: Set<number>,
): void {
  const model = spec.model ?? entry.id;
  const sources = [
    ...new Set([
      'genai-prices',
      ...(spec.releasedSource === 'snapshot id' ? [] : [spec.releasedSource]),
    ]),
  ];
  const periods = entry.periods.map((p) => {
    const copy: GenaiPeriod = structuredClone(p);
    applyCorrections(entry.id, copy, ann, usedCorrections);
    return copy;
  });
  if (spec.section === 'audio_models') {
    const hours = periods[periods.length - 1].audioHours;
    if (hours === undefined || periods.length !== 1)
      throw new Error(`${entry.id}: expected one per-hour price`);
    section<'unit_prices'>(catalog, 'audio_models').rows.push({
      model,
      apiId: entry.id,
      useCase: spec.useCase ?? 'Transcription',
      price: Number((hours / 60).toFixed(6)),
      unit: 'minute',
      released: spec.released,
      sources: ['genai-prices'],
    });
    return;
  }
  const snapshot = spec.snapshot ?? null;
  const base = {
    model,
    snapshot,
    aliases: aliasesOf(entry, model, snapshot),
    ...(takesDatedSnapshots(entry.match, model) ? { datedSnapshots: true } : {}),
    released: spec.released,
    sources,
  };
  if (base.aliases.length === 0) delete (base as Partial<typeof base>).aliases;
  if (entry.contextWindow !== undefined)
    (base as Partial<TokenRow>).contextWindow = entry.contextWindow;
  for (const [family, sectionId] of [
    ['text', 'text'],
    ['audio', 'audio'],
    ['image', 'image_tokens'],
  ] as const) {
    if (!periods.some((p) => hasPrices(p[family]))) continue;
    const rowPeriods: PricePeriod[] = periods.map((p) => {
      const from = p.from ?? spec.released;
      if (from < spec.released)
        throw new Error(`${entry.id}: a price from ${from}, before its release`);
      return { from, tiers: { standard: tokenPrices(p[family]) } };
    });
    section<'tokens'>(catalog, sectionId).rows.push({
      ...structuredClone(base),
      periods: rowPeriods,
    });
  }
}

/** The entry of a tier in force on `day`, if any. */
function entryOn(entries: TierEntry[], day: string): TierEntry | undefined {
  let found: TierEntry | undefined;
  for (const e of entries) if (e.from <= day) found = e;
  return found && (!found.until || day < found.until) ? found : undefined;
}

function tierPricesOf(e: TierEntry): TokenPrices {
  const prices: TokenPrices = { input: e.input, cached_input: e.cached_input, output: e.output };
  if (e.cache_write !== undefined) prices.cache_write = e.cache_write;
  if (e.long_context) prices.long_context = e.long_context;
  return prices;
}

/** Splits a row's periods at every date where one of `tiers` changes, and sets those tiers. */
function addTierPeriods(row: TokenRow, tiers: Partial<Record<TierId, TierEntry[]>>): void {
  const first = row.periods[0].from;
  const days = new Set(row.periods.map((p) => p.from));
  for (const entries of Object.values(tiers)) {
    for (const e of entries!) {
      if (e.from < first)
        throw new Error(`${row.model}: tier price from ${e.from}, before ${first}`);
      days.add(e.from);
      if (e.until) days.add(e.until);
    }
  }
  const periods: PricePeriod[] = [...days].sort().map((day) => {
    const current = [...row.periods].reverse().find((p) => p.from <= day)!;
    const next: PricePeriod = { from: day, tiers: structuredClone(current.tiers) };
    for (const [tier, entries] of Object.entries(tiers)) {
      const e = entryOn(entries!, day);
      if (e) next.tiers[tier as TierId] = tierPricesOf(e);
      else delete next.tiers[tier as TierId];
    }
    return next;
  });
  row.periods = periods;
  for (const e of Object.values(tiers).flat()) {
    if (e && !row.sources.includes(e.source)) row.sources.push(e.source);
  }
}

function addTierPrices(catalog: Catalog, ann: DatedAnnotations): void {
  const text = section<'tokens'>(catalog, 'text');
  const flex = section<'tokens'>(catalog, 'flex');
  for (const [model, byTier] of Object.entries(strip(ann.tierPrices))) {
    const row = text.rows.find((r) => r.model === model);
    if (!row) throw new Error(`annotations: tierPrices names "${model}", which has no text row`);
    if (byTier.priority) addTierPeriods(row, { priority: byTier.priority });
    if (byTier.flex) {
      if (flex.rows.some((r) => r.model === model))
        throw new Error(`annotations: "${model}" has flex prices on the page already`);
      const flexRow: TokenRow = {
        ...structuredClone(row),
        sources: [],
        periods: [{ from: byTier.flex[0].from, tiers: {} }],
      };
      addTierPeriods(flexRow, { flex: byTier.flex });
      flex.rows.push(flexRow);
    }
  }
}

function addBatchTiers(catalog: Catalog, ann: DatedAnnotations): void {
  const { discount, cachingDiscount } = ann.batch;
  const caching = new RegExp(cachingDiscount.models);
  const notOffered = new Set(ann.batch.notOffered);
  const printed = strip(ann.batch.printed);
  const used = new Set<string>();
  for (const s of catalog.sections) {
    if (!ann.batch.sections.includes(s.id)) continue;
    if (s.kind !== 'tokens' && s.kind !== 'fine_tuning') continue;
    for (const row of s.rows) {
      if (notOffered.has(row.model)) {
        used.add(row.model);
        continue;
      }
      const page = printed[s.id]?.[row.model];
      if (page) used.add(`${s.id}/${row.model}`);
      for (const period of row.periods) {
        if (!period.tiers.standard) continue;
        if (page) {
          const { input, cached_input, output, source } = page;
          period.tiers.batch = { input, cached_input, output };
          if (!row.sources.includes(source)) row.sources.push(source);
        } else {
          const cachedInBatch = caching.test(row.model);
          period.tiers.batch = deriveBatchPrices(period.tiers.standard, discount, cachedInBatch);
          const cachedPrice = period.tiers.batch.cached_input !== null;
          if (cachedPrice && !row.sources.includes(cachingDiscount.source))
            row.sources.push(cachingDiscount.source);
        }
      }
    }
  }
  for (const name of ann.batch.notOffered) {
    if (!used.has(name))
      throw new Error(
        `annotations: batch.notOffered names "${name}", but no batch table has that row`,
      );
  }
  for (const [sectionId, rows] of Object.entries(printed)) {
    for (const model of Object.keys(rows)) {
      if (!used.has(`${sectionId}/${model}`))
        throw new Error(
          `annotations: batch.printed names ${sectionId} "${model}", which has no batch row`,
        );
    }
  }
}

function forEachTokenRow(catalog: Catalog, visit: (row: TokenRow, s: Section) => void): void {
  for (const s of catalog.sections)
    if (s.kind === 'tokens' || s.kind === 'fine_tuning') for (const row of s.rows) visit(row, s);
}

/** annotations.addedRows: models the page and genai-prices lack, priced by another source. */
function addRows(catalog: Catalog, ann: DatedAnnotations): void {
  for (const [model, spec] of Object.entries(strip(ann.addedRows))) {
    const rows = section<'tokens'>(catalog, spec.section).rows;
    const at = rows.findIndex((r) => r.model === spec.after);
    if (at < 0)
      throw new Error(
        `annotations: addedRows ${model} comes after "${spec.after}", which has no row`,
      );
    if (rows.some((r) => r.model === model))
      throw new Error(`annotations: addedRows ${model}, which already has a row`);
    const row: TokenRow = {
      model,
      snapshot: spec.snapshot ?? null,
      ...(spec.released ? { released: spec.released } : {}),
      sources: [...spec.sources],
      periods: spec.periods.map((p) => ({ from: p.from, tiers: { standard: { ...p.standard } } })),
    };
    rows.splice(at + 1, 0, row);
  }
}

/**
 * annotations.retired: an id that names a row's model retires the row (in every section but
 * fine-tuning, whose rows retire only as ft: ids); an id that is a row's snapshot or alias
 * retires that id alone (retiredIds), so retiring gpt-4o-2024-05-13 never retires gpt-4o.
 */
function addRetirements(catalog: Catalog, ann: DatedAnnotations): void {
  for (const [id, { date, source }] of Object.entries(strip(ann.retired))) {
    let found = false;
    for (const s of catalog.sections) {
      if (s.kind !== 'tokens') continue;
      for (const row of s.rows) {
        if (row.model === id) row.retired = date;
        else if (row.snapshot === id || row.aliases?.includes(id))
          row.retiredIds = { ...row.retiredIds, [id]: date };
        else continue;
        if (!row.sources.includes(source)) row.sources.push(source);
        found = true;
      }
    }
    if (!found) throw new Error(`annotations: retired "${id}", which no row names`);
  }
  // an id that stops with its row (gpt-4-0613, gpt-4's snapshot and a row of its own) needs no date
  forEachTokenRow(catalog, (row) => {
    if (!row.retiredIds) return;
    for (const [id, day] of Object.entries(row.retiredIds))
      if (row.retired && row.retired <= day) delete row.retiredIds[id];
    if (Object.keys(row.retiredIds).length === 0) delete row.retiredIds;
  });
}

/**
 * Every token row's context window: genai-prices' context_window of the model (looked up by the
 * row's ids, excluded entries too: their prices are in doubt, not their windows; a fine-tuning
 * row by its base model), else the annotations' contextWindows entry,
 * which must then exist (a number with its source, or null with the reason there is none).
 */
function addContextWindows(catalog: Catalog, entries: GenaiEntry[], ann: DatedAnnotations): void {
  const windows = strip(ann.contextWindows);
  const used = new Set<string>();
  const missing = new Set<string>();
  forEachTokenRow(catalog, (row) => {
    const ids =
      'baseModel' in row
        ? [(row as FineTuningRow).baseModel]
        : [row.model, row.snapshot, ...(row.aliases ?? [])];
    let fromGenai = row.contextWindow;
    for (const id of ids) {
      if (fromGenai !== undefined || !id) break;
      fromGenai = entries.find((e) => matches(e.match, id))?.contextWindow;
    }
    const annotated = windows[row.model];
    if (fromGenai !== undefined && annotated) {
      throw new Error(
        `annotations: contextWindows gives ${row.model} ${annotated.tokens}, but genai-prices has ${fromGenai}: drop the annotation or record a decision`,
      );
    }
    if (annotated) used.add(row.model);
    const window = fromGenai ?? annotated?.tokens;
    if (window === undefined) missing.add(row.model);
    else if (window === null) delete row.contextWindow;
    else {
      row.contextWindow = window;
      if (annotated?.source && !row.sources.includes(annotated.source))
        row.sources.push(annotated.source);
    }
  });
  if (missing.size > 0) {
    throw new Error(
      `genai-prices gives no context window for ${[...missing].join(', ')}: add them to data/catalog-annotations.json contextWindows (a number and its source, or null and why)`,
    );
  }
  for (const model of Object.keys(windows)) {
    if (!used.has(model))
      throw new Error(`annotations: contextWindows names "${model}", which has no row`);
  }
}

export interface MergeReport {
  /** genai-prices vs the page on the page's day, for the page's rows */
  pageVsGenai: string[];
}

export function mergeSources(
  page: Catalog,
  genai: { version: string; entries: GenaiEntry[] },
  ann: DatedAnnotations,
): { catalog: Catalog; report: MergeReport } {
  const catalog: Catalog = structuredClone(page);
  const sources: Record<string, Source> = { ...strip(ann.sources), page: catalog.sources.page };
  const genaiSource = sources['genai-prices'];
  if (!genaiSource || genaiSource.version !== genai.version) {
    throw new Error(
      `genai-prices ${genai.version} is installed, but the annotations were reviewed against ${genaiSource?.version}: review the new data, then update sources.genai-prices`,
    );
  }
  const report: MergeReport = { pageVsGenai: [] };
  const imports = strip(ann.genaiPrices.import);
  const excluded = strip(ann.genaiPrices.exclude);
  const usedCorrections = new Set<number>();
  const unaccounted: string[] = [];
  for (const entry of genai.entries) {
    const spec = imports[entry.id];
    if (spec) {
      importEntry(catalog, entry, spec, ann, usedCorrections);
      continue;
    }
    if (excluded[entry.id]) continue;
    const row = pageRowFor(page, entry)?.row;
    if (!row) {
      const unitRow = page.sections.some(
        (s) =>
          (s.kind === 'unit_prices' || s.kind === 'image_generation') &&
          s.rows.some((r) => matches(entry.match, r.apiId)),
      );
      if (!unitRow) unaccounted.push(entry.id);
      continue;
    }
    if (entry.periods.some((p) => p.from !== null && p.from > page.since)) {
      throw new Error(
        `genai-prices changes the price of page row ${row.model} after ${page.since}: add it to the importer`,
      );
    }
    report.pageVsGenai.push(...pageVsGenai(page, entry));
  }
  if (unaccounted.length > 0) {
    throw new Error(
      `genai-prices has models that are neither page rows, imported nor excluded: ${unaccounted.join(', ')} (decide in data/catalog-annotations.json genaiPrices)`,
    );
  }
  for (const id of Object.keys(imports)) {
    if (!genai.entries.some((e) => e.id === id))
      throw new Error(`annotations import "${id}", which genai-prices no longer has`);
  }
  ann.corrections.forEach((c, k) => {
    if (!usedCorrections.has(k))
      throw new Error(`annotations: correction of ${c.model} ${c.field} matched nothing`);
  });
  addRows(catalog, ann);
  for (const [model, aliases] of Object.entries(strip(ann.aliases))) {
    let found = false;
    forEachTokenRow(catalog, (row) => {
      if (row.model === model) {
        row.aliases = [...(row.aliases ?? []), ...aliases];
        found = true;
      }
    });
    if (!found) throw new Error(`annotations: aliases for "${model}", which has no row`);
  }
  addTierPrices(catalog, ann);
  addBatchTiers(catalog, ann);
  addContextWindows(catalog, genai.entries, ann);
  addRetirements(catalog, ann);
  for (const id of new Set(
    Object.values(catalog.sections).flatMap((s) =>
      s.rows.flatMap((r) => ('sources' in r ? (r.sources ?? []) : [])),
    ),
  )) {
    if (!sources[id])
      throw new Error(`a row names source "${id}", which annotations.sources lacks`);
  }
  catalog.sources = sources;
  catalog.asOf = genaiSource.date ?? page.asOf;
  return { catalog, report };
}

export type { TokenSection, UnitPriceSection };
