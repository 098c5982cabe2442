// Cost custom functions. Each converts its cells, lets src/pricing do the math, and works on single
// values or whole ranges alike (see ../ranges.ts). The JSDoc above each function is what the
// Sheets formula helper shows: the build copies it above the generated top-level wrapper.

import {
  charactersCost,
  imagePrice,
  perUnitCost,
  tokenCost,
  toolCost,
  trainingCost,
  unitCost,
} from '../../pricing/cost';
import {
  findTextModel,
  modelIndex,
  resolveAudioModel,
  resolveCharactersModel,
  resolveImageModel,
  resolveImageTokensModel,
  resolveMinutesModel,
  pricesOn,
  resolveTextModel,
  resolveTrainingModel,
  type TokenModel,
} from '../../pricing/models';
import { parseTier } from '../../pricing/tiers';
import { resolveTool } from '../../pricing/tools';
import { checkOneRequest } from '../../pricing/context-window';
import { isBlank, optionalText, quantity as readQuantity, requiredText } from '../cells';
import { dayReader } from '../dates';
import { memoized, remembering } from '../memo';
import { mapCells } from '../ranges';
import { tokenCostColumns } from './token-columns';

const TOKEN_ARGS = [
  'model',
  'input_tokens',
  'output_tokens',
  'tier',
  'cached_input_tokens',
  'date',
  'requests',
  'cache_write_tokens',
];

/** Tier cells repeat a handful of spellings (often one scalar): parse each spelling once. */
const tierReader = () => remembering(parseTier);

/**
 * Token costs over cells or ranges. args: model, input, output, tier, cached, date, requests,
 * cache writes (the last three only for text tokens).
 */
function tokenCostOver(
  args: unknown[],
  names: string[],
  resolve: (model: string) => TokenModel,
  find: (model: string) => TokenModel | undefined,
  kind: string,
): unknown {
  const tierOf = tierReader();
  const dayOf = dayReader();
  const oneRequestFits = names[6] === 'requests';
  const computeRow = (cells: unknown[]) => {
    const model = resolve(requiredText(cells[0], 'model'));
    const priced = pricesOn(model, dayOf(cells[5]));
    const input = readQuantity(cells[1], names[1]);
    if (oneRequestFits && isBlank(cells[6])) checkOneRequest(model, input, 'requests');
    return tokenCost(
      priced,
      tierOf(cells[3]),
      {
        input,
        output: readQuantity(cells[2], names[2]),
        cached: readQuantity(cells[4], names[4]),
        requests: readQuantity(cells[6], 'requests', 1),
        cacheWrite: readQuantity(cells[7], 'cache_write_tokens'),
      },
      kind,
    );
  };
  return (
    tokenCostColumns(args, { find, tierOf, dayOf, computeRow, oneRequestFits }) ??
    mapCells(names, args, computeRow)
  );
}

/**
 * Cost in USD of text tokens for any token-priced model (chat, reasoning, legacy, embeddings,
 * moderation, transcription/speech text, ft: fine-tuned ids). Works on single cells or whole columns.
 *
 * @param {string|Array<Array<string>>} model Model id, e.g. "gpt-5", "gpt-4.1-2025-04-14" or "ft:gpt-4o-mini-2024-07-18:org::id"; or a range of them.
 * @param {number|Array<Array<number>>} input_tokens Input (prompt) tokens, including cached and cache-write ones; blank counts as 0.
 * @param {number|Array<Array<number>>} output_tokens Output (completion) tokens, reasoning tokens included; blank counts as 0.
 * @param {string|Array<Array<string>>} [tier] "standard" (default), "batch" (Batch API, 50% off), "flex" or "priority".
 * @param {number|Array<Array<number>>} [cached_input_tokens] The part of input_tokens served from the prompt cache.
 * @param {Date|string|Array<Array<Date>>} [date] Prices in force on this day (a date or "2026-07-30"); blank: current prices.
 * @param {number|Array<Array<number>>} [requests] How many requests the row sums (long-context pricing looks at the average request); default 1.
 * @param {number|Array<Array<number>>} [cache_write_tokens] The part of input_tokens written to the prompt cache (gpt-5.6, gpt-6).
 * @return {number|Array<Array<number>>} Cost in USD; a range in gives a range out, blank rows stay blank.
 * @customfunction
 */
