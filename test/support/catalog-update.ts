// A price update for tests of "Refresh prices": data/prices.json edited the way a catalog update
// changes tables (models added and removed), built into another Code.js by scripts/build.ts.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export interface CatalogJson {
  sections: { id: string; columns?: string[]; rows: Record<string, unknown>[] }[];
}

export const readCatalog = (): CatalogJson =>
  JSON.parse(readFileSync(resolve(__dirname, '../../data/prices.json'), 'utf8')) as CatalogJson;

export const section = (catalog: CatalogJson, id: string) =>
  catalog.sections.find((s) => s.id === id)!;

/** A model row like `row`, under another name and with no snapshot. */
const like = (row: Record<string, unknown>, model: string) => ({ ...row, model, snapshot: null });

/**
 * The update: Text tokens lose one model and gain two (gpt-7-test, gpt-7-test-mini), Audio
 * tokens gain one (gpt-audio-test), Embeddings lose one, Moderation gains one
 * (omni-moderation-test).
 */
export function updatedCatalog(): CatalogJson {
  const catalog = readCatalog();
  const text = section(catalog, 'text').rows;
  text.splice(3, 1);
  text.push(like(text[0], 'gpt-7-test'), like(text[1], 'gpt-7-test-mini'));
  const audio = section(catalog, 'audio').rows;
  audio.push(like(audio[0], 'gpt-audio-test'));
  section(catalog, 'embeddings').rows.splice(1, 1);
  const moderation = section(catalog, 'moderation').rows;
  moderation.push(like(moderation[0], 'omni-moderation-test'));
  return catalog;
}
