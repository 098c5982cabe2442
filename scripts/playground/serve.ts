// npm start: the playground on 127.0.0.1. The page shows the real dist/Sidebar.html in an iframe,
// with a google.script.run shim that forwards each call over fetch to the real dist/Code.js in
// Node (memory-spreadsheet.ts), next to a grid of the in-memory active sheet that the user can
// type into (page.js).
//
//   GET  /            the page (grid + sidebar iframe)        GET  /state   the grid as JSON
//   GET  /sidebar     dist/Sidebar.html with the shim         POST /select  { sheet?, range }
//   GET  /dialog      the last modal dialog, with the shim    POST /close-dialog
//   GET  /page.js     the grid's script                       POST /run/<function>  [args]
//   POST /edit        { range, input, select? }: the user typed `input` into the active sheet's
//                     cell `range` (then selects `select`); answers the grid as JSON

import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { createPlayground, parseA1, type Playground } from './memory-spreadsheet';

const HERE = __dirname;

/** google.script.run over fetch, with withSuccessHandler / withFailureHandler / withUserObject. */
const SHIM = `<script>
(function () {
  function runner(handlers) {
    return new Proxy({}, {
      get: function (_, name) {
        if (name === 'withSuccessHandler') return function (f) { return runner(Object.assign({}, handlers, { ok: f })); };
        if (name === 'withFailureHandler') return function (f) { return runner(Object.assign({}, handlers, { fail: f })); };
        if (name === 'withUserObject') return function (u) { return runner(Object.assign({}, handlers, { user: u })); };
        return function () {
          var args = Array.prototype.slice.call(arguments);
          fetch('/run/' + encodeURIComponent(String(name)), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(args) })
            .then(function (r) { return r.json(); })
            .then(function (res) {
              if (res.ok) { if (handlers.ok) handlers.ok(res.value, handlers.user); }
              else if (handlers.fail) handlers.fail(new Error(res.error), handlers.user);
              parent.postMessage('playground:changed', '*');
            });
        };
      }
    });
  }
  window.google = { script: { run: runner({}), host: { close: function () {}, editor: { focus: function () {} } } } };
})();
</script>`;

const PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>OpenAI Pricing add-on playground</title>
<style>
  body { margin: 0; font: 13px Arial, "Liberation Sans", "DejaVu Sans Condensed", sans-serif; display: flex; height: 100vh; color: #202124; }
  #sheet { flex: 1; display: flex; flex-direction: column; min-width: 0; }
  #bar { padding: 6px 8px; border-bottom: 1px solid #dadce0; display: flex; gap: 6px; align-items: center; flex-wrap: wrap; }
  #bar button { font: inherit; }
  #formula-row { display: flex; align-items: center; gap: 6px; padding: 4px 8px; border-bottom: 1px solid #dadce0; }
  #formula-row output { min-width: 150px; color: #5f6368; }
  #formula-bar { flex: 1; font: 13px monospace; padding: 3px 6px; border: 1px solid #dadce0; }
  #grid-wrap { flex: 1; overflow: auto; position: relative; outline: none; }
  #cell-editor { position: absolute; box-sizing: border-box; font: inherit; padding: 2px 4px; border: 2px solid #1a73e8; outline: none; z-index: 3; box-shadow: 0 2px 6px rgba(0,0,0,.3); }
  .chart-box { position: absolute; z-index: 2; box-shadow: 0 1px 3px rgba(0,0,0,.3); }
  .chart-box svg { display: block; font-family: Arial, sans-serif; }
  table.grid { border-collapse: collapse; table-layout: fixed; }
  .grid td, .grid th { border: 1px solid #e2e3e3; padding: 2px 4px; height: 19px; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
  .grid th { background: #f8f9fa; color: #5f6368; font-weight: normal; position: sticky; top: 0; z-index: 1; }
  .grid td.num { text-align: right; }
  .grid td.overflow { overflow: visible; }
  .grid td.overflow span.clip { display: inline-block; overflow: hidden; vertical-align: top; }
  .grid td.bold { font-weight: bold; }
  .grid td.wrap { white-space: normal; overflow-wrap: break-word; }
  .grid td.frozen { border-bottom: 2px solid #9aa0a6; }
  .grid td.selected { outline: 2px solid #1a73e8; outline-offset: -2px; }
  .grid td.err { color: #d93025; }
  .grid td.noted { background-image: linear-gradient(225deg, #f29900 4px, transparent 4px); }
  .grid th.rowhead { position: sticky; left: 0; }
  #tabs { border-top: 1px solid #dadce0; padding: 4px 8px; display: flex; gap: 4px; background: #f8f9fa; }
  #tabs button { border: 1px solid transparent; background: none; padding: 4px 10px; cursor: pointer; font: inherit; }
  #tabs button.active { background: #fff; border-color: #dadce0; color: #188038; font-weight: bold; }
  #sidebar { width: 300px; flex: none; border: 0; border-left: 1px solid #dadce0; }
  #dialog { position: fixed; inset: 40px 30%; background: #fff; border: 1px solid #dadce0; box-shadow: 0 4px 16px rgba(0,0,0,.3); display: flex; flex-direction: column; }
  #dialog[hidden] { display: none; }
  #dialog iframe { flex: 1; border: 0; }
  #charts { color: #5f6368; }
  #problem { margin: 4px 8px; padding: 8px 12px; border: 1px solid #d93025; border-radius: 4px; background: #fce8e6; color: #202124; }
  #problem::before { content: "There was a problem: "; font-weight: bold; }
</style></head>
<body>
  <div id="sheet">
    <div id="bar"><strong>Playground</strong> <span id="menu"></span> <span id="charts"></span></div>
    <div id="problem" role="alert" hidden></div>
    <div id="formula-row"><output id="selection" aria-label="Selected cell"></output><input id="formula-bar" aria-label="Formula bar" autocomplete="off" spellcheck="false" placeholder="Select a cell and type a value or a formula (=SUM(B2:B))"></div>
    <div id="grid-wrap" tabindex="0"><table class="grid" id="grid" aria-label="Active sheet"></table></div>
    <div id="tabs" role="tablist" aria-label="Sheets"></div>
  </div>
  <iframe id="sidebar" title="Add-on sidebar" src="/sidebar"></iframe>
  <div id="dialog" hidden><div id="dialog-title"></div><iframe title="Add-on dialog"></iframe><button id="dialog-close">Close</button></div>
  <script src="/page.js"></script>
</body></html>`;

async function body(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? JSON.parse(text) : null;
}

function send(response: ServerResponse, status: number, type: string, content: string): void {
  response.writeHead(status, {
    'content-type': `${type}; charset=utf-8`,
    'cache-control': 'no-store',
  });
  response.end(content);
}

const json = (response: ServerResponse, value: unknown, status = 200) =>
  send(response, status, 'application/json', JSON.stringify(value));

export interface RunningPlayground {
  url: string;
  /** the add-on the server runs now (update() replaces it) */
  playground: Playground;
  server: Server;
  /**
   * A new version of the add-on (another Code.js) in the same spreadsheet, as after an update:
   * menus and the sidebar call it from now on; what the cells' custom functions run is left to
   * the caller (Sheets keeps their results until an argument changes).
   */
  update(code: string): Playground;
  close(): Promise<void>;
}

function select(book: Playground['book'], range: string, sheet?: string): void {
  const data = sheet ? book.sheetNamed(sheet) : book.active;
  const r = parseA1(range);
  book.active = data;
  data.selection = { row: r.row, column: r.column, rows: r.rows, columns: r.columns };
}

async function handle(playground: Playground, request: IncomingMessage, response: ServerResponse) {
  const url = new URL(request.url ?? '/', 'http://127.0.0.1');
  const { book } = playground;
  if (request.method === 'GET' && url.pathname === '/')
    return send(response, 200, 'text/html', PAGE);
  if (request.method === 'GET' && url.pathname === '/page.js') {
    return send(response, 200, 'text/javascript', readFileSync(resolve(HERE, 'page.js'), 'utf8'));
  }
  if (request.method === 'GET' && url.pathname === '/sidebar') {
    // ?shown: the sidebar the add-on last opened (e.g. formula help); else dist/Sidebar.html,
    // read on every request so that a rebuild shows up with a reload
    const shown = url.searchParams.has('shown') ? book.ui.sidebar?.html : undefined;
    const html = (shown ?? book.htmlFile('Sidebar')).replace(
      /<head>/i,
      (head) => `${head}\n${SHIM}`,
    );
    return send(response, 200, 'text/html', html);
  }
  if (request.method === 'GET' && url.pathname === '/dialog') {
    const html = book.ui.dialog?.html ?? '';
    return send(
      response,
      200,
      'text/html',
      html.replace(/<head>|^/i, (head) => `${head}\n${SHIM}`),
    );
  }
  if (request.method === 'GET' && url.pathname === '/state') return json(response, book.snapshot());
  if (request.method === 'POST' && url.pathname === '/select') {
    const { sheet, range } = (await body(request)) as { sheet?: string; range: string };
    select(book, range, sheet);
    return json(response, book.snapshot());
  }
  if (request.method === 'POST' && url.pathname === '/edit') {
    const edit = (await body(request)) as { range: string; input: string; select?: string };
    const cell = parseA1(edit.range);
    book.type(book.active, cell.row, cell.column, String(edit.input ?? ''));
    if (edit.select) select(book, edit.select);
    return json(response, book.snapshot());
  }
  if (request.method === 'POST' && url.pathname === '/close-dialog') {
    book.ui.dialog = null;
    return json(response, { ok: true });
  }
  const run = /^\/run\/([A-Za-z_$][\w$]*)$/.exec(url.pathname);
  if (request.method === 'POST' && run) {
    const args = ((await body(request)) ?? []) as unknown[];
    try {
      return json(response, { ok: true, value: playground.run(run[1], args) });
    } catch (error) {
      return json(response, { ok: false, error: (error as Error).message ?? String(error) });
    }
  }
  return send(response, 404, 'text/plain', 'not found');
}

/** Starts the playground (port 0: any free port) and opens the add-on's menu, as Sheets does. */
export function startPlayground(port = 0, host = '127.0.0.1'): Promise<RunningPlayground> {
  let playground = createPlayground();
  playground.run('onOpen', [{ authMode: 'NONE' }]);
  const server = createServer((request, response) => {
    handle(playground, request, response).catch((error: Error) =>
      json(response, { ok: false, error: error.message }, 500),
    );
  });
  return new Promise((done, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => {
      const { port: actual } = server.address() as AddressInfo;
      const running: RunningPlayground = {
        url: `http://${host}:${actual}/`,
        playground,
        server,
        update(code) {
          playground = createPlayground(code, {}, playground.book);
          running.playground = playground;
          return playground;
        },
        close: () =>
          new Promise<void>((closed) => {
            server.closeAllConnections();
            server.close(() => closed());
          }),
      };
      done(running);
    });
  });
}

if (require.main === module) {
  startPlayground(Number(process.env.PORT ?? 8080))
    .then(({ url }) => console.log(`playground: open ${url} (Ctrl+C to stop)`))
    .catch((error: Error) => {
      console.error(`playground failed to start: ${error.message}`);
      process.exit(1);
    });
}
