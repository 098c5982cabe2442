// Which formulas the sidebar may put into a cell: calls of the add-on's own functions with literal
// arguments only. A test keeps ADDON_FUNCTIONS in step with the OPENAI_ exports of index.ts.

export const ADDON_FUNCTIONS = [
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

// "text" ("" escapes a quote), a number, or nothing (a left-out argument)
const LITERAL = '(?:"(?:[^"]|"")*"|-?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][+-]?\\d+)?)?';
const CALL = new RegExp(`^=([A-Z_]+)\\(\\s*${LITERAL}(?:\\s*,\\s*${LITERAL})*\\s*\\)$`);

/** The formula, trimmed, if it calls one of the add-on's functions with literals; else an error. */
export function checkAddonFormula(formula: unknown): string {
  const text = typeof formula === 'string' ? formula.trim() : '';
  const name = CALL.exec(text)?.[1];
  if (!name || !ADDON_FUNCTIONS.includes(name)) {
    throw new Error(
      `${JSON.stringify(formula)} is not a formula of this add-on (an OPENAI_ function with literal arguments)`,
    );
  }
  return text;
}