export function OPENAI_COST(
  model: unknown,
  input_tokens: unknown,
  output_tokens: unknown,
  tier?: unknown,
  cached_input_tokens?: unknown,
  date?: unknown,
  requests?: unknown,
  cache_write_tokens?: unknown,
): unknown {
  return tokenCostOver(
    [
      model,
      input_tokens,
      output_tokens,
      tier,
      cached_input_tokens,
      date,
      requests,
      cache_write_tokens,
    ],
    TOKEN_ARGS,
    resolveTextModel,
    findTextModel,
    '',
  );
}

/**
 * Cost in USD of audio tokens (the "Audio tokens" tables: realtime, audio, transcription and
 * speech models).
 *
 * @param {string|Array<Array<string>>} model Model id, e.g. "gpt-realtime" or "gpt-4o-transcribe".
 * @param {number|Array<Array<number>>} audio_input_tokens Audio input tokens, including cached ones; blank counts as 0.
 * @param {number|Array<Array<number>>} audio_output_tokens Audio output tokens; blank counts as 0.
 * @param {string|Array<Array<string>>} [tier] "standard" (default); audio tokens have no Batch or flex price.
 * @param {number|Array<Array<number>>} [cached_audio_input_tokens] The part of audio_input_tokens served from the cache.
 * @param {Date|string|Array<Array<Date>>} [date] Prices in force on this day; blank: current prices.
 * @return {number|Array<Array<number>>} Cost in USD.
 * @customfunction
 */
export function OPENAI_AUDIO_COST(
  model: unknown,
  audio_input_tokens: unknown,
  audio_output_tokens: unknown,
  tier?: unknown,
  cached_audio_input_tokens?: unknown,
  date?: unknown,
): unknown {
  return tokenCostOver(
    [model, audio_input_tokens, audio_output_tokens, tier, cached_audio_input_tokens, date],
    [
      'model',
      'audio_input_tokens',
      'audio_output_tokens',
      'tier',
      'cached_audio_input_tokens',
      'date',
    ],
    resolveAudioModel,
    (m) => modelIndex().audio.get(m),
    'audio ',
  );
}

/**
 * Cost in USD of image tokens (the "Image tokens" table, e.g. gpt-image-1, gpt-image-2).
 *
 * @param {string|Array<Array<string>>} model Model id, e.g. "gpt-image-1".
 * @param {number|Array<Array<number>>} image_input_tokens Image input tokens, including cached ones; blank counts as 0.
 * @param {number|Array<Array<number>>} image_output_tokens Image output tokens; blank counts as 0.
 * @param {string|Array<Array<string>>} [tier] "standard" (default); image tokens have no Batch or flex price.
 * @param {number|Array<Array<number>>} [cached_image_input_tokens] The part of image_input_tokens served from the cache.
 * @param {Date|string|Array<Array<Date>>} [date] Prices in force on this day; blank: current prices.
 * @return {number|Array<Array<number>>} Cost in USD.
 * @customfunction
 */
export function OPENAI_IMAGE_TOKENS_COST(
  model: unknown,
  image_input_tokens: unknown,
  image_output_tokens: unknown,
  tier?: unknown,
  cached_image_input_tokens?: unknown,
  date?: unknown,
): unknown {
  return tokenCostOver(
    [model, image_input_tokens, image_output_tokens, tier, cached_image_input_tokens, date],
    [
      'model',
      'image_input_tokens',
      'image_output_tokens',
      'tier',
      'cached_image_input_tokens',
      'date',
    ],
    resolveImageTokensModel,
    (m) => modelIndex().imageTokens.get(m),
    'image ',
  );
}

/**
 * Cost in USD of generated images: the per-image price for a quality and size, times the number of
 * images.
 *
 * @param {string|Array<Array<string>>} model "gpt-image-1", "dall-e-3" or "dall-e-2" (display names like "DALL·E 3" work too).
 * @param {string|Array<Array<string>>} quality "low", "medium" or "high" (GPT Image 1); "standard" or "hd" (DALL·E 3); "standard" (DALL·E 2).
 * @param {string|Array<Array<string>>} size Image size, e.g. "1024x1536" ("1024×1536" and "1024 x 1536" work too).
 * @param {number|Array<Array<number>>} [images] Number of images; default 1.
 * @return {number|Array<Array<number>>} Cost in USD.
 * @customfunction
 */
