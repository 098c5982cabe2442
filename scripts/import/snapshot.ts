// Imports a genai-prices data file newer than the npm package: the repository's prices/data.json,
// downloaded by a maintainer. One call reads it, refuses one older than the catalog, merges it
// with the page and the annotations exactly as the npm data would be, and (unless check) vendors
// it in data/, points the annotations' genai-prices source at it and writes the catalog. Nothing is
// written when anything is refused.

import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Catalog } from '../../src/pricing/catalog';
import { readGenaiDataFile } from './genai-prices';
import { importPrices, serializeCatalog, type ImportResult } from './import';
import type { DatedAnnotations } from './merge';

export const VENDORED_GENAI = 'data/genai-prices-data.json';

export interface SnapshotOptions {
  /** the downloaded prices/data.json */
  dataPath: string;
  /** the day the snapshot stands for (its commit's day), YYYY-MM-DD */
  date: string;
  /** the repository commit it was taken from */
  version: string;
  pagePath: string;
  catalogPath: string;
  annotationsPath: string;
  rootDir: string;
  /** report the changes, write nothing */
  check: boolean;
}

export function importGenaiSnapshot(options: SnapshotOptions): ImportResult {
  if (!/^\d{4}-\d\d-\d\d$/.test(options.date))
    throw new Error(`--date ${JSON.stringify(options.date)} is not YYYY-MM-DD`);
  if (!/^[\w.@-]+$/.test(options.version))
    throw new Error(`--version ${JSON.stringify(options.version)} is not a commit or version`);
  const dataText = readFileSync(options.dataPath, 'utf8');
  const models = readGenaiDataFile(dataText);
  const current = JSON.parse(readFileSync(options.catalogPath, 'utf8')) as Catalog;
  if (options.date < current.asOf) {
    throw new Error(
      `the snapshot of ${options.date} is older than the catalog's genai-prices data (${current.asOf}): nothing to import`,
    );
  }
  const annotations = JSON.parse(readFileSync(options.annotationsPath, 'utf8')) as DatedAnnotations;
  annotations.sources['genai-prices'] = {
    title: 'pydantic/genai-prices repository, prices/data.json',
    url: 'https://github.com/pydantic/genai-prices',
    file: VENDORED_GENAI,
    version: options.version,
    date: options.date,
  };
  // merged and validated in memory first: a refused snapshot leaves every file as it was
  const result = importPrices({
    pagePath: options.pagePath,
    catalogPath: options.catalogPath,
    annotationsPath: options.annotationsPath,
    rootDir: options.rootDir,
    check: true,
    annotations,
    genai: { version: options.version, models },
  });
  if (options.check) return result;
  writeFileSync(resolve(options.rootDir, VENDORED_GENAI), dataText);
  // JSON.stringify's layout; the command formats it with prettier afterwards
  writeFileSync(options.annotationsPath, `${JSON.stringify(annotations, null, 2)}\n`);
  writeFileSync(options.catalogPath, serializeCatalog(result.catalog));
  return { ...result, wrote: true };
}
