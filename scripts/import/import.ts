// The importer as a function, so tests can run it on temporary files.

import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import type { Catalog } from '../../src/pricing/catalog';
import { validateCatalog } from '../../src/pricing/schema';
import { describeChanges } from './diff';
import {
  loadGenaiOpenAI,
  readGenaiDataFile,
  readGenaiModels,
  type GenaiModel,
} from './genai-prices';
import { mergeSources, type DatedAnnotations } from './merge';
import { parsePricingPage } from './parse-page';

export interface ImportOptions {
  pagePath: string;
  catalogPath: string;
  annotationsPath: string;
  /** write nothing; report whether the catalog would change */
  check: boolean;
  /** path recorded as the catalog's source file */
  rootDir: string;
  /**
   * genai-prices' OpenAI models; default: the vendored data file the annotations' genai-prices
   * source names (`file`), else the installed package's
   */
  genai?: { version: string; models: GenaiModel[] };
  /** the annotations to use instead of annotationsPath's (a snapshot import tries new ones) */
  annotations?: DatedAnnotations;
}

export interface ImportResult {
  changes: string[];
  changed: boolean;
  wrote: boolean;
  catalog: Catalog;
  /** where genai-prices disagrees with the page on the page's day (the page wins) */
  pageVsGenai: string[];
}

/** The vendored genai-prices data file the annotations name, or the installed npm package. */
function loadGenai(annotations: DatedAnnotations, rootDir: string) {
  const source = annotations.sources['genai-prices'];
  if (!source?.file) return loadGenaiOpenAI();
  const models = readGenaiDataFile(readFileSync(resolve(rootDir, source.file), 'utf8'));
  return { version: source.version ?? '', models };
}

export function serializeCatalog(catalog: Catalog): string {
  return `${JSON.stringify(catalog, null, 2)}\n`;
}

export function importPrices(options: ImportOptions): ImportResult {
  const page = readFileSync(options.pagePath, 'utf8');
  const annotations =
    options.annotations ??
    (JSON.parse(readFileSync(options.annotationsPath, 'utf8')) as DatedAnnotations);
  const sourceFile = relative(options.rootDir, options.pagePath).split('\\').join('/');
  const genai = options.genai ?? loadGenai(annotations, options.rootDir);
  // read, merge and validate completely before touching the catalog file: never a partial catalog
  const pageCatalog = parsePricingPage(page, annotations, sourceFile);
  const entries = readGenaiModels(genai.models, annotations.longContext.aboveInputTokens);
  const { catalog: merged, report } = mergeSources(
    pageCatalog,
    { version: genai.version, entries },
    annotations,
  );
  const catalog = validateCatalog(merged);
  const text = serializeCatalog(catalog);
  const existingText = existsSync(options.catalogPath)
    ? readFileSync(options.catalogPath, 'utf8')
    : null;
  const existing = existingText ? (JSON.parse(existingText) as Catalog) : null;
  const changed = existingText !== text;
  const changes = describeChanges(existing, catalog);
  if (changed && changes.length === 0)
    changes.push('formatting or metadata only (no price changed)');
  let wrote = false;
  if (changed && !options.check) {
    const temporary = `${options.catalogPath}.tmp`;
    writeFileSync(temporary, text);
    renameSync(temporary, options.catalogPath);
    wrote = true;
  }
  return { changes, changed, wrote, catalog, pageVsGenai: report.pageVsGenai };
}
