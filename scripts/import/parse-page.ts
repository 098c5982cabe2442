// Parses the text of OpenAI's pricing page, as copied from a browser, into the catalog.
// Strict on purpose: anything unexpected is refused with its line number and what was expected,
// so a maintainer never gets a partial or silently wrong catalog.

import type {
  Catalog,
  FineTuningRow,
  ImageGenerationRow,
  Price,
  PricePeriod,
  Section,
  Source,
  SectionId,
  TierId,
  TokenColumn,
  TokenPrices,
  TokenRow,
  ToolRow,
  UnitPriceRow,
} from '../../src/pricing/catalog';
import { SECTION_IDS } from '../../src/pricing/catalog';

export interface Annotations {
  sources: Record<string, Source> & { page: Source };
  longContext: Catalog['longContext'];
  apiIds: Record<string, string>;
  toolIds: Record<string, string>;
  webSearchModels: Record<string, string[]>;
  batch: {
    discount: number;
    note: string;
    sections: string[];
    notOffered: string[];
    /** models (a regular expression on the row's model) whose Batch has a caching discount */
    cachingDiscount: { models: string; source: string; note: string };
    /** section → model → the batch prices the page prints, where they differ from the rule */
    printed: Record<
      string,
      Record<
        string,
        {
          input: number | null;
          cached_input: number | null;
          output: number | null;
          source: string;
          note?: string;
        }
      >
    >;
  };
}

export class PageParseError extends Error {
  constructor(
    readonly line: number,
    readonly expected: string,
    readonly found: string,
  ) {
    super(
      `line ${line}: expected ${expected}, found ${found === '' ? 'a blank line' : JSON.stringify(found)}`,
    );
    this.name = 'PageParseError';
  }
}

interface SectionSpec {
  id: SectionId;
  heading: string;
  title: string;
  /** heading only valid inside "Transcription and speech generation" */
  inTranscription: boolean;
}

const TRANSCRIPTION_HEADING = 'Transcription and speech generation';

const SECTION_SPECS: SectionSpec[] = [
  { id: 'text', heading: 'Text tokens', title: 'Text tokens', inTranscription: false },
  {
    id: 'flex',
    heading: 'Text tokens (Flex Processing)',
    title: 'Text tokens (Flex Processing)',
    inTranscription: false,
  },
  { id: 'audio', heading: 'Audio tokens', title: 'Audio tokens', inTranscription: false },
  { id: 'image_tokens', heading: 'Image tokens', title: 'Image tokens', inTranscription: false },
  { id: 'fine_tuning', heading: 'Fine-tuning', title: 'Fine-tuning', inTranscription: false },
  { id: 'tools', heading: 'Built-in tools', title: 'Built-in tools', inTranscription: false },
  {
    id: 'transcription_text',
    heading: 'Text tokens',
    title: 'Transcription and speech generation: text tokens',
    inTranscription: true,
  },
  {
    id: 'transcription_audio',
    heading: 'Audio tokens',
    title: 'Transcription and speech generation: audio tokens',
    inTranscription: true,
  },
  {
    id: 'audio_models',
    heading: 'Other models',
    title: 'Transcription and speech generation: other models',
    inTranscription: true,
  },
  {
    id: 'image_generation',
    heading: 'Image generation',
    title: 'Image generation',
    inTranscription: false,
  },
  { id: 'embeddings', heading: 'Embeddings', title: 'Embeddings', inTranscription: false },
  { id: 'moderation', heading: 'Moderation', title: 'Moderation', inTranscription: false },
  { id: 'other', heading: 'Other models', title: 'Other models', inTranscription: false },
];

const COLUMN_NAMES: Record<string, TokenColumn> = {
  Input: 'input',
  'Cached input': 'cached_input',
  Output: 'output',
  Cost: 'input',
};

const NOT_OFFERED = /^[-–—]$/;
const DOLLARS = /^\$(\d+(?:\.\d+)?)$/;
const DOLLARS_PER_HOUR = /^\$(\d+(?:\.\d+)?)\s*\/\s*hour$/;
const SIZE = /^(\d+)\s*[x×]\s*(\d+)$/;

/** Repairs what copying the page through a browser mangles. */
export function normalizePageText(text: string): string[] {
  return text
    .replace(/^\uFEFF/, '')
    .replace(/DALL(?:路|Â·|·|\?|\uFFFD)E/g, 'DALL·E')
    .split(/\r?\n/)
    .map((line) => line.replace(/\u00a0/g, ' ').trim());
}

