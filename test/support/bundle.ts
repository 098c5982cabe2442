// Loads the built dist/Code.js the way Apps Script does: one script in a fresh global scope that
// has only the globals we hand it (no require, process, setTimeout, fetch).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import vm from 'node:vm';

export const CODE_PATH = resolve(__dirname, '../../dist/Code.js');

export type Bundle = Record<string, (...args: unknown[]) => unknown>;

export function loadBundle(globals: Record<string, unknown> = {}): {
  context: vm.Context;
  fns: Bundle;
} {
  const context = vm.createContext({ ...globals });
  vm.runInContext(readFileSync(CODE_PATH, 'utf8'), context, { filename: 'Code.js' });
  return { context, fns: context as unknown as Bundle };
}
