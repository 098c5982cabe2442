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
import { contextWindowOf, oneRequestProblem } from './context-window';
import type { Day } from './dates';
import { PricingError } from './errors';
import {
  findTextModel,
  modelIndex,
  pricesOn,
  resolveTextModel,
  type PricedTiers,
  type TokenModel,
} from './models';
import { quote, shownCount } from './show';
import { billingRates, type TokenRates } from './tiers';
import { averageInput, ratesForUsage } from './cost';

/** The columns OPENAI_USAGE_COST reads; any other column of the export is ignored. */
export const USAGE_COST_COLUMNS = [
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

export type UsageColumn = (typeof USAGE_COST_COLUMNS)[number];

export const USAGE_REQUIRED: readonly UsageColumn[] = ['model', 'input_tokens', 'output_tokens'];

/** The token columns (the *_tokens ones): a row with none of them filled and no model is an empty day. */
export const USAGE_TOKEN_COLUMNS: readonly UsageColumn[] = USAGE_COST_COLUMNS.filter((column) =>
  column.endsWith('_tokens'),
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

/** A row with no tokens: every count 0, requests and text input not given. */
export function noTokens(): ExportTokens {
  return {
    input: 0,
    output: 0,
    cached: 0,
    cacheWrite: 0,
    requests: NaN,
    textInput: NaN,
    audioInput: 0,
    cachedAudio: 0,
    audioOutput: 0,
    imageInput: 0,
    cachedImage: 0,
    imageOutput: 0,
  };
}

/** From this day on input_audio_tokens counts uncached audio only (OpenAI's 2026-07-15 spec). */
export const AUDIO_UNCACHED_SINCE: Day = 20649; // 2026-07-15 (a literal: no work at load)

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

const count = shownCount;

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
  readonly unknown: NotPriced | null = null;

  constructor(
    readonly typed: string,
    readonly day: Day | null,
    readonly tier: TierId,
    unknownModel: (typed: string) => NotPriced,
  ) {
    this.textModel = findTextModel(typed);
    this.text = billing(this.textModel, day, tier);
    if (!this.textModel && !modelIndex().audio.get(typed) && !modelIndex().imageTokens.get(typed)) {
      this.unknown = unknownModel(typed);
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

function missing(name: string, tier: TierId, what: string, tokens: number): string {
  const where = tier === 'standard' ? '' : ` in the ${tier} tier`;
  return `${name} has no ${what} price${where} (not offered) for the row's ${count(tokens)} ${what} tokens`;
}

/** Why token counts at rates cost NaN: the first price they need that is not offered. */
function missingPrice(
  name: string,
  tier: TierId,
  rates: Omit<TokenRates, 'longContext'>,
  kind: string,
  uncached: number,
  cached: number,
  cacheWrite: number,
  output: number,
): string {
  if (uncached > 0 && rates.input === null) return missing(name, tier, `${kind}input`, uncached);
  if (cached > 0 && rates.cachedInput === null)
    return missing(name, tier, `cached ${kind}input`, cached);
  if (cacheWrite > 0 && rates.cacheWrite === null)
    return missing(name, tier, `${kind}cache-write`, cacheWrite);
  return missing(name, tier, `${kind}output`, output);
}

function noPriceOfKind(typed: string, kind: string, tokens: number): string {
  return `${quote(typed.trim())} has no ${kind}-token price: the row has ${count(tokens)} ${kind} tokens`;
}

/** Why a row is not priced: an error of the catalog look-ups, or the row's own problem as text. */
export type NotPriced = PricingError | string;

/**
 * Each unknown name's "did you mean" costs an edit-distance search over the catalog's names
 * (milliseconds): an export of 100,000 distinct unknown ids gets suggestions for the first ones.
 */
const MAX_SUGGESTED = 100;

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
  private readonly unknownNames = new Map<string, NotPriced>();

  private unknownModel = (typed: string): NotPriced => {
    let error = this.unknownNames.get(typed);
    if (error === undefined) {
      if (this.unknownNames.size < MAX_SUGGESTED) {
        try {
          resolveTextModel(typed);
          throw new Error(`${typed} is a text model`); // findTextModel said it is not
        } catch (thrown) {
          if (!(thrown instanceof PricingError)) throw thrown;
          error = thrown;
        }
      } else {
        error = `unknown model ${quote(typed.trim())} (OPENAI_MODELS() lists every model the catalog has)`;
      }
      if (this.unknownNames.size < 10 * MAX_SUGGESTED) this.unknownNames.set(typed, error);
    }
    return error;
  };

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
      found = new ModelOnDay(typed, day, tier, this.unknownModel);
      this.last.set(typed, found);
      this.remembered++;
    }
    return found;
  }

  /** why the last row given to micros() is not priced, when it returned NaN */
  problem: NotPriced = '';

  private fail(problem: NotPriced): number {
    this.problem = problem;
    return NaN;
  }

  /** The cost of `parts` at `billing`'s rates (pico-dollars); NaN with the problem set if a price is missing. */
  private part(
    billing: Billing,
    rates: Omit<TokenRates, 'longContext'>,
    tier: TierId,
    kind: string,
    uncached: number,
    cached: number,
    cacheWrite: number,
    output: number,
  ): number {
    const micros = tokenMicros(rates, uncached + cached + cacheWrite, output, cached, cacheWrite);
    if (micros === micros) return micros;
    const name = billing.priced.name;
    return this.fail(missingPrice(name, tier, rates, kind, uncached, cached, cacheWrite, output));
  }

  /**
   * The row's cost in pico-dollars (USD × 1e12; an integer for whole token counts), or NaN when
   * it cannot be priced: `problem` says why. No exception per bad row: an export of 100,000 bad
   * rows would pay for 100,000 stack traces.
   */
  micros(typed: string, day: Day | null, tier: TierId, t: ExportTokens): number {
    const on = this.lookUp(typed, day, tier);
    if (on.unknown) return this.fail(on.unknown);
    const { input, output, cached, cacheWrite, requests } = t;
    if (cached + cacheWrite > input) {
      return this.fail(
        cacheWrite > 0
          ? `input_cached_tokens (${count(cached)}) plus input_cache_write_tokens (${count(cacheWrite)}) exceed input_tokens (${count(input)}): they are part of it`
          : `input_cached_tokens (${count(cached)}) exceed input_tokens (${count(input)}): they are part of it`,
      );
    }
    if (requests === requests && !(requests >= 1) && input + output > 0) {
      return this.fail(`num_model_requests is ${requests}; a row with tokens needs 1 or more`);
    }
    const uncached = input - cached - cacheWrite;
    let audioInput = t.audioInput;
    if (audioIncludesCached(t, uncached, day)) {
      audioInput -= t.cachedAudio;
      if (audioInput < 0) {
        return this.fail(
          `input_audio_tokens (${count(t.audioInput)}) are fewer than input_cached_audio_tokens (${count(t.cachedAudio)}), which they include before 2026-07-15`,
        );
      }
    }
    let textInput = uncached - audioInput - t.imageInput;
    let textCached = cached - t.cachedAudio - t.cachedImage;
    const textOutput = output - t.audioOutput - t.imageOutput;
    if (textInput < 0) {
      return this.fail(
        `input_audio_tokens plus input_image_tokens (${count(audioInput + t.imageInput)}) exceed the uncached input tokens (${count(uncached)})`,
      );
    }
    if (textCached < 0) {
      return this.fail(
        `input_cached_audio_tokens plus input_cached_image_tokens (${count(t.cachedAudio + t.cachedImage)}) exceed input_cached_tokens (${count(cached)})`,
      );
    }
    if (textOutput < 0) {
      return this.fail(
        `output_audio_tokens plus output_image_tokens (${count(t.audioOutput + t.imageOutput)}) exceed output_tokens (${count(output)})`,
      );
    }

    let total = 0;
    if (t.imageInput + t.cachedImage + t.imageOutput > 0) {
      const image = on.image();
      if (image instanceof PricingError) return this.fail(image);
      if (image) {
        const { imageInput, cachedImage, imageOutput } = t;
        total += this.part(
          image,
          image.rates,
          tier,
          'image ',
          imageInput,
          cachedImage,
          0,
          imageOutput,
        );
      } else if (t.imageOutput > 0) {
        return this.fail(noPriceOfKind(typed, 'output image', t.imageOutput));
      } else {
        // vision input of a model without image-token prices is billed as its text input
        textInput += t.imageInput;
        textCached += t.cachedImage;
      }
    }
    const audioTokens = audioInput + t.cachedAudio + t.audioOutput;
    if (audioTokens > 0) {
      const audio = on.audio();
      if (audio instanceof PricingError) return this.fail(audio);
      if (!audio) return this.fail(noPriceOfKind(typed, 'audio', audioTokens));
      total += this.part(
        audio,
        audio.rates,
        tier,
        'audio ',
        audioInput,
        t.cachedAudio,
        0,
        t.audioOutput,
      );
    }
    const text = on.text;
    if (text instanceof PricingError) return this.fail(text);
    if (text && on.textModel) {
      if (requests !== requests) {
        const window = contextWindowOf(on.textModel);
        if (window !== null && input > window) {
          return this.fail(
            oneRequestProblem(on.textModel.name, window, input, 'num_model_requests'),
          );
        }
      }
      // long context: the row's average request, all its input tokens counted
      let rates: Omit<TokenRates, 'longContext'>;
      try {
        rates = ratesForUsage(
          text.priced,
          tier,
          averageInput(input, requests === requests ? requests : 1),
        );
      } catch (error) {
        if (error instanceof PricingError) return this.fail(error);
        throw error;
      }
      total += this.part(text, rates, tier, '', textInput, textCached, cacheWrite, textOutput);
    } else if (textInput + textCached + cacheWrite + textOutput > 0) {
      return this.fail(
        noPriceOfKind(typed, 'text', textInput + textCached + cacheWrite + textOutput),
      );
    }
    if (total === Infinity)
      return this.fail('the cost is too large to compute: check the token counts');
    return total; // NaN when a part set the problem
  }
}

const TIER_INDEX: Record<TierId, number> = { standard: 0, batch: 1, flex: 2, priority: 3 };
