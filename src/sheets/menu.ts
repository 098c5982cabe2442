// The add-on menu. onOpen runs in AuthMode.NONE for an add-on that is installed but not yet used
// in this document: it may only build the menu, touch no document or service beyond the UI.

export const ADDON_TITLE = 'OpenAI Pricing';

/** Builds the add-on menu (Extensions > OpenAI Pricing). */
export function onOpen(_e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  SpreadsheetApp.getUi()
    .createAddonMenu()
    .addItem('Open price tables', 'showPriceSidebar')
    .addItem('Insert all price tables', 'insertAllPriceTables')
    .addSeparator()
    .addItem('Formula help', 'showFormulaHelp')
    .addToUi();
}

/** Runs when the add-on is installed: builds the menu right away. */
export function onInstall(e?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(e as unknown as GoogleAppsScript.Events.SheetsOnOpen);
}
