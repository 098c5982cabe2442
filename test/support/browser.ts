// The playground (npm start) in a real Chromium: the Chromium that @sparticuz/chromium ships,
// driven by playwright-core, on a server of its own (port 0). For browser tests.
import chromium from '@sparticuz/chromium';
import { chromium as pw, type Browser, type FrameLocator, type Page } from 'playwright-core';
import { startPlayground, type RunningPlayground } from '../../scripts/playground/serve';

export interface OpenPlayground {
  running: RunningPlayground;
  browser: Browser;
  page: Page;
  sidebar: FrameLocator;
  close(): Promise<void>;
}

/** Starts the playground, opens it and waits until the sidebar has its data. */
export async function openPlayground(viewport: {
  width: number;
  height: number;
}): Promise<OpenPlayground> {
  const running = await startPlayground(0);
  const browser = await pw.launch({
    executablePath: await chromium.executablePath(),
    args: chromium.args,
    headless: true,
    timeout: 30_000,
  });
  const page = await browser.newPage({ viewport });
  page.setDefaultTimeout(10_000);
  await page.goto(running.url);
  const sidebar = page.frameLocator('#sidebar');
  await sidebar.locator('#table-list input').first().waitFor();
  return {
    running,
    browser,
    page,
    sidebar,
    async close() {
      await browser.close();
      await running.close();
    },
  };
}
