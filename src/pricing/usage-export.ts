// The cost of one row of an OpenAI usage export (dashboard completions_usage_*.csv, Usage API
// completions results): how its token columns add up, which prices each part takes, and the cache
// that keeps a 100,000-row export to a few look-ups.
//
// How the columns add up (OpenAI's 2026 spec): input_tokens = cached + cache-write + uncached; the
// uncached part = text + audio + image input; the cached part = cached text + cached audio + cached
// image; output_tokens = text + audio + image output. Before the 2026-07-15 spec input_audio_tokens
// included the cached audio tokens. Audio tokens take the model's audio-token prices, image tokens
// its image-token prices; a model with no image-token price (gpt-4o, gpt-5…) bills image input as
// text input, as OpenAI bills vision input. Cache writes have no modality: text cache-write price.

import type { TierId } from './catalog';
import { tokenMicros } from './cost';
import { checkOneRequest } from './context-window';
import { isoToDay, type Day } from './dates';
import { PricingError } from './errors';
import {
  findTextModel,
  modelIndex,
  pricesOn,
  resolveTextModel,
  type PricedTiers,
  type TokenModel,
} from './models';
import { quote } from './show';
import { billingRates, type TokenRates } from './tiers';
import { ratesForUsage } from './cost';

/** The columns OPENAI_USAGE_COST reads; any other column of the export is ignored. */
export const USAGE_COLUMNS = [
  'start_time',
  'start_time_iso',
  'model',
  'input_tokens',
  'output_tokens',
  'num_model_requests',
  'batch',
  'service_tier',
  'input_cached_tokens',
  'input_cache_write_tokens',
  'input_text_tokens',
  'input_audio_tokens',
  'input_cached_audio_tokens',
  'output_audio_tokens',
  'input_image_tokens',
  'input_cached_image_tokens',
  'output_image_tokens',
] as const;

export type UsageColumn = (typeof USAGE_COLUMNS)[number];

export const USAGE_REQUIRED: readonly UsageColumn[] = ['model', 'input_tokens', 'output_tokens'];

/** The token columns: a row with none of them filled and no model is an empty day. */
export const USAGE_TOKEN_COLUMNS: readonly UsageColumn[] = USAGE_COLUMNS.filter((c) =>
  c.endsWith('_tokens'),
);

/** Token counts of one export row as it reports them (blank = 0). */
export interface ExportTokens {
  input: number;
  output: number;
  cached: number;
  cacheWrite: number;
  /** num_model_requests; NaN when the row does not say */
  requests: number;
  /** input_text_tokens; NaN when the row does not say (it tells which audio rule the row uses) */
  textInput: number;
  audioInput: number;
  cachedAudio: number;
  audioOutput: number;
  imageInput: number;
  cachedImage: number;
  imageOutput: number;
}

/** From this day on input_audio_tokens counts uncached audio only (OpenAI's 2026-07-15 spec). */
const AUDIO_UNCACHED_SINCE: Day = isoToDay('2026-07-15')!;

/**
 * Whether the row's input_audio_tokens include its cached audio tokens. A row with
 * input_text_tokens tells by which reading adds up to the uncached input; otherwise the row's day
 * decides (before 2026-07-15 they did).
 */
export function audioIncludesCached(t: ExportTokens, uncached: number, day: Day | null): boolean {
  if (t.cachedAudio === 0) return false; // both readings agree
  if (t.textInput === t.textInput) {
    const parts = t.textInput + t.audioInput + t.imageInput;
    if (parts === uncached) return false;
    if (parts - t.cachedAudio === uncached) return true;
  }
  return day !== null && day < AUDIO_UNCACHED_SINCE;
}

const count = (n: number) => n.toLocaleString('en-US');

/** A model's prices on a day in a tier; null when it has no price of that kind (audio, image). */
interface Billing {
  priced: PricedTiers;
  rates: TokenRates;
}
type Found = Billing | PricingError | null;

function billing(model: TokenModel | undefined, day: Day | null, tier: TierId): Found {
  if (!model) return null;
  try {
    const priced = pricesOn(model, day);
    return { priced, rates: billingRates(priced, tier) };
  } catch (error) {
    if (error instanceof PricingError) return error;
    throw error;
  }
}

