// Stand-ins for the two Apps Script services the add-on reads a date cell's day with: the active
// spreadsheet's time zone, and Utilities.formatDate (done here with Intl, as Apps Script does with
// the zone's rules). Give them to loadBundle as globals.

/** Globals for a spreadsheet in `zone`; each time-zone read is pushed onto `asked`. */
export function spreadsheetIn(zone: string, asked: string[] = []): Record<string, unknown> {
  return {
    SpreadsheetApp: {
      getActiveSpreadsheet: () => ({
        getSpreadsheetTimeZone: () => {
          asked.push('getSpreadsheetTimeZone');
          return zone;
        },
      }),
    },
    Utilities: {
      formatDate: (date: Date, timeZone: string, pattern: string) => {
        if (pattern !== 'yyyy-MM-dd') throw new Error(`unexpected pattern ${pattern}`);
        const parts = new Intl.DateTimeFormat('en-CA', {
          timeZone,
          year: 'numeric',
          month: '2-digit',
          day: '2-digit',
        }).formatToParts(date);
        const part = (type: string) => parts.find((p) => p.type === type)!.value;
        return `${part('year')}-${part('month')}-${part('day')}`;
      },
    },
  };
}
