// contextWindow: every token row's "most tokens one request can hold", from genai-prices'
// context_window (read here straight from the package, not through the importer) or an annotation
// with its source; carried into the bundle's catalog text and onto TokenModel.
import { findProvider } from '@pydantic/genai-prices';
import { readFileSync } from 'node:fs';
import { matches, type MatchLogic } from '../../scripts/import/genai-prices';
import type { Catalog } from '../../src/pricing/catalog';
import { bundleCatalog } from '../../src/pricing/bundled-catalog';
import { lazyCatalog } from '../../src/pricing/data';
import { resolveAudioModel, resolveTextModel } from '../../src/pricing/models';
import { ANNOTATIONS_PATH, rawCatalog, type AnyRow } from '../support/reference';

const catalog = rawCatalog();
const annotations = JSON.parse(readFileSync(ANNOTATIONS_PATH, 'utf8'));
const genai = findProvider({ providerId: 'openai' })!.models as unknown as {
  id: string;
  match: MatchLogic;
  context_window?: number;
}[];
const tokenRows = catalog.sections
  .filter((s) => s.kind === 'tokens' || s.kind === 'fine_tuning')
  .flatMap((s) => s.rows.map((row: AnyRow) => [s.id, row] as [string, AnyRow]));

/** genai-prices' window for the first of `ids` it knows (its models in its own order). */
function genaiWindow(ids: (string | null)[]): number | undefined {
  for (const id of ids) {
    const found = id ? genai.find((m) => matches(m.match, id)) : undefined;
    if (found) return found.context_window;
  }
  return undefined;
}

describe('contextWindow on the catalog rows', () => {
  test.each(tokenRows.map(([section, row]) => [`${section} / ${row.model}`, row]))(
    '%s: genai-prices, else an annotation with its source, else none for a recorded reason',
    (_, row: AnyRow) => {
      const ids = row.baseModel
        ? [row.baseModel]
        : [row.model, row.snapshot, ...(row.aliases ?? [])];
      const theirs = genaiWindow(ids);
      const annotated = annotations.contextWindows[row.model];
      if (theirs !== undefined) {
        expect(annotated).toBeUndefined();
        expect(row.contextWindow).toBe(theirs);
      } else {
        expect(annotated).toBeDefined();
        expect(annotated.reason).toEqual(expect.any(String));
        if (annotated.tokens === null) expect(row.contextWindow).toBeUndefined();
        else {
          expect(row.contextWindow).toBe(annotated.tokens);
          expect(row.sources).toContain(annotated.source);
        }
      }
    },
  );

  test('known windows: gpt-5 400,000, gpt-4o 128,000, gpt-5.4 1,050,000, a fine-tune its base', () => {
    expect(resolveTextModel('gpt-5').contextWindow).toBe(400_000);
    expect(resolveTextModel('gpt-5-2025-08-07').contextWindow).toBe(400_000);
    expect(resolveTextModel('gpt-4o').contextWindow).toBe(128_000);
    expect(resolveTextModel('gpt-5.4').contextWindow).toBe(1_050_000);
    expect(resolveTextModel('ft:gpt-4o-mini-2024-07-18:acme::abc').contextWindow).toBe(128_000);
    expect(resolveTextModel('ft:gpt-3.5-turbo-0125:acme::abc').contextWindow).toBe(16_385);
    expect(resolveTextModel('gpt-realtime-mini').contextWindow).toBe(128_000); // annotation
    expect(resolveAudioModel('gpt-4o-transcribe').contextWindow).toBe(16_000);
    expect(resolveTextModel('gpt-image-1').contextWindow).toBeNull(); // no source gives one
    expect(resolveTextModel('ft:davinci-002:acme::abc').contextWindow).toBeNull();
  });

  test('the bundle carries it: the bundled catalog text gives back every row window', () => {
    const full = rawCatalog() as unknown as Catalog;
    const expanded = lazyCatalog(JSON.parse(JSON.stringify(bundleCatalog(full))));
    const windows = (c: Catalog) =>
      c.sections.flatMap((s) =>
        s.kind === 'tokens' || s.kind === 'fine_tuning'
          ? s.rows.map((r) => [s.id, r.model, r.contextWindow ?? null])
          : [],
      );
    expect(windows(expanded)).toEqual(windows(full));
    expect(windows(full).filter(([, , w]) => w !== null).length).toBeGreaterThan(100);
  });
});
