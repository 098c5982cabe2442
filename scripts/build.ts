// npm run build: dist/Code.js (IIFE bundle + generated top-level wrappers), dist/Sidebar.html
// (client bundle inlined), dist/appsscript.json. The wrappers and their JSDoc are generated from
// the exports of src/sheets/index.ts, so there is no second, hand-kept list of functions.

import { build, type BuildOptions, type Plugin } from 'esbuild';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { resolve } from 'node:path';
import ts from 'typescript';
import { bundleCatalog } from '../src/pricing/bundled-catalog';
import { validateCatalog } from '../src/pricing/schema';
import { renderVocabularyFiles, tiktokenVersion } from './vocab';

export const ROOT = resolve(__dirname, '..');
export const DIST = resolve(ROOT, 'dist');
/** the one global the bundle defines; every top-level wrapper delegates into it */
export const BUNDLE_GLOBAL = 'SheetsOpenAIPricing';
const ENTRY = resolve(ROOT, 'src/sheets/index.ts');

export interface ExportedFunction {
  name: string;
  params: string[];
  /** the JSDoc block right above the function's declaration, verbatim, or '' */
  jsdoc: string;
}

function leadingJsDoc(declaration: ts.Node): string {
  const source = declaration.getSourceFile();
  // for `export const f = ...` the comment sits before the statement
  let node: ts.Node = declaration;
  if (ts.isVariableDeclaration(node)) node = node.parent.parent;
  const ranges = ts.getLeadingCommentRanges(source.text, node.getFullStart()) ?? [];
  const docs = ranges
    .map((r) => source.text.slice(r.pos, r.end))
    .filter((text) => text.startsWith('/**'));
  const last = docs[docs.length - 1] ?? '';
  // re-indent to column 0
  return last
    .split('\n')
    .map((line) => line.replace(/^\s+\*/, ' *'))
    .join('\n');
}

/** Every function exported by the entry module, with its parameters and JSDoc. */
export function listExportedFunctions(entry = ENTRY): ExportedFunction[] {
  const program = ts.createProgram([entry], {
    target: ts.ScriptTarget.ES2020,
    module: ts.ModuleKind.CommonJS,
    resolveJsonModule: true,
    esModuleInterop: true,
    noEmit: true,
  });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(entry);
  if (!source) throw new Error(`cannot read ${entry}`);
  const moduleSymbol = checker.getSymbolAtLocation(source);
  if (!moduleSymbol) throw new Error(`${entry} has no exports`);
  const out: ExportedFunction[] = [];
  for (const exported of checker.getExportsOfModule(moduleSymbol)) {
    const symbol =
      exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
    const declaration = symbol.valueDeclaration ?? symbol.declarations?.[0];
    if (!declaration) continue;
    let fn: ts.SignatureDeclaration | undefined;
    if (ts.isFunctionDeclaration(declaration)) fn = declaration;
    else if (
      ts.isVariableDeclaration(declaration) &&
      declaration.initializer &&
      (ts.isArrowFunction(declaration.initializer) ||
        ts.isFunctionExpression(declaration.initializer))
    ) {
      fn = declaration.initializer;
    }
    if (!fn) continue;
    const params = fn.parameters.map((p) => {
      if (!ts.isIdentifier(p.name) || p.dotDotDotToken) {
        throw new Error(`${exported.name}: wrappers need plain named parameters`);
      }
      return p.name.text;
    });
    out.push({ name: exported.name, params, jsdoc: leadingJsDoc(declaration) });
  }
  return out;
}

export function renderWrappers(functions: ExportedFunction[]): string {
  return functions
    .map(({ name, params, jsdoc }) => {
      const list = params.join(', ');
      const doc = jsdoc ? `${jsdoc}\n` : '';
      return `${doc}function ${name}(${list}) {\n  return ${BUNDLE_GLOBAL}.${name}(${list});\n}\n`;
    })
    .join('\n');
}

/**
 * data/prices.json enters the server bundle as JSON text with its top-level facts beside it
 * (src/pricing/bundled-catalog.ts), parsed on first use by src/pricing/data.ts. Tests that import
 * src/ directly read the full JSON. `withPrices: false` leaves the prices out (the benchmark's
 * measure of what carrying them costs at load).
 */
function bundledCatalogPlugin(withPrices = true): Plugin {
  return {
    name: 'bundled-catalog',
    setup(esbuild) {
      esbuild.onLoad({ filter: /[\\/]data[\\/]prices\.json$/ }, ({ path }) => {
        const catalog = validateCatalog(JSON.parse(readFileSync(path, 'utf8')));
        const bundled = bundleCatalog(catalog);
        if (!withPrices) bundled.json = '{}';
        return { contents: `export default ${JSON.stringify(bundled)};\n`, loader: 'js' };
      });
    },
  };
}

/** One minified IIFE as text: the server bundle (neutral platform) or the sidebar (browser). */
async function bundle(
  entry: Pick<BuildOptions, 'entryPoints' | 'stdin'>,
  options: Partial<BuildOptions>,
): Promise<string> {
  const result = await build({
    ...entry,
    bundle: true,
    format: 'iife',
    target: 'es2020',
    minify: true,
    legalComments: 'none',
    charset: 'utf8',
    write: false,
    logLevel: 'silent',
    ...options,
  });
  return result.outputFiles![0].text;
}

