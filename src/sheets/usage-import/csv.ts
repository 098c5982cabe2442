// CSV as the OpenAI dashboard writes it (RFC 4180): fields split by ",", a field in double quotes
// may hold commas, line breaks and "" for a quote; lines end in \n, \r\n or \r. Hand-written (about
// 50 lines) rather than a library: the server bundle must stay small and load nothing at start.

/** Records of fields; a blank line is no record. Throws on a quote that is never closed. */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  const length = text.length;
  let record: string[] = [];
  let k = 0;
  let line = 1;
  for (;;) {
    let field: string;
    if (text.charCodeAt(k) === 34 /* " */) {
      const startLine = line;
      let value = '';
      let from = k + 1;
      for (;;) {
        const quote = text.indexOf('"', from);
        if (quote < 0) {
          throw new Error(`line ${startLine}: a quoted field is never closed (a " is missing)`);
        }
        value += text.slice(from, quote);
        if (text.charCodeAt(quote + 1) === 34) {
          value += '"';
          from = quote + 2;
          continue;
        }
        k = quote + 1;
        break;
      }
      for (let i = value.indexOf('\n'); i >= 0; i = value.indexOf('\n', i + 1)) line++;
      // text between the closing quote and the next separator is kept, as spreadsheets do
      let end = k;
      while (end < length && !isSeparator(text.charCodeAt(end))) end++;
      field = value + text.slice(k, end);
      k = end;
    } else {
      let end = k;
      while (end < length && !isSeparator(text.charCodeAt(end))) end++;
      field = text.slice(k, end);
      k = end;
    }
    record.push(field);
    const code = text.charCodeAt(k);
    if (code === 44 /* , */) {
      k++;
      continue;
    }
    // end of a line or of the text: a record, unless the line was blank
    if (record.length > 1 || record[0] !== '') records.push(record);
    record = [];
    if (k >= length) break;
    k += code === 13 && text.charCodeAt(k + 1) === 10 ? 2 : 1;
    line++;
    if (k >= length) break;
  }
  return records;
}

function isSeparator(code: number): boolean {
  return code === 44 || code === 10 || code === 13;
}