class Lines {
  index = 0;
  constructor(readonly lines: string[]) {}
  get done(): boolean {
    return this.index >= this.lines.length;
  }
  peek(offset = 0): string | undefined {
    return this.lines[this.index + offset];
  }
  get lineNumber(): number {
    return this.index + 1;
  }
  next(): string {
    return this.lines[this.index++];
  }
  skipBlank(): void {
    while (!this.done && this.peek() === '') this.index++;
  }
  fail(expected: string): never {
    throw new PageParseError(
      this.lineNumber,
      expected,
      this.done ? 'the end of the page' : this.peek()!,
    );
  }
  /** next non-blank line, or a parse error naming what was expected */
  take(expected: string): string {
    this.skipBlank();
    if (this.done) this.fail(expected);
    return this.next();
  }
}

function parsePriceCell(lines: Lines, what: string): Price {
  const cell = lines.take(what);
  if (NOT_OFFERED.test(cell)) return null;
  const match = DOLLARS.exec(cell);
  if (!match) {
    lines.index--;
    lines.fail(`${what} (a price like "$2.50" or "-")`);
  }
  return Number(match[1]);
}

function parseDollars(lines: Lines, what: string): number {
  const price = parsePriceCell(lines, what);
  if (price === null) {
    lines.index--;
    lines.fail(`${what} (a price like "$2.50")`);
  }
  return price;
}

function isPriceLike(line: string): boolean {
  return (
    DOLLARS.test(line) || NOT_OFFERED.test(line) || DOLLARS_PER_HOUR.test(line) || line === 'Free'
  );
}

/** A page note: prose, not a model name. */
function isNote(line: string): boolean {
  return line.length > 60 || /[.:]$/.test(line) || line.startsWith('Learn more');
}

/**
 * The line under a model name is its dated snapshot when it is an id that extends the alias
 * ("gpt-4.1" → "gpt-4.1-2025-04-14", "omni-moderation-latest" → "omni-moderation-2024-09-26"); a
 * garbled price ("$0.O2", "0.02") is not, so it is reported as a bad price on its own line.
 */
function isSnapshotOf(model: string, line: string): boolean {
  const stem = model.replace(/-latest$/, '');
  return /^[a-z0-9][\w.:-]*$/i.test(line) && line.startsWith(stem);
}

function isHeaderLine(line: string | undefined): boolean {
  return line !== undefined && /^(Model|Tool)\t/.test(line);
}

interface RawSection {
  spec: SectionSpec;
  headingLine: number;
  unitLine: string | null;
  batchToggle: boolean;
  notes: string[];
  header: string[];
  headerLine: number;
  /** index of the first line after the header; rows are parsed from here */
  body: number;
}

/** Finds the section headings and header lines; everything between is left to the row parsers. */
function locateSections(lines: Lines): RawSection[] {
  const found: RawSection[] = [];
  let inTranscription = false;
  let nextSpec = 0;
  // Preamble: everything before the first "Text tokens" heading.
  while (!lines.done && lines.peek() !== SECTION_SPECS[0].heading) lines.index++;
  if (lines.done) {
    lines.index = 0;
    lines.fail(`the section heading "${SECTION_SPECS[0].heading}"`);
  }
  const all = lines.lines;
  for (let i = lines.index; i < all.length; i++) {
    const line = all[i];
    if (line === TRANSCRIPTION_HEADING) {
      inTranscription = true;
      continue;
    }
    const spec = SECTION_SPECS[nextSpec];
    if (!spec || line !== spec.heading) continue;
    if (spec.inTranscription !== inTranscription) continue;
    // a heading is followed (after its unit and toggle lines) by a header line
    let j = i + 1;
    let unitLine: string | null = null;
    let batchToggle = false;
    const notes: string[] = [];
    for (; j < all.length && !isHeaderLine(all[j]); j++) {
      const l = all[j];
      if (l === '') continue;
      if (/^Price per /.test(l)) unitLine = l;
      else if (l === 'Batch API price') batchToggle = true;
      else if (isNote(l)) notes.push(l);
      else break;
    }
    if (!isHeaderLine(all[j])) {
      throw new PageParseError(
        j + 1,
        `the table header ("Model<TAB>...") of "${spec.title}"`,
        all[j] ?? '',
      );
    }
    found.push({
      spec,
      headingLine: i + 1,
      unitLine,
      batchToggle,
      notes,
      header: all[j].split('\t').map((c) => c.trim()),
      headerLine: j + 1,
      body: j + 1,
    });
    if (spec.id === 'audio_models') inTranscription = false;
    nextSpec++;
    i = j;
  }
  if (nextSpec < SECTION_SPECS.length) {
    const missing = SECTION_SPECS[nextSpec];
    throw new PageParseError(
      all.length,
      `the section "${missing.title}" (heading "${missing.heading}")`,
      'the end of the page',
    );
  }
  return found;
}

