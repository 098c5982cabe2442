// Model-name resolution. Each kind of price has its own index (a name can be a text model, an
// audio model and an image model at once, e.g. gpt-image-1). Indices are built once, on first use,
// so that loading the bundle stays cheap; a look-up is then one Map.get.

import type {
  Catalog,
  FineTuningRow,
  ImageGenerationRow,
  Section,
  SectionId,
  TierId,
  TokenPrices,
  TokenRow,
  TokenSection,
} from './catalog';
import { CATALOG } from './data';
import { PricingError } from './errors';
import { closestNames, nameKey, quoteList } from './names';
import type { TokenRates } from './tiers';

/** A token-priced model as the cost functions see it: every tier it is offered in. */
export interface TokenModel {
  /** the name as the page prints it (the alias where there is one) */
  name: string;
  sectionId: SectionId;
  row: TokenRow;
  tiers: Partial<Record<TierId, TokenPrices>>;
  /** fine-tuned inference rates (an ft: id) */
  fineTuned: boolean;
  /** billing rates per tier, filled on first use by billingRates() */
  rates: Partial<Record<TierId, TokenRates>>;
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

class NameIndex<T> {
  readonly byKey = new Map<string, T>();
  /** exact typed text → value, so a column of repeated names skips normalising each cell */
  private readonly typed = new Map<string, T>();
  /** names shown in suggestions, as printed */
  readonly names: string[] = [];
  add(name: string | null, value: T): void {
    if (!name) return;
    const key = nameKey(name);
    if (this.byKey.has(key)) return; // first row wins (the page repeats some legacy ids)
    this.byKey.set(key, value);
    this.names.push(name);
  }
  get(typedName: string): T | undefined {
    let found = this.typed.get(typedName);
    if (found === undefined) {
      found = this.byKey.get(nameKey(typedName));
      if (found !== undefined && this.typed.size < 10000) this.typed.set(typedName, found);
    }
    return found;
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

function tokenModel(sectionId: SectionId, row: TokenRow, fineTuned = false): TokenModel {
  return { name: row.model, sectionId, row, tiers: { ...row.tiers }, fineTuned, rates: {} };
}

function addTokenRows(index: NameIndex<TokenModel>, s: TokenSection): void {
  for (const row of s.rows) {
    const model = tokenModel(s.id as SectionId, row);
    index.add(row.model, model);
    index.add(row.snapshot, model);
  }
}

export function buildModelIndex(catalog: Catalog): ModelIndex {
  const index: ModelIndex = {
    text: new NameIndex(),
    fineTuned: new NameIndex(),
    audio: new NameIndex(),
    imageTokens: new NameIndex(),
    minutes: new NameIndex(),
    characters: new NameIndex(),
    training: new NameIndex(),
    images: new NameIndex(),
  };
  for (const id of ['text', 'transcription_text', 'embeddings', 'moderation', 'other'] as const) {
    addTokenRows(index.text, section<'tokens'>(catalog, id));
  }
  // flex is a tier of the text models it lists
  for (const row of section<'tokens'>(catalog, 'flex').rows) {
    const model = index.text.byKey.get(nameKey(row.model));
    if (!model) throw new Error(`flex row ${row.model} has no text-token row`);
    model.tiers.flex = row.tiers.flex;
  }
  addTokenRows(index.audio, section<'tokens'>(catalog, 'audio'));
  addTokenRows(index.audio, section<'tokens'>(catalog, 'transcription_audio'));
  addTokenRows(index.imageTokens, section<'tokens'>(catalog, 'image_tokens'));

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
  const fineTuning = section<'fine_tuning'>(catalog, 'fine_tuning');
  const suffix = (row: FineTuningRow) => (row.variant ? ` with ${row.variant}` : '');
  for (const row of fineTuning.rows) {
    const model = tokenModel('fine_tuning', row, true);
    model.name = `ft:${row.model}`;
    index.fineTuned.add(row.model, model);
    index.training.add(row.model, row);
    for (const other of pairs.get(nameKey(row.baseModel)) ?? []) {
      index.fineTuned.add(`${other}${suffix(row)}`, model);
      index.training.add(`${other}${suffix(row)}`, row);
    }
  }

  for (const row of section<'tokens'>(catalog, 'transcription_text').rows) {
    if (row.perMinute === undefined) continue;
    index.minutes.add(row.model, {
      name: row.model,
      sectionId: 'transcription_text',
      price: row.perMinute,
    });
  }
  for (const row of section<'unit_prices'>(catalog, 'audio_models').rows) {
    const target = row.unit === 'minute' ? index.minutes : index.characters;
    const model = { name: row.apiId, sectionId: 'audio_models' as SectionId, price: row.price };
    target.add(row.apiId, model);
    target.add(row.model, model);
  }
  const images = new Map<string, ImageModel>();
  for (const row of section<'image_generation'>(catalog, 'image_generation').rows) {
    let model = images.get(row.apiId);
    if (!model) {
      model = { name: row.apiId, apiId: row.apiId, rows: [] };
      images.set(row.apiId, model);
      index.images.add(row.apiId, model);
      index.images.add(row.model, model);
      index.images.add(row.model.replace('·', '-'), model);
    }
    model.rows.push(row);
  }
  return index;
}

let cachedIndex: ModelIndex | null = null;
export function modelIndex(): ModelIndex {
  return (cachedIndex ??= buildModelIndex(CATALOG));
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

/** The message for a name this domain does not know: suggestions, or the function that prices it. */
export function unknownModelMessage(typed: string, domain: Domain, index = modelIndex()): string {
  const key = nameKey(typed);
  const elsewhere = (Object.keys(DOMAIN_FUNCTION) as Domain[]).filter(
    (d) => d !== domain && indexOf(d, index).byKey.has(key),
  );
  if (elsewhere.length > 0) {
    const uses = elsewhere.map((d) => `${DOMAIN_FUNCTION[d]} (${DOMAIN_WHAT[d]})`);
    return `"${typed.trim()}" has no ${DOMAIN_WHAT[domain]} on the pricing page; use ${uses.join(' or ')}`;
  }
  const names = indexOf(domain, index).names;
  const suggestions = closestNames(
    typed,
    domain === 'text' ? [...names, ...index.fineTuned.names.map((n) => `ft:${n}`)] : names,
  );
  const hint =
    suggestions.length > 0
      ? ` (did you mean ${quoteList(suggestions)}?)`
      : ' (OPENAI_MODELS() lists every model the pricing page has)';
  return `unknown model "${typed.trim()}"${hint}`;
}

function lookup<T>(typed: string, domain: Domain, names: NameIndex<T>): T {
  const found = names.get(typed);
  if (found === undefined) throw new PricingError(unknownModelMessage(typed, domain));
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
    const known = closestNames(base, index.fineTuned.names);
    const hint = known.length > 0 ? `did you mean ${quoteList(known.map((n) => `ft:${n}`))}?` : '';
    throw new PricingError(
      `no fine-tuning price for "${typed.trim()}": the pricing page lists fine-tuning for ${[
        ...new Set([...index.fineTuned.byKey.values()].map((m) => m.row.model)),
      ].join(', ')}${hint ? `; ${hint}` : ''}`,
    );
  }
  return found;
}

/** A model priced by text tokens: chat, reasoning, legacy, embeddings, moderation, ft: ids. */
export function resolveTextModel(typed: string): TokenModel {
  const index = modelIndex();
  const found = index.text.get(typed);
  if (found !== undefined) return found;
  if (/^\s*ft:/i.test(typed)) return resolveFineTuned(typed, index);
  throw new PricingError(unknownModelMessage(typed, 'text', index));
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
