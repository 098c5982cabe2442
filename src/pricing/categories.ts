// Categories are the page's tables, by section id; a few spoken names map onto them.

import type { SectionId } from './catalog';
import { SECTION_IDS } from './catalog';
import { CATALOG } from './data';
import { PricingError } from './errors';

const SYNONYMS: Record<string, SectionId[]> = {
  text_tokens: ['text'],
  flex_processing: ['flex'],
  text_tokens_flex_processing: ['flex'],
  audio_tokens: ['audio'],
  fine_tune: ['fine_tuning'],
  built_in_tools: ['tools'],
  transcription: ['transcription_text', 'transcription_audio', 'audio_models'],
  transcription_and_speech: ['transcription_text', 'transcription_audio', 'audio_models'],
  transcription_and_speech_generation: [
    'transcription_text',
    'transcription_audio',
    'audio_models',
  ],
  other_audio_models: ['audio_models'],
  images: ['image_generation'],
  embedding: ['embeddings'],
  other_models: ['other'],
  legacy: ['other'],
  legacy_models: ['other'],
};

export function categoryKey(value: string): string {
  return value
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_|_$/g, '');
}

/** A category name → the section ids it covers; unknown names are an error listing the ids. */
export function resolveCategory(value: string): SectionId[] {
  const key = categoryKey(value);
  if ((SECTION_IDS as readonly string[]).includes(key)) return [key as SectionId];
  const synonym = SYNONYMS[key];
  if (synonym) return synonym;
  throw new PricingError(
    `unknown category "${value.trim()}" (use ${SECTION_IDS.map((s) => `"${s}"`).join(', ')})`,
  );
}

/** [model id, category] for every model the catalog prices, in page order, without repeats. */
export function modelIds(): [string, SectionId][] {
  const out: [string, SectionId][] = [];
  const seen = new Set<string>();
  const add = (id: string | null, category: SectionId) => {
    if (!id || seen.has(`${category}\u0000${id}`)) return;
    seen.add(`${category}\u0000${id}`);
    out.push([id, category]);
  };
  for (const section of CATALOG.sections) {
    const category = section.id as SectionId;
    switch (section.kind) {
      case 'tokens':
      case 'fine_tuning':
        for (const row of section.rows) {
          add(row.model, category);
          add(row.snapshot, category);
        }
        break;
      case 'unit_prices':
      case 'image_generation':
        for (const row of section.rows) add(row.apiId, category);
        break;
      case 'tools':
        break; // tools are not models (OPENAI_MODELS("tools") lists tool names instead)
    }
  }
  return out;
}
