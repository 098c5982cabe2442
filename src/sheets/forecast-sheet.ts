// insertForecastSheet(): writes the layout of forecast-layout.ts into a new sheet. Thin on purpose:
// every call below is a service call, batched one per kind over the whole block.

import { FORECAST_SHEET_NAME, forecastLayout, nextMonth, type DropDown } from './forecast-layout';

/** "AI spend forecast", else "AI spend forecast (2)", (3), ...: never an existing sheet. One
 * look-up per name tried, not one per sheet of the spreadsheet. */
function unusedSheetName(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  base: string,
): string {
  let name = base;
  for (let k = 2; spreadsheet.getSheetByName(name); k++) name = `${base} (${k})`;
  return name;
}

/** Inserts a new forecast sheet, starting with next month, and returns where it wrote. */
export function insertForecastSheet(): { sheetName: string; range: string } {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const sheetName = unusedSheetName(spreadsheet, FORECAST_SHEET_NAME);
  const sheet = spreadsheet.insertSheet(sheetName);
  // the add-on's script time zone is UTC; a day's difference only matters on the last of a month
  const now = new Date();
  const layout = forecastLayout(
    nextMonth({ year: now.getUTCFullYear(), month: now.getUTCMonth() + 1 }),
  );

  sheet
    .getRange(layout.range)
    .setValues(layout.values)
    .setNumberFormats(layout.numberFormats)
    .setFontWeights(layout.fontWeights)
    .setNotes(layout.notes);

  const rules = new Map<DropDown, GoogleAppsScript.Spreadsheet.DataValidation>();
  const ruleFor = (list: DropDown) => {
    let rule = rules.get(list);
    if (!rule) {
      rule = SpreadsheetApp.newDataValidation()
        .requireValueInList(list.values, true)
        .setAllowInvalid(true) // dated snapshots and ft: ids are valid models too: warn, not reject
        .setHelpText(list.helpText)
        .build();
      rules.set(list, rule);
    }
    return rule;
  };
  sheet
    .getRange(layout.validationRange)
    .setDataValidations(layout.validations.map((row) => row.map((list) => list && ruleFor(list))));

  sheet.setFrozenRows(layout.frozenRows);
  sheet.setFrozenColumns(layout.frozenColumns);

  const chart = sheet
    .newChart()
    .asColumnChart()
    .setStacked()
    .setTitle(layout.chart.title)
    .addRange(sheet.getRange(layout.chart.range))
    .setTransposeRowsAndColumns(true) // a series per workload row, the months along the axis
    .setNumHeaders(1)
    .setPosition(layout.chart.row, layout.chart.column, 0, 0)
    .build();
  sheet.insertChart(chart);
  return { sheetName, range: layout.range };
}