function tokenColumns(raw: RawSection, lines: Lines): TokenColumn[] {
  const columns: TokenColumn[] = [];
  for (const name of raw.header.slice(1)) {
    if (name === 'Training' || name === 'Estimated cost') continue;
    const column = COLUMN_NAMES[name];
    if (!column) {
      lines.index = raw.headerLine - 1;
      lines.fail('a price column named Input, Cached input, Output or Cost');
    }
    if (columns.includes(column)) {
      lines.index = raw.headerLine - 1;
      lines.fail(`price columns named once each (${name} appears twice)`);
    }
    columns.push(column);
  }
  return columns;
}

function pricesFromColumns(columns: TokenColumn[], cells: Price[]): TokenPrices {
  const prices: TokenPrices = { input: null, cached_input: null, output: null };
  columns.forEach((column, k) => (prices[column] = cells[k]));
  return prices;
}

/** Reads "name", optional snapshot line, then one cell per price column. */
function parseTokenRows(
  raw: RawSection,
  lines: Lines,
  end: number,
  options: { perMinute: boolean; free: boolean },
): { rows: TokenRow[]; notes: string[] } {
  const columns = tokenColumns(raw, lines);
  const rows: TokenRow[] = [];
  const notes: string[] = [];
  lines.index = raw.body;
  while (true) {
    lines.skipBlank();
    if (lines.index >= end) break;
    const model = lines.next();
    if (isNote(model)) {
      notes.push(model);
      continue;
    }
    if (isPriceLike(model)) {
      lines.index--;
      lines.fail(`a model name in "${raw.spec.title}"`);
    }
    lines.skipBlank();
    let snapshot: string | null = null;
    if (isSnapshotOf(model, lines.peek() ?? '')) snapshot = lines.next();
    const tiers: PricePeriod['tiers'] = {};
    const row: TokenRow = { model, snapshot, sources: ['page'], periods: [{ from: '', tiers }] };
    if (options.free) {
      const cell = lines.take(`"Free" for ${model}`);
      if (cell !== 'Free') {
        lines.index--;
        lines.fail(`"Free" for ${model}`);
      }
      row.free = true;
      tiers.standard = { input: 0, cached_input: null, output: 0 };
    } else {
      const cells = columns.map((column) =>
        parsePriceCell(lines, `the ${column} price of ${model}`),
      );
      tiers.standard = pricesFromColumns(columns, cells);
    }
    if (options.perMinute) {
      row.perMinute = parseDollars(lines, `the estimated cost per minute of ${model}`);
      const unit = lines.take(`"minute" after the estimated cost of ${model}`);
      if (unit !== 'minute') {
        lines.index--;
        lines.fail(`"minute" after the estimated cost of ${model}`);
      }
    }
    rows.push(row);
  }
  if (rows.length === 0) lines.fail(`at least one row in "${raw.spec.title}"`);
  return { rows, notes };
}

function parseFineTuningRows(
  raw: RawSection,
  lines: Lines,
  end: number,
): { rows: FineTuningRow[]; notes: string[] } {
  const columns = tokenColumns(raw, lines);
  if (raw.header[1] !== 'Training') {
    lines.index = raw.headerLine - 1;
    lines.fail('"Training" as the first price column of Fine-tuning');
  }
  const rows: FineTuningRow[] = [];
  const notes: string[] = [];
  lines.index = raw.body;
  while (true) {
    lines.skipBlank();
    if (lines.index >= end) break;
    const name = lines.next();
    if (isNote(name)) {
      notes.push(name);
      continue;
    }
    const variantMatch = /^(\S+) with (data sharing)$/.exec(name);
    if (!variantMatch && /\s/.test(name)) {
      lines.index--;
      lines.fail('a fine-tunable model id');
    }
    const trainingCell = lines.take(`the training price of ${name}`);
    const perHour = DOLLARS_PER_HOUR.exec(trainingCell);
    const perToken = DOLLARS.exec(trainingCell);
    if (!perHour && !perToken) {
      lines.index--;
      lines.fail(`the training price of ${name} ("$25.00" or "$100.00 / hour")`);
    }
    const training = perHour
      ? { price: Number(perHour[1]), unit: 'hour' as const }
      : { price: Number(perToken![1]), unit: '1M tokens' as const };
    const cells = columns.map((column) => parsePriceCell(lines, `the ${column} price of ${name}`));
    rows.push({
      model: name,
      snapshot: null,
      baseModel: variantMatch ? variantMatch[1] : name,
      variant: variantMatch ? variantMatch[2] : null,
      training,
      sources: ['page'],
      periods: [{ from: '', tiers: { standard: pricesFromColumns(columns, cells) } }],
    });
  }
  return { rows, notes };
}

