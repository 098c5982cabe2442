// The generated catalog, embedded in the bundle by esbuild (validated at build time).
import type { Catalog } from './catalog';
import catalogJson from '../../data/prices.json';

export const CATALOG = catalogJson as unknown as Catalog;
