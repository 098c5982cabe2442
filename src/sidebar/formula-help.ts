// The "Formula help" page: each custom function with one example and its optional arguments. A
// test checks that every OPENAI_ function of the bundle is listed once.

export const FORMULA_HELP: [example: string, what: string][] = [
  [
    '=OPENAI_COST("gpt-5", 1200, 350)',
    'Text tokens. Optional: tier ("standard", "batch", "flex", "priority"), cached_input_tokens, date (prices of that day), requests (long context per average request), cache_write_tokens.',
  ],
  [
    '=OPENAI_AUDIO_COST("gpt-realtime", 100000, 20000)',
    'Audio tokens. Optional: tier, cached_audio_input_tokens, date.',
  ],
  [
    '=OPENAI_IMAGE_TOKENS_COST("gpt-image-1", 1000, 4160)',
    'Image tokens. Optional: tier, cached_image_input_tokens, date.',
  ],
  ['=OPENAI_IMAGE_COST("dall-e-3", "hd", "1792x1024")', 'Generated images.'],
  ['=OPENAI_MINUTES_COST("whisper-1", 90)', 'Transcription, per minute.'],
  ['=OPENAI_TTS_COST("tts-1", 100000)', 'Speech, per character.'],
  ['=OPENAI_TRAINING_COST("o4-mini-2025-04-16", 2.5)', 'Fine-tuning training.'],
  ['=OPENAI_TOOL_COST("web search", 2000, "gpt-4.1")', 'Built-in tool calls.'],
  [
    '=OPENAI_PRICE("gpt-5.6-luna", "output", "standard", "2026-07-29")',
    'One price, USD per 1M tokens; also cache_write and long_context_* prices; optional date.',
  ],
  ['=OPENAI_MODELS("text", "2026-01-01")', 'Model ids of a category; optional date.'],
  [
    '=OPENAI_PRICE_TABLE("text", "batch", "2025-06-26")',
    'A whole price table ("retired" for retired models); optional date.',
  ],
  [
    '=OPENAI_COMPARE(1500, 400)',
    'Every current text model for a workload, cheapest first; optional tier, cached tokens, date.',
  ],
  ['=OPENAI_PRICES_AS_OF(D1)', 'The date of the newest price data (D1: any refresh cell).'],
  [
    '=OPENAI_FORECAST("gpt-5.4-mini", 1000, 1500, 400)',
    'Twelve monthly costs of a workload; with a start month, each month at its own prices.',
  ],
  ['=OPENAI_TOKENS("Hello, world!", "gpt-4o")', 'Exact token count of text.'],
  [
    '=OPENAI_USAGE_COST(Usage!A1:Z)',
    'The cost of each row of an OpenAI usage export, header row included: columns by name (model, input_tokens, output_tokens; start_time, batch, service_tier, num_model_requests, cached, cache-write, audio and image columns when present).',
  ],
  [
    '=OPENAI_RECONCILE(Usage!A1:Z, Costs!A1:P)',
    "Computed cost vs OpenAI's cost export per UTC day, with the difference and a status; optional tolerance in USD.",
  ],
];
