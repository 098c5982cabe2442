/** Every function of the formula reference (../shared/spec/functions.md), kept here independently of src/. */
export const SPEC_FUNCTIONS = [
  'OPENAI_COST',
  'OPENAI_AUDIO_COST',
  'OPENAI_IMAGE_TOKENS_COST',
  'OPENAI_IMAGE_COST',
  'OPENAI_MINUTES_COST',
  'OPENAI_TTS_COST',
  'OPENAI_TRAINING_COST',
  'OPENAI_TOOL_COST',
  'OPENAI_PRICE',
  'OPENAI_MODELS',
  'OPENAI_PRICE_TABLE',
  'OPENAI_COMPARE',
  'OPENAI_PRICES_AS_OF',
  'OPENAI_FORECAST',
  'OPENAI_TOKENS',
];
