// insertForecastSheet(): writes the layout of forecast-layout.ts into a new sheet. Thin on purpose:
// every call below is a service call, batched one per kind over the whole block.

import { writeBlock } from './block-writer';
import { FORECAST_SHEET_NAME, forecastLayout, nextMonth, type DropDown } from './forecast-layout';
import { insertNewSheet } from './new-sheet';
import { calendarDate, timeZoneReader } from './dates';

/** Inserts a new forecast sheet, starting with next month, and returns where it wrote. */
export function insertForecastSheet(): { sheetName: string; range: string } {
  // "next month" is the spreadsheet's: in its time zone (the script's is UTC), today may be the
  // 1st already, or still the last day of the month before
  const [year, month] = calendarDate(new Date(), timeZoneReader(), 'today');
  const layout = forecastLayout(nextMonth({ year, month }));
  const { sheet, sheetName } = insertNewSheet(FORECAST_SHEET_NAME);

  const width = layout.values[0].length;
  const columns = sheet.getMaxColumns();
  if (columns < width) sheet.insertColumnsAfter(columns, width - columns);
  writeBlock(sheet.getRange(layout.range), layout);
  sheet.getRange(layout.wrapRange).setWrap(true);

  // one rule per list, shared by its cells: a builder's calls are service calls too
  const rules = new Map<DropDown, GoogleAppsScript.Spreadsheet.DataValidation>();
  const ruleFor = (list: DropDown) => {
    if (!rules.has(list)) {
      const rule = SpreadsheetApp.newDataValidation()
        .requireValueInList(list.values, true)
        .setAllowInvalid(true) // dated snapshots and ft: ids are valid models too: warn, not reject
        .setHelpText(list.helpText)
        .build();
      rules.set(list, rule);
    }
    return rules.get(list)!;
  };
  sheet
    .getRange(layout.validationRange)
    .setDataValidations(layout.validations.map((row) => row.map((list) => list && ruleFor(list))));

  // B3 takes a date only: what Sheets reads as one ("2027-01", "January 2027", "1/2027", a
  // picked day); anything else is refused with the help text, never a silent text start month
  sheet
    .getRange(layout.startMonth.cell)
    .setDataValidation(
      SpreadsheetApp.newDataValidation()
        .requireDate()
        .setAllowInvalid(false)
        .setHelpText(layout.startMonth.helpText)
        .build(),
    );

  sheet.setFrozenRows(layout.frozenRows);
  sheet.setFrozenColumns(layout.frozenColumns);
  sheet.setColumnWidths(2, width - 1, layout.columnWidth); // "$12,345.67" and the headers fit
  // the workload names (not the long note in A4), in the inputs and beside the months
  for (const column of layout.nameColumns) sheet.setColumnWidth(column, layout.firstColumnWidth);
  sheet.insertChart(
    sheet
      .newChart()
      .asColumnChart()
      .setStacked()
      .setTitle(layout.chart.title)
      .addRange(sheet.getRange(layout.chart.range))
      .setTransposeRowsAndColumns(true) // a series per workload row, the months along the axis
      .setNumHeaders(1)
      .setPosition(layout.chart.row, layout.chart.column, 0, 0)
      .build(),
  );
  return { sheetName, range: layout.range };
}
