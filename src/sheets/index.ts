// The bundle's entry. Every function exported here becomes a top-level function of dist/Code.js
// (scripts/build.ts generates the wrappers and copies each JSDoc). Export nothing internal: every
// top-level function is callable from google.script.run.

export {
  OPENAI_COST,
  OPENAI_AUDIO_COST,
  OPENAI_IMAGE_TOKENS_COST,
  OPENAI_IMAGE_COST,
  OPENAI_MINUTES_COST,
  OPENAI_TTS_COST,
  OPENAI_TRAINING_COST,
  OPENAI_TOOL_COST,
} from './functions/costs';
export {
  OPENAI_PRICE,
  OPENAI_MODELS,
  OPENAI_PRICE_TABLE,
  OPENAI_COMPARE,
  OPENAI_PRICES_AS_OF,
} from './functions/lookups';
export { OPENAI_FORECAST } from './functions/forecast';
export { OPENAI_USAGE_COST, OPENAI_RECONCILE } from './functions/usage';
export { OPENAI_TOKENS, countTokens } from './functions/tokens';
export { insertForecastSheet } from './forecast-sheet';
export { onOpen, onInstall, showPriceSidebar, showFormulaHelp, showUsageImport } from './menu';
export { refreshPrices } from './refresh';
export { getSidebarData } from './sidebar-data';
export { importUsageExport } from './usage-import/import';
export { insertPriceTables, insertAllPriceTables, insertFormulaAtSelection } from './writer';
