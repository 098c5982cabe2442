// Categories are the page's tables, by section id; a few spoken names map onto them.

import type { SectionId } from './catalog';

import { CATALOG, offeredOnDay, retiredByDay } from './data';
import { dayToIso, type Day } from './dates';
import { PricingError } from './errors';
import { quote } from './show';
import { TABLE_IDS, type TableId } from './tables';

const SYNONYMS = new Map<string, TableId[]>(
  Object.entries({
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
    retired_models: ['retired'],
  }) as [string, TableId[]][],
);

export function categoryKey(value: string): string {
  return value
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_|_$/g, '');
}

/** A category name → the section ids it covers; unknown names are an error listing the ids. */
export function resolveCategory(value: string): TableId[] {
  const key = categoryKey(value);
  if ((TABLE_IDS as readonly string[]).includes(key)) return [key as TableId];
  // a Map: "constructor" is an unknown category, not Object.prototype's
  const synonym = SYNONYMS.get(key);
  if (synonym) return synonym;
  throw new PricingError(
    `unknown category ${quote(value.trim())} (use ${TABLE_IDS.map((s) => `"${s}"`).join(', ')})`,
  );
}

export interface ModelListing {
  id: string;
  category: SectionId;
  released: string;
  /** "current", "retired YYYY-MM-DD" or "retires YYYY-MM-DD" */
  status: string;
  /** offered on the day (null: today's current models) */
  offered: (day: Day | null) => boolean;
  /** retired by the day (null: by the data's date) */
  retiredBy: (day: Day | null) => boolean;
}

/** Every model id with its category, release date and status, in page order, without repeats. */
export function modelListings(): ModelListing[] {
  const out: ModelListing[] = [];
  const seen = new Set<string>();
  for (const section of CATALOG.sections) {
    if (section.kind === 'tools') continue;
    const category = section.id as SectionId;
    for (const row of section.rows) {
      const released = 'released' in row && row.released ? row.released : '';
      const rowRetired = 'retired' in row && row.retired ? row.retired : '';
      const periods = 'periods' in row ? row.periods : undefined;
      const iso = (day: Day | null) => (day === null ? null : dayToIso(day));
      const ids = 'apiId' in row ? [row.apiId] : [row.model, row.snapshot, ...(row.aliases ?? [])];
      for (const id of ids) {
        if (!id || seen.has(`${category}\u0000${id}`)) continue;
        // a snapshot or alias id that shuts down before its model (retiredIds) has its own day
        const retired = ('retiredIds' in row && row.retiredIds?.[id]) || rowRetired;
        seen.add(`${category}\u0000${id}`);
        out.push({
          id,
          category,
          released: released || `before ${CATALOG.since}`,
          status: !retired
            ? 'current'
            : retired <= CATALOG.asOf
              ? `retired ${retired}`
              : `retires ${retired}`,
          offered: (day) => offeredOnDay({ released, retired, periods }, iso(day)),
          retiredBy: (day) => retiredByDay({ retired }, iso(day)),
        });
      }
    }
  }
  return out;
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
