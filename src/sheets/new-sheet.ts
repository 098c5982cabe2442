// The one way the add-on makes a sheet: under a name no sheet has yet, so nothing is overwritten.

/**
 * Inserts (and, as Sheets does, activates) a sheet named `base`, else "base (2)", "base (3)", ...
 * One look-up per name tried, not a read of every sheet: a service call each.
 */
export function insertNewSheet(base: string): {
  sheet: GoogleAppsScript.Spreadsheet.Sheet;
  sheetName: string;
} {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  let sheetName = base;
  for (let k = 2; spreadsheet.getSheetByName(sheetName); k++) sheetName = `${base} (${k})`;
  return { sheet: spreadsheet.insertSheet(sheetName), sheetName };
}
