// The importer as a function, so tests can run it on temporary files.

import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import type { Catalog } from '../../src/pricing/catalog';
import { validateCatalog } from '../../src/pricing/schema';
import { describeChanges } from './diff';
import { parsePricingPage, type Annotations } from './parse-page';

export interface ImportOptions {
  pagePath: string;
  catalogPath: string;
  annotationsPath: string;
  /** write nothing; report whether the catalog would change */
  check: boolean;
  /** path recorded as the catalog's source file */
  rootDir: string;
}

export interface ImportResult {
  changes: string[];
  changed: boolean;
  wrote: boolean;
  catalog: Catalog;
}

export function serializeCatalog(catalog: Catalog): string {
  return `${JSON.stringify(catalog, null, 2)}\n`;
}

export function importPrices(options: ImportOptions): ImportResult {
  const page = readFileSync(options.pagePath, 'utf8');
  const annotations = JSON.parse(readFileSync(options.annotationsPath, 'utf8')) as Annotations;
  const sourceFile = relative(options.rootDir, options.pagePath).split('\\').join('/');
  // parse and validate completely before touching the catalog file: never a partial catalog
  const catalog = validateCatalog(parsePricingPage(page, annotations, sourceFile));
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
  return { changes, changed, wrote, catalog };
}
