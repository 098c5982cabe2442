// The built dist/Code.js as Apps Script sees it: one classic script in a bare global scope.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import vm from 'node:vm';
import { BUNDLE_GLOBAL, listExportedFunctions, renderWrappers } from '../../scripts/build';
import { CODE_PATH, loadBundle } from '../support/bundle';
import { SPEC_FUNCTIONS } from '../support/spec';

const CODE = readFileSync(CODE_PATH, 'utf8');

/** Top-level `function NAME(params)` declarations of the bundle text. */
function wrappers(): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const match of CODE.matchAll(/^function ([A-Za-z_$][\w$]*)\(([^)]*)\)/gm)) {
    out.set(
      match[1],
      match[2]
        .split(',')
        .map((p) => p.trim())
        .filter(Boolean),
    );
  }
  return out;
}

describe('loading dist/Code.js', () => {
  test('loads in a bare vm context with no require, process, setTimeout or fetch', () => {
    const { context } = loadBundle();
    expect(
      vm.runInContext(
        '[typeof require, typeof process, typeof setTimeout, typeof fetch, typeof module, typeof exports, typeof Buffer]',
        context,
      ),
    ).toEqual(Array(7).fill('undefined'));
  });

  test('contains no import/export statements', () => {
    expect(CODE).not.toMatch(/^\s*(import|export)\b/m);
    // a statement, not a name that starts with the word (importUsageExport)
    expect(CODE).not.toMatch(/[;{}]\s*(import|export)(\s*[{*'"]|\s+\w)/);
    expect(CODE).not.toMatch(/\bimport\s*\(/);
    // compiling as a classic script would fail on a module statement
    expect(() => new vm.Script(CODE, { filename: 'Code.js' })).not.toThrow();
  });

  test('exposes each wrapper as a top-level function that delegates into the bundle', () => {
    const { context } = loadBundle();
    const names = [...wrappers().keys()];
    for (const name of SPEC_FUNCTIONS) expect(names).toContain(name);
    for (const name of names) {
      expect([name, vm.runInContext(`typeof ${name}`, context)]).toEqual([name, 'function']);
      expect(typeof context[BUNDLE_GLOBAL][name]).toBe('function');
    }
    expect(vm.runInContext('OPENAI_PRICES_AS_OF()', context)).toBe('2026-09-23');
    expect(vm.runInContext('OPENAI_COST("gpt-4o", 100000, 100000)', context)).toBe(1.25);
  });

  test('the only non-function global is the bundle namespace; internals are not globals', () => {
    const { context } = loadBundle();
    const globals = Object.getOwnPropertyNames(context);
    const nonFunctions = globals.filter((g) => typeof context[g] !== 'function');
    expect(nonFunctions).toEqual([BUNDLE_GLOBAL]);
    expect(globals.filter((g) => typeof context[g] === 'function').sort()).toEqual(
      [...wrappers().keys()].sort(),
    );
    for (const internal of [
      'resolveTextModel',
      'mapCells',
      'CATALOG',
      'tokenCost',
      'PricingError',
      'buildPriceTable',
      'modelIndex',
    ]) {
      expect([internal, vm.runInContext(`typeof ${internal}`, context)]).toEqual([
        internal,
        'undefined',
      ]);
    }
  });

  test('top-level code touches no Google service', () => {
    const touched: string[] = [];
    const trap = (name: string) =>
      new Proxy(function () {}, {
        get: (_t, key) => {
          touched.push(`${name}.${String(key)}`);
          throw new Error(`${name} touched at load`);
        },
        has: () => {
          touched.push(`${name} (has)`);
          throw new Error(`${name} touched at load`);
        },
        set: () => {
          touched.push(`${name} (set)`);
          throw new Error(`${name} touched at load`);
        },
        apply: () => {
          touched.push(`${name}()`);
          throw new Error(`${name} called at load`);
        },
        construct: () => {
          touched.push(`new ${name}`);
          throw new Error(`${name} constructed at load`);
        },
        ownKeys: () => {
          touched.push(`${name} (keys)`);
          throw new Error(`${name} touched at load`);
        },
        getPrototypeOf: () => {
          touched.push(`${name} (prototype)`);
          throw new Error(`${name} touched at load`);
        },
      });
    const services = [
      'SpreadsheetApp',
      'HtmlService',
      'PropertiesService',
      'ScriptApp',
      'Session',
      'Utilities',
      'CacheService',
      'LockService',
      'UrlFetchApp',
      'Logger',
      'DriveApp',
      'Browser',
      'CardService',
    ];
    const globals = Object.fromEntries(services.map((s) => [s, trap(s)]));
    let loaded: ReturnType<typeof loadBundle> | undefined;
    expect(() => (loaded = loadBundle(globals))).not.toThrow();
    expect(touched).toEqual([]);
    // and the custom functions need no service either
    const { fns } = loaded!;
    expect(fns.OPENAI_COST('gpt-4o', 1000, 1000)).toBe(0.0125);
    expect(fns.OPENAI_PRICE_TABLE('flex', '', '2025-06-26')).toHaveLength(3);
    expect(fns.OPENAI_COMPARE(1000, 1000, 'flex', 0, '2025-06-26')).toHaveLength(3);
    expect(touched).toEqual([]);
  });
});

describe('no work at load (every execution loads every file)', () => {
  /** dist/Code.js loaded into a context whose JSON.parse is counted */
  function loadCounting() {
    const { context } = loadBundle({}, []);
    vm.runInContext(
      `let parses = 0; const parse = JSON.parse;
       JSON.parse = function () { parses++; return parse.apply(JSON, arguments); };`,
      context,
    );
    vm.runInContext(CODE, context, { filename: 'Code.js' });
    return { context, parses: () => vm.runInContext('parses', context) as number };
  }

  test('loading parses no catalog; the facts a sheet cites parse none; pricing parses it once', () => {
    const { context, parses } = loadCounting();
    expect(parses()).toBe(0);
    expect(vm.runInContext('OPENAI_PRICES_AS_OF()', context)).toBe('2026-09-23');
    expect(parses()).toBe(0);
    expect(vm.runInContext('OPENAI_COST("gpt-4o", 100000, 100000)', context)).toBe(1.25);
    expect(parses()).toBe(1);
    expect(vm.runInContext('OPENAI_TTS_COST("tts-1", 1000000)', context)).toBe(15);
    expect(vm.runInContext('OPENAI_PRICE_TABLE("flex")[0][0]', context)).toBe('Model');
    expect(parses()).toBe(1);
  });

  test('the catalog travels as JSON text: no object literal of prices to compile at load', () => {
    // the prices of a row appear inside one string literal, with its JSON quotes unescaped
    expect(CODE).toMatch(/json:['`]\{"schemaVersion":2,"asOf":"2026-09-23","since":"2025-06-26"/);
    expect(CODE).not.toMatch(/periods:\[\{from:/); // the catalog's shape as an object literal
  });
});

describe('JSDoc in dist/Code.js', () => {
  /** The /** ... *\/ block that ends right above `function NAME(`, with only whitespace between. */
  function docAbove(name: string): string | null {
    const at = CODE.search(new RegExp(`^function ${name}\\(`, 'm'));
    if (at < 0) return null;
    const before = CODE.slice(0, at);
    const match = /\/\*\*((?:(?!\*\/)[\s\S])*)\*\/\s*$/.exec(before);
    return match ? match[1] : null;
  }

  for (const name of SPEC_FUNCTIONS) {
    test(`${name}: @customfunction JSDoc directly above its wrapper`, () => {
      const params = wrappers().get(name);
      expect(params).toBeDefined();
      const doc = docAbove(name);
      expect(doc).not.toBeNull();
      const lines = doc!
        .split('\n')
        .map((l) => l.replace(/^\s*\*\s?/, '').trim())
        .filter((l) => l !== '');
      // a one-line description before the tags
      expect(lines[0]).toMatch(/^[^@].{10,}/);
      expect(lines.filter((l) => l === '@customfunction')).toHaveLength(1);
      // one @param per parameter of the wrapper, in order, with a {type} and a description
      const tags = doc!.split(/\n\s*\*\s*(?=@)/).slice(1);
      const paramTags = tags.filter((t) => t.startsWith('@param'));
      expect(paramTags).toHaveLength(params!.length);
      paramTags.forEach((tag, k) => {
        const match = /^@param\s+\{([^}]+)\}\s+(\[?)([\w$]+)(?:=[^\]]*)?\]?\s+(\S[\s\S]*)$/.exec(
          tag.trim(),
        );
        expect([tag, match && match[3]]).toEqual([tag, params![k]]);
        expect(match![1].trim()).not.toBe('');
        expect(match![4].replace(/\s*\*\s*/g, ' ').trim().length).toBeGreaterThan(3);
      });
      const returns = tags.filter((t) => /^@returns?\b/.test(t));
      expect(returns).toHaveLength(1);
      expect(returns[0]).toMatch(/^@returns?\s+\{[^}]+\}\s+\S/);
    });
  }
});

describe('listExportedFunctions / renderWrappers', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'wrappers-test-'));
    writeFileSync(
      join(dir, 'other.ts'),
      [
        '/**',
        ' * Helper doc.',
        ' * @param {string} q the query',
        ' * @customfunction',
        ' */',
        'export function HELPER(q: string): string {',
        '  return q;',
        '}',
        '',
      ].join('\n'),
    );
    writeFileSync(
      join(dir, 'entry.ts'),
      [
        '/** not the doc: an earlier comment */',
        '',
        '/**',
        '   * Adds two numbers.',
        '   *',
        '   * @param {number} a first',
        '   * @param {number} [b] second',
        '   * @return {number} the sum',
        '   * @customfunction',
        '   */',
        'export function ADD(a: number, b?: number): number {',
        '  return a + (b ?? 0);',
        '}',
        '',
        '/** Arrow doc. */',
        'export const ARROW = (x: unknown, y: unknown) => [x, y];',
        '',
        'export const NOT_A_FUNCTION = 1;',
        'function internal() { return 2; }',
        'export function BARE() { return internal(); }',
        "export { HELPER as RENAMED } from './other';",
        '',
      ].join('\n'),
    );
    writeFileSync(
      join(dir, 'rest.ts'),
      'export function REST(...args: unknown[]) { return args; }\n',
    );
    writeFileSync(
      join(dir, 'destructured.ts'),
      'export function D({ a }: { a: number }) { return a; }\n',
    );
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('lists exported functions with parameters and their JSDoc', () => {
    const functions = listExportedFunctions(join(dir, 'entry.ts'));
    const byName = Object.fromEntries(functions.map((f) => [f.name, f]));
    expect(Object.keys(byName).sort()).toEqual(['ADD', 'ARROW', 'BARE', 'RENAMED']);
    expect(byName.ADD.params).toEqual(['a', 'b']);
    expect(byName.ADD.jsdoc).toBe(
      [
        '/**',
        ' * Adds two numbers.',
        ' *',
        ' * @param {number} a first',
        ' * @param {number} [b] second',
        ' * @return {number} the sum',
        ' * @customfunction',
        ' */',
      ].join('\n'),
    );
    expect(byName.ARROW).toEqual({ name: 'ARROW', params: ['x', 'y'], jsdoc: '/** Arrow doc. */' });
    expect(byName.BARE).toEqual({ name: 'BARE', params: [], jsdoc: '' });
    expect(byName.RENAMED.params).toEqual(['q']);
    expect(byName.RENAMED.jsdoc).toContain('Helper doc.');
  });

  test('refuses rest and destructured parameters', () => {
    expect(() => listExportedFunctions(join(dir, 'rest.ts'))).toThrow(
      'REST: wrappers need plain named parameters',
    );
    expect(() => listExportedFunctions(join(dir, 'destructured.ts'))).toThrow(
      'D: wrappers need plain named parameters',
    );
  });

  test('renders top-level wrappers with the JSDoc directly above, delegating to the bundle', () => {
    const functions = listExportedFunctions(join(dir, 'entry.ts'));
    const text = renderWrappers(functions);
    expect(text).toContain(
      ' * @customfunction\n */\nfunction ADD(a, b) {\n  return SheetsOpenAIPricing.ADD(a, b);\n}\n',
    );
    expect(text).toContain('function BARE() {\n  return SheetsOpenAIPricing.BARE();\n}\n');
    expect(text).not.toMatch(/\b(import|export)\b/);
    const calls: unknown[] = [];
    const context = vm.createContext({
      [BUNDLE_GLOBAL]: {
        ADD: (a: number, b?: number) => (calls.push(['ADD', a, b]), a + (b ?? 0)),
        ARROW: (x: unknown, y: unknown) => [x, y],
        BARE: () => 'bare',
        RENAMED: (q: string) => `renamed ${q}`,
      },
    });
    vm.runInContext(text, context);
    expect(vm.runInContext('ADD(2, 3)', context)).toBe(5);
    expect(vm.runInContext('ADD(2)', context)).toBe(2);
    expect(vm.runInContext('RENAMED("x")', context)).toBe('renamed x');
    expect(vm.runInContext('BARE()', context)).toBe('bare');
    expect(calls).toEqual([
      ['ADD', 2, 3],
      ['ADD', 2, undefined],
    ]);
  });
});
