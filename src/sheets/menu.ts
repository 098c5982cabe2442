// The add-on menu and its dialogs. onOpen runs in AuthMode.NONE for an add-on that is installed but
// not yet used in this document: it may only build the menu, touch no document or service beyond
// the UI.

export const ADDON_TITLE = 'OpenAI Pricing';
export const SIDEBAR_WIDTH = 300;

/** Builds the add-on menu (Extensions > OpenAI Pricing). */
export function onOpen(_e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  SpreadsheetApp.getUi()
    .createAddonMenu()
    .addItem('Open price tables', 'showPriceSidebar')
    .addItem('Insert all price tables', 'insertAllPriceTables')
    .addItem('Insert forecast sheet', 'insertForecastSheet')
    .addItem('Refresh prices', 'refreshPrices')
    .addItem('Import usage…', 'showUsageImport')
    .addSeparator()
    .addItem('Formula help', 'showFormulaHelp')
    .addToUi();
}

/** Runs when the add-on is installed: builds the menu right away. */
export function onInstall(e?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(e as unknown as GoogleAppsScript.Events.SheetsOnOpen);
}

/** Opens the price tables sidebar. */
export function showPriceSidebar(): void {
  const html = HtmlService.createHtmlOutputFromFile('Sidebar')
    .setTitle(ADDON_TITLE)
    .setWidth(SIDEBAR_WIDTH);
  SpreadsheetApp.getUi().showSidebar(html);
}

/** The sidebar opened on one of its pages (the page list lives in the client, src/sidebar). */
function showSidebarPage(page: 'help' | 'import', title: string): void {
  const html = HtmlService.createHtmlOutputFromFile('Sidebar')
    .append(`<div hidden data-start-page="${page}"></div>`)
    .setTitle(`${ADDON_TITLE}: ${title}`)
    .setWidth(SIDEBAR_WIDTH);
  SpreadsheetApp.getUi().showSidebar(html);
}

/** The sidebar on its formula help page. */
export function showFormulaHelp(): void {
  showSidebarPage('help', 'formulas');
}

/** The sidebar on its "Import usage…" page. */
export function showUsageImport(): void {
  showSidebarPage('import', 'import usage');
}