/** What one (model, day, tier) of an export is billed at; the audio and image parts on first use. */
class ModelOnDay {
  private audioFound: Found | undefined;
  private imageFound: Found | undefined;
  readonly text: Found;
  readonly textModel: TokenModel | undefined;
  /** the model is in no price index: the text look-up's error (with its suggestions) */
  readonly unknown: PricingError | null = null;

  constructor(
    readonly typed: string,
    readonly day: Day | null,
    readonly tier: TierId,
  ) {
    this.textModel = findTextModel(typed);
    this.text = billing(this.textModel, day, tier);
    if (!this.textModel && !modelIndex().audio.get(typed) && !modelIndex().imageTokens.get(typed)) {
      try {
        resolveTextModel(typed);
      } catch (error) {
        if (!(error instanceof PricingError)) throw error;
        this.unknown = error;
      }
    }
  }

  audio(): Found {
    return (this.audioFound ??= billing(modelIndex().audio.get(this.typed), this.day, this.tier));
  }

  image(): Found {
    return (this.imageFound ??= billing(
      modelIndex().imageTokens.get(this.typed),
      this.day,
      this.tier,
    ));
  }
}

function missing(name: string, tier: TierId, what: string, tokens: number): PricingError {
  const where = tier === 'standard' ? '' : ` in the ${tier} tier`;
  return new PricingError(
    `${name} has no ${what} price${where} (not offered) for the row's ${count(tokens)} ${what} tokens`,
  );
}

/** Pico-dollars (micro-dollars × 1M) of token counts at rates, or an error naming the missing price. */
function partMicros(
  name: string,
  tier: TierId,
  rates: Omit<TokenRates, 'longContext'>,
  kind: string,
  uncached: number,
  cached: number,
  cacheWrite: number,
  output: number,
): number {
  const micros = tokenMicros(rates, uncached + cached + cacheWrite, output, cached, cacheWrite);
  if (micros === micros) return micros;
  if (uncached > 0 && rates.input === null) throw missing(name, tier, `${kind}input`, uncached);
  if (cached > 0 && rates.cachedInput === null)
    throw missing(name, tier, `cached ${kind}input`, cached);
  if (cacheWrite > 0 && rates.cacheWrite === null)
    throw missing(name, tier, `${kind}cache-write`, cacheWrite);
  throw missing(name, tier, `${kind}output`, output);
}

function noPriceOfKind(typed: string, kind: string, tokens: number): PricingError {
  return new PricingError(
    `${quote(typed.trim())} has no ${kind}-token price: the row has ${count(tokens)} ${kind} tokens`,
  );
}

/** The (model, day, tier) combinations a call remembers at most; then it starts afresh (an
 * export is sorted by day, so the days it has passed are not asked again). */
const MAX_REMEMBERED = 5000;

/**
 * Prices export rows. One per call: it remembers each (model, day, tier) it has looked up, so an
 * export's repeated models cost one Map.get per row.
 */
export class UsageRowPricer {
  private readonly byDayTier = new Map<number, Map<string, ModelOnDay>>();
  private lastKey = NaN;
  private last: Map<string, ModelOnDay> = new Map();
  private remembered = 0;

  private lookUp(typed: string, day: Day | null, tier: TierId): ModelOnDay {
    const key = (day === null ? -1 : day) * 4 + TIER_INDEX[tier];
    if (this.remembered >= MAX_REMEMBERED) {
      this.byDayTier.clear();
      this.remembered = 0;
      this.lastKey = NaN;
    }
    if (key !== this.lastKey) {
      let models = this.byDayTier.get(key);
      if (!models) this.byDayTier.set(key, (models = new Map()));
      this.last = models;
      this.lastKey = key;
    }
    let found = this.last.get(typed);
    if (!found) {
      found = new ModelOnDay(typed, day, tier);
      this.last.set(typed, found);
      this.remembered++;
    }
    return found;
  }