function parseToolRows(raw: RawSection, lines: Lines, end: number, ann: Annotations): ToolRow[] {
  const rows: ToolRow[] = [];
  lines.index = raw.body;
  while (true) {
    lines.skipBlank();
    if (lines.index >= end) break;
    const name = lines.next();
    const id = ann.toolIds[name];
    if (!id) {
      lines.index--;
      lines.fail(`a known tool name (${Object.keys(ann.toolIds).join(', ')})`);
    }
    const details: string[] = [];
    while (true) {
      const line = lines.take(`the price of ${name}`);
      if (DOLLARS.test(line)) {
        lines.index--;
        break;
      }
      details.push(line);
    }
    const price = parseDollars(lines, `the price of ${name}`);
    const unitLine = lines.take(`the unit of ${name}`);
    const perThousand = /^1k\b/i.test(unitLine);
    const free = /\(([^)]*free)\)/i.exec(unitLine);
    const appliesTo =
      details.find((d) => Object.prototype.hasOwnProperty.call(ann.webSearchModels, d)) ?? null;
    if (id === 'web_search' && !appliesTo) {
      lines.index--;
      lines.fail(
        `a model family for ${name} listed in data/catalog-annotations.json webSearchModels`,
      );
    }
    rows.push({
      id,
      name,
      details,
      price,
      unit: unitLine,
      per: perThousand ? 1000 : 1,
      freeAllowance: free ? free[1] : null,
      appliesTo,
      models: appliesTo ? ann.webSearchModels[appliesTo] : null,
    });
  }
  return rows;
}

function parseUnitPriceRows(
  raw: RawSection,
  lines: Lines,
  end: number,
  ann: Annotations,
): UnitPriceRow[] {
  const rows: UnitPriceRow[] = [];
  lines.index = raw.body;
  while (true) {
    lines.skipBlank();
    if (lines.index >= end) break;
    const model = lines.next();
    const apiId = ann.apiIds[model];
    if (!apiId) {
      lines.index--;
      lines.fail(`a model display name with an API id in data/catalog-annotations.json apiIds`);
    }
    const useCase = lines.take(`the use case of ${model}`);
    const price = parseDollars(lines, `the cost of ${model}`);
    const unit = lines.take(`the unit of ${model} ("minute" or "1M characters")`);
    if (unit !== 'minute' && unit !== '1M characters') {
      lines.index--;
      lines.fail(`the unit of ${model} ("minute" or "1M characters")`);
    }
    rows.push({ model, apiId, useCase, price, unit });
  }
  return rows;
}

function parseImageGenerationRows(
  raw: RawSection,
  lines: Lines,
  end: number,
  ann: Annotations,
): ImageGenerationRow[] {
  const rows: ImageGenerationRow[] = [];
  lines.index = raw.headerLine - 1;
  while (true) {
    lines.skipBlank();
    if (lines.index >= end) break;
    const header = lines.next();
    if (!isHeaderLine(header)) {
      lines.index--;
      lines.fail('an image table header ("Model<TAB>Quality<TAB>1024x1024...")');
    }
    const cells = header.split('\t').map((c) => c.trim());
    if (cells[1] !== 'Quality' || cells.length < 3 || !cells.slice(2).every((c) => SIZE.test(c))) {
      lines.index--;
      lines.fail('"Model<TAB>Quality" followed by sizes like "1024x1024"');
    }
    const sizes = cells.slice(2).map((c) => c.replace(SIZE, '$1x$2'));
    const model = lines.take('an image model name');
    const apiId = ann.apiIds[model];
    if (!apiId) {
      lines.index--;
      lines.fail(
        'an image model display name with an API id in data/catalog-annotations.json apiIds',
      );
    }
    let qualities = 0;
    while (true) {
      lines.skipBlank();
      if (lines.index >= end || isHeaderLine(lines.peek())) break;
      const quality = lines.next();
      if (isPriceLike(quality)) {
        lines.index--;
        lines.fail(`a quality name for ${model}`);
      }
      for (const size of sizes) {
        rows.push({
          model,
          apiId,
          quality: quality.toLowerCase(),
          size,
          price: parseDollars(lines, `the ${quality} ${size} price of ${model}`),
        });
      }
      qualities++;
    }
    if (qualities === 0) lines.fail(`a quality row for ${model}`);
  }
  return rows;
}

