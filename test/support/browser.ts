// The playground in a real Chromium, for the browser suites: playwright-core driving the Chromium
// that the @sparticuz/chromium npm package ships (browser downloads fail here). usePlayground()
// starts a playground server and a browser before the suite's tests, and stops both after them.
import chromium from '@sparticuz/chromium';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium as pw, type Browser, type FrameLocator, type Page } from 'playwright-core';
import type { BookSnapshot } from '../../scripts/playground/memory-spreadsheet';
import { startPlayground, type RunningPlayground } from '../../scripts/playground/serve';

export const ARTIFACTS = resolve(__dirname, '../../artifacts');

/** a RegExp that matches exactly `text` */
export const exactly = (text: string) =>
  new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\$]/g, '\\$&')}$`);

export interface PlaygroundSession {
  running: RunningPlayground;
  page: Page;
  sidebar: FrameLocator;
  /** the grid's cell, by A1 notation */
  cell(a1: string): ReturnType<Page['locator']>;
  /** what the grid shows in a cell now */
  text(a1: string): Promise<string>;
  /** waits until the grid (redrawn after each server call) shows `text` in the cell */
  cellShows(a1: string, text: string | RegExp): Promise<void>;
  /** waits until the cell's tooltip is `formula` */
  cellFormula(a1: string, formula: string): Promise<void>;
  /** clicks a cell and waits for the name box to show it */
  selectCell(a1: string): Promise<void>;
  /** clicks a sheet tab and waits until it is the active one */
  openSheet(name: string): Promise<void>;
  /** the in-memory workbook as the grid draws it */
  snapshot(): BookSnapshot;
  /** saves artifacts/<name>.png and returns its path */
  screenshot(name: string): Promise<string>;
  /** clicks the sidebar's Insert and returns the status it then shows (success or error) */
  insertAndWait(): Promise<string>;
  /** the drawn cells whose text is cut off by their column (text running on into empty cells is not) */
  cutCells(): Promise<string[]>;
}

/**
 * Registers beforeAll/afterAll: a playground server and a page in Chromium, the sidebar loaded.
 * The returned session is filled in by beforeAll; use it inside tests only.
 */
export function usePlayground(viewport = { width: 1280, height: 800 }): PlaygroundSession {
  jest.setTimeout(90_000);
  let browser: Browser | undefined;
  const session = {} as PlaygroundSession;
  const cell = (a1: string) => session.page.locator(`td[data-cell="${a1}"]`);
  Object.assign(session, {
    cell,
    text: async (a1: string) => (await cell(a1).textContent()) ?? '',
    cellShows: (a1: string, text: string | RegExp) =>
      cell(a1)
        .filter({ hasText: typeof text === 'string' ? exactly(text) : text })
        .waitFor(),
    cellFormula: (a1: string, formula: string) =>
      session.page
        .locator(`td[data-cell="${a1}"][title="${formula.replace(/"/g, '\\"')}"]`)
        .waitFor(),
    async selectCell(a1: string) {
      await cell(a1).click();
      await session.page.locator('#selection', { hasText: new RegExp(`!${a1}$`) }).waitFor();
    },
    async openSheet(name: string) {
      await session.page.locator('#tabs button', { hasText: exactly(name) }).click();
      await session.page.locator('#tabs button.active', { hasText: exactly(name) }).waitFor();
    },
    snapshot: () => session.running.playground.book.snapshot(),
    async screenshot(name: string) {
      mkdirSync(ARTIFACTS, { recursive: true });
      const path = resolve(ARTIFACTS, `${name}.png`);
      await session.page.screenshot({ path });
      return path;
    },
    cutCells: () =>
      session.page.locator('#grid td').evaluateAll((cells) =>
        cells
          .filter((td) => !td.classList.contains('overflow') && td.textContent)
          .filter((td) => td.scrollWidth > td.clientWidth + 1)
          .map((td) => `${td.getAttribute('data-cell')}: ${td.textContent}`),
      ),
    async insertAndWait() {
      const status = session.sidebar.locator('#tables-status');
      await session.sidebar.locator('#insert').click();
      await session.sidebar.locator('#tables-status.success, #tables-status.error').waitFor();
      return (await status.textContent()) ?? '';
    },
  });

  beforeAll(async () => {
    session.running = await startPlayground(0);
    browser = await pw.launch({
      executablePath: await chromium.executablePath(),
      args: chromium.args,
      headless: true,
      timeout: 30_000,
    });
    session.page = await browser.newPage({ viewport });
    session.page.setDefaultTimeout(10_000);
    await session.page.goto(session.running.url);
    session.sidebar = session.page.frameLocator('#sidebar');
    await session.sidebar.locator('#table-list input').first().waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await session.running?.close();
  });

  return session;
}
