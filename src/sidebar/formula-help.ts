// The "Formula help" page: each custom function with one example. A test checks that every
// OPENAI_ function of the bundle is listed once.

export const FORMULA_HELP: [example: string, what: string][] = [
  ['=OPENAI_COST("gpt-4.1", 1200, 350)', 'Text tokens; tier and cached tokens optional.'],
  ['=OPENAI_AUDIO_COST("gpt-4o-realtime-preview", 100000, 20000)', 'Audio tokens.'],
  ['=OPENAI_IMAGE_TOKENS_COST("gpt-image-1", 1000, 4160)', 'Image tokens.'],
  ['=OPENAI_IMAGE_COST("dall-e-3", "hd", "1792x1024")', 'Generated images.'],
  ['=OPENAI_MINUTES_COST("whisper-1", 90)', 'Transcription, per minute.'],
  ['=OPENAI_TTS_COST("tts-1", 100000)', 'Speech, per character.'],
  ['=OPENAI_TRAINING_COST("o4-mini-2025-04-16", 2.5)', 'Fine-tuning training.'],
  ['=OPENAI_TOOL_COST("web search", 2000, "gpt-4.1")', 'Built-in tool calls.'],
  ['=OPENAI_PRICE("gpt-4o", "output", "batch")', 'One price, USD per 1M tokens.'],
  ['=OPENAI_MODELS("flex")', 'Model ids of a category.'],
  ['=OPENAI_PRICE_TABLE("embeddings", "batch")', 'A whole price table.'],
  ['=OPENAI_COMPARE(1500, 400)', 'Every text model for a workload, cheapest first.'],
  ['=OPENAI_PRICES_AS_OF()', 'The date of the price snapshot.'],
  ['=OPENAI_FORECAST("gpt-4o", 1000, 1500, 400)', 'Twelve monthly costs of a workload.'],
  ['=OPENAI_TOKENS("Hello, world!", "gpt-4o")', 'Exact token count of text.'],
];