  /**
   * The row's cost in pico-dollars (USD × 1e12; an integer for whole token counts); a PricingError
   * when it cannot be priced, whose message says why.
   */
  micros(typed: string, day: Day | null, tier: TierId, t: ExportTokens): number {
    const on = this.lookUp(typed, day, tier);
    if (on.unknown) throw on.unknown;
    const { input, output, cached, cacheWrite, requests } = t;
    if (cached + cacheWrite > input) {
      throw new PricingError(
        cacheWrite > 0
          ? `input_cached_tokens (${count(cached)}) plus input_cache_write_tokens (${count(cacheWrite)}) exceed input_tokens (${count(input)}): they are part of it`
          : `input_cached_tokens (${count(cached)}) exceed input_tokens (${count(input)}): they are part of it`,
      );
    }
    if (requests === requests && !(requests > 0) && input + output > 0) {
      throw new PricingError(
        `num_model_requests is ${requests}; a row with tokens needs 1 or more`,
      );
    }
    const uncached = input - cached - cacheWrite;
    let audioInput = t.audioInput;
    if (audioIncludesCached(t, uncached, day)) {
      audioInput -= t.cachedAudio;
      if (audioInput < 0) {
        throw new PricingError(
          `input_audio_tokens (${count(t.audioInput)}) are fewer than input_cached_audio_tokens (${count(t.cachedAudio)}), which they include before 2026-07-15`,
        );
      }
    }
    let textInput = uncached - audioInput - t.imageInput;
    let textCached = cached - t.cachedAudio - t.cachedImage;
    const textOutput = output - t.audioOutput - t.imageOutput;
    if (textInput < 0) {
      throw new PricingError(
        `input_audio_tokens plus input_image_tokens (${count(audioInput + t.imageInput)}) exceed the uncached input tokens (${count(uncached)})`,
      );
    }
    if (textCached < 0) {
      throw new PricingError(
        `input_cached_audio_tokens plus input_cached_image_tokens (${count(t.cachedAudio + t.cachedImage)}) exceed input_cached_tokens (${count(cached)})`,
      );
    }
    if (textOutput < 0) {
      throw new PricingError(
        `output_audio_tokens plus output_image_tokens (${count(t.audioOutput + t.imageOutput)}) exceed output_tokens (${count(output)})`,
      );
    }

    let total = 0;
    if (t.imageInput + t.cachedImage + t.imageOutput > 0) {
      const image = on.image();
      if (image instanceof PricingError) throw image;
      if (image) {
        total += partMicros(
          image.priced.name,
          tier,
          image.rates,
          'image ',
          t.imageInput,
          t.cachedImage,
          0,
          t.imageOutput,
        );
      } else if (t.imageOutput > 0) {
        throw noPriceOfKind(typed, 'output image', t.imageOutput);
      } else {
        // vision input of a model without image-token prices is billed as its text input
        textInput += t.imageInput;
        textCached += t.cachedImage;
      }
    }
    const audioTokens = audioInput + t.cachedAudio + t.audioOutput;
    if (audioTokens > 0) {
      const audio = on.audio();
      if (audio instanceof PricingError) throw audio;
      if (!audio) throw noPriceOfKind(typed, 'audio', audioTokens);
      total += partMicros(
        audio.priced.name,
        tier,
        audio.rates,
        'audio ',
        audioInput,
        t.cachedAudio,
        0,
        t.audioOutput,
      );
    }
    const text = on.text;
    if (text instanceof PricingError) throw text;
    if (text && on.textModel) {
      if (requests !== requests) checkOneRequest(on.textModel, input, 'num_model_requests');
      // long context: the row's average request, all its input tokens counted
      const rates = ratesForUsage(text.priced, tier, input, requests === requests ? requests : 1);
      total += partMicros(
        text.priced.name,
        tier,
        rates,
        '',
        textInput,
        textCached,
        cacheWrite,
        textOutput,
      );
    } else if (textInput + textCached + cacheWrite + textOutput > 0) {
      throw noPriceOfKind(typed, 'text', textInput + textCached + cacheWrite + textOutput);
    }
    if (total === Infinity) {
      throw new PricingError('the cost is too large to compute: check the token counts');
    }
    return total;
  }
}

const TIER_INDEX: Record<TierId, number> = { standard: 0, batch: 1, flex: 2, priority: 3 };