async function bundleSidebar(): Promise<string> {
  const dir = resolve(ROOT, 'src/sidebar');
  const template = readFileSync(resolve(dir, 'index.html'), 'utf8');
  const entry = resolve(dir, 'main.ts');
  const script = existsSync(entry)
    ? await bundle({ entryPoints: [entry] }, { platform: 'browser' })
    : '';
  const style = existsSync(resolve(dir, 'style.css'))
    ? readFileSync(resolve(dir, 'style.css'), 'utf8')
    : '';
  // a literal "</script" inside the inlined code would end the tag early
  const safeScript = script.replace(/<\/(script)/gi, '<\\/$1');
  return template
    .replace('<!-- inline:style -->', () => `<style>\n${style}</style>`)
    .replace('<!-- inline:script -->', () => `<script>\n${safeScript}</script>`);
}

/** What goes into dist/Code.js; the benchmark builds variants with parts left out. */
export interface CodeOptions {
  /** only these of the entry's functions (default: all) */
  only?: (name: string) => boolean;
  /** the JSDoc above the wrappers (default true) */
  jsdoc?: boolean;
  /** the catalog's prices (default true) */
  prices?: boolean;
  /** plugins that run before the catalog's (e.g. one that points data/prices.json elsewhere) */
  plugins?: Plugin[];
}

/** The text of dist/Code.js: the bundle, then one top-level wrapper per exported function. */
export async function serverCode({
  only = () => true,
  jsdoc = true,
  prices = true,
  plugins = [],
}: CodeOptions = {}): Promise<string> {
  const functions = listExportedFunctions().filter((f) => only(f.name));
  const names = functions.map((f) => f.name);
  const all = names.length === listExportedFunctions().length;
  // a subset is bundled from an entry that re-exports just it, so the rest is left out
  const entry = all
    ? { entryPoints: [ENTRY] }
    : {
        stdin: {
          contents: `export { ${names.join(', ')} } from ${JSON.stringify(ENTRY)};`,
          resolveDir: ROOT,
          loader: 'ts' as const,
        },
      };
  const server = await bundle(entry, {
    platform: 'neutral',
    globalName: BUNDLE_GLOBAL,
    plugins: [...plugins, bundledCatalogPlugin(prices)],
  });
  const header =
    '// sheets-openai-pricing: generated by scripts/build.ts; edit src/, not this file.\n';
  const wrappers = renderWrappers(jsdoc ? functions : functions.map((f) => ({ ...f, jsdoc: '' })));
  return `${header}${server}\n${wrappers}`;
}

/**
 * Code.js as the build makes it, but with another catalog: the add-on after a price update
 * (tests of "Refresh prices"). Nothing is written to dist/.
 */
export async function buildCodeWithCatalog(catalog: unknown): Promise<string> {
  const file = resolve(mkdtempSync(resolve(tmpdir(), 'catalog-')), 'data', 'prices.json');
  mkdirSync(resolve(file, '..'), { recursive: true });
  writeFileSync(file, JSON.stringify(catalog));
  const otherCatalog: Plugin = {
    name: 'other-catalog',
    setup(esbuild) {
      esbuild.onResolve({ filter: /[\\/]data[\\/]prices\.json$/ }, () => ({ path: file }));
    },
  };
  try {
    return await serverCode({ plugins: [otherCatalog] });
  } finally {
    rmSync(resolve(file, '../..'), { recursive: true, force: true });
  }
}

export async function buildAll(): Promise<{
  codeBytes: number;
  vocabFiles: { name: string; bytes: number }[];
  functions: string[];
}> {
  validateCatalog(JSON.parse(readFileSync(resolve(ROOT, 'data/prices.json'), 'utf8')));
  mkdirSync(DIST, { recursive: true });
  const functions = listExportedFunctions();
  const code = await serverCode();
  writeFileSync(resolve(DIST, 'Code.js'), code);
  // a file left from an older build (Vocab.js before the split) would be pushed too
  for (const name of readdirSync(DIST)) {
    if (/^Vocab.*\.js$/.test(name)) rmSync(resolve(DIST, name));
  }
  const vocabFiles = renderVocabularyFiles(tiktokenVersion());
  for (const { name, text } of vocabFiles) writeFileSync(resolve(DIST, name), text);
  writeFileSync(resolve(DIST, 'Sidebar.html'), await bundleSidebar());
  copyFileSync(resolve(ROOT, 'appsscript.json'), resolve(DIST, 'appsscript.json'));
  return {
    codeBytes: Buffer.byteLength(code),
    vocabFiles: vocabFiles.map(({ name, text }) => ({ name, bytes: Buffer.byteLength(text) })),
    functions: functions.map((f) => f.name),
  };
}

if (require.main === module) {
  buildAll()
    .then(({ codeBytes, vocabFiles, functions }) => {
      const vocab = vocabFiles.map((f) => `${f.name} ${(f.bytes / 1024).toFixed(0)} KB`);
      console.log(
        `built dist/Code.js (${(codeBytes / 1024).toFixed(1)} KB, ${functions.length} functions), token vocabularies (${vocab.join(', ')}), dist/Sidebar.html, dist/appsscript.json`,
      );
    })
    .catch((error: Error) => {
      console.error(`build failed: ${error.message}`);
      process.exit(1);
    });
}