export function OPENAI_IMAGE_COST(
  model: unknown,
  quality: unknown,
  size: unknown,
  images?: unknown,
): unknown {
  // model, quality and size repeat down a column: look each triple up once, its error too
  const priceOf = memoized(
    (cells) =>
      imagePrice(
        resolveImageModel(requiredText(cells[0], 'model')),
        requiredText(cells[1], 'quality'),
        requiredText(cells[2], 'size'),
      ),
    [0, 1, 2],
  );
  return mapCells(['model', 'quality', 'size', 'images'], [model, quality, size, images], (cells) =>
    unitCost(priceOf(cells), readQuantity(cells[3], 'images', 1)),
  );
}

/**
 * Cost in USD of audio minutes: Whisper, and the transcription and speech models whose page row
 * gives an estimated cost per minute.
 *
 * @param {string|Array<Array<string>>} model "whisper-1", "gpt-4o-transcribe", "gpt-4o-mini-transcribe" or "gpt-4o-mini-tts".
 * @param {number|Array<Array<number>>} minutes Minutes of audio; blank counts as 0.
 * @return {number|Array<Array<number>>} Cost in USD.
 * @customfunction
 */
export function OPENAI_MINUTES_COST(model: unknown, minutes: unknown): unknown {
  return mapCells(['model', 'minutes'], [model, minutes], (cells) =>
    perUnitCost(
      resolveMinutesModel(requiredText(cells[0], 'model')),
      readQuantity(cells[1], 'minutes'),
    ),
  );
}

/**
 * Cost in USD of text-to-speech with TTS or TTS HD, priced per 1M characters.
 *
 * @param {string|Array<Array<string>>} model "tts-1" or "tts-1-hd" ("TTS" and "TTS HD" work too).
 * @param {number|Array<Array<number>>} characters Characters of input text; blank counts as 0.
 * @return {number|Array<Array<number>>} Cost in USD.
 * @customfunction
 */
export function OPENAI_TTS_COST(model: unknown, characters: unknown): unknown {
  return mapCells(['model', 'characters'], [model, characters], (cells) =>
    charactersCost(
      resolveCharactersModel(requiredText(cells[0], 'model')),
      readQuantity(cells[1], 'characters'),
    ),
  );
}

/**
 * Cost in USD of fine-tuning training.
 *
 * @param {string|Array<Array<string>>} model The base model being fine-tuned, e.g. "gpt-4o-mini-2024-07-18" or "gpt-4.1".
 * @param {number|Array<Array<number>>} quantity Training tokens (dataset tokens × epochs) for per-token models; hours for per-hour models (o4-mini).
 * @return {number|Array<Array<number>>} Cost in USD.
 * @customfunction
 */
export function OPENAI_TRAINING_COST(model: unknown, quantity: unknown): unknown {
  return mapCells(['model', 'quantity'], [model, quantity], (cells) =>
    trainingCost(
      resolveTrainingModel(requiredText(cells[0], 'model')),
      readQuantity(cells[1], 'quantity'),
    ),
  );
}

/**
 * Cost in USD of built-in tools: code interpreter containers, file search tool calls, file search
 * storage (GB-days after the free GB) and web search calls (priced by model family).
 *
 * @param {string|Array<Array<string>>} tool "code interpreter", "file search", "file search storage" or "web search".
 * @param {number|Array<Array<number>>} quantity Containers, tool calls, or GB-days billed; blank counts as 0.
 * @param {string|Array<Array<string>>} [model] The model that calls web search, e.g. "gpt-4.1" or "o3" (required for web search).
 * @return {number|Array<Array<number>>} Cost in USD.
 * @customfunction
 */
export function OPENAI_TOOL_COST(tool: unknown, quantity: unknown, model?: unknown): unknown {
  // tool and model repeat down a column: resolve each pair once, its error too
  const toolRow = memoized(
    (cells) => resolveTool(requiredText(cells[0], 'tool'), optionalText(cells[2], 'model')),
    [0, 2],
  );
  return mapCells(['tool', 'quantity', 'model'], [tool, quantity, model], (cells) =>
    toolCost(toolRow(cells), readQuantity(cells[1], 'quantity')),
  );
}