function tiersFor(id: SectionId, ann: Annotations): TierId[] {
  if (id === 'flex') return ['flex'];
  const tiers: TierId[] = ann.batch.sections.includes(id) ? ['standard', 'batch'] : ['standard'];
  // priority prices are per model and later than the page (annotations); only text models have them
  return id === 'text' ? [...tiers, 'priority'] : tiers;
}

/** The newest YYYY-MM-DD in any model id on the page. */
function newestSnapshotDate(lines: string[]): string {
  let newest = '';
  for (const line of lines) {
    for (const match of line.matchAll(/\b(20\d\d-\d\d-\d\d)\b/g))
      if (match[1] > newest) newest = match[1];
  }
  if (!newest) throw new PageParseError(1, 'at least one dated model snapshot (YYYY-MM-DD)', '');
  return newest;
}

export function parsePricingPage(text: string, ann: Annotations, sourceFile: string): Catalog {
  const all = normalizePageText(text);
  const lines = new Lines(all);
  const located = locateSections(lines);
  const sections: Section[] = located.map((raw, k) => {
    const end = k + 1 < located.length ? located[k + 1].headingLine - 1 : all.length;
    // the transcription group heading belongs to no table
    let stop = end;
    while (stop > raw.body && (all[stop - 1] === '' || all[stop - 1] === TRANSCRIPTION_HEADING))
      stop--;
    const base = {
      id: raw.spec.id,
      title: raw.spec.title,
      tiers: tiersFor(raw.spec.id, ann),
      notes: raw.notes,
    };
    const perOneMillion = 'USD per 1M tokens';
    switch (raw.spec.id) {
      case 'fine_tuning': {
        const { rows, notes } = parseFineTuningRows(raw, lines, stop);
        return {
          ...base,
          kind: 'fine_tuning',
          unit: perOneMillion,
          notes: [...base.notes, ...notes],
          columns: tokenColumns(raw, lines),
          rows,
        };
      }
      case 'tools':
        return {
          ...base,
          kind: 'tools',
          unit: 'USD per unit',
          rows: parseToolRows(raw, lines, stop, ann),
        };
      case 'audio_models':
        return {
          ...base,
          kind: 'unit_prices',
          unit: 'USD per unit',
          rows: parseUnitPriceRows(raw, lines, stop, ann),
        };
      case 'image_generation':
        return {
          ...base,
          kind: 'image_generation',
          unit: 'USD per image',
          rows: parseImageGenerationRows(raw, lines, stop, ann),
        };
      default: {
        const perMinute = raw.header.includes('Estimated cost');
        const free = raw.spec.id === 'moderation';
        const { rows, notes } = parseTokenRows(raw, lines, stop, { perMinute, free });
        if (raw.spec.id === 'flex')
          for (const row of rows) row.periods[0].tiers = { flex: row.periods[0].tiers.standard };
        return {
          ...base,
          kind: 'tokens',
          unit: free ? 'USD' : perOneMillion,
          notes: [...base.notes, ...notes],
          columns: free ? [] : tokenColumns(raw, lines),
          hasPerMinute: perMinute,
          rows,
        };
      }
    }
  });
  const batchToggles = located.filter((r) => r.batchToggle).map((r) => r.spec.id);
  for (const id of ann.batch.sections) {
    if (!batchToggles.includes(id as SectionId)) {
      throw new Error(
        `the page has no "Batch API price" toggle on "${id}", but annotations list it as a Batch section`,
      );
    }
  }
  if (sections.map((s) => s.id).join() !== SECTION_IDS.join()) {
    throw new Error(`sections out of order: ${sections.map((s) => s.id).join(', ')}`);
  }
  const asOf = newestSnapshotDate(all);
  for (const section of sections) {
    if (section.kind !== 'tokens' && section.kind !== 'fine_tuning') continue;
    for (const row of section.rows) row.periods[0].from = asOf;
  }
  return {
    schemaVersion: 2,
    asOf,
    since: asOf,
    sources: { page: { ...ann.sources.page, file: sourceFile, date: asOf } },
    batch: { discount: ann.batch.discount, note: ann.batch.note },
    longContext: ann.longContext,
    sections,
  };
}
