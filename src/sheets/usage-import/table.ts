// The table an import writes: the export's columns in the dashboard CSV's layout (usage or cost),
// then any column the layout does not know, in the order met (no data is dropped). Rows are
// padded to one width; a blank cell is ''.

import { isoFromSeconds, secondsFromIso, type Cell } from './cells';
import { COLUMNS, type ExportKind } from './columns';

export interface ImportTable {
  kind: ExportKind;
  /** the layout's headers, then the extra columns' headers as the export named them */
  header: string[];
  rows: Cell[][];
  /** what the user should know about the data (a truncated API response, ...) */
  warnings: string[];
}

export class TableBuilder {
  readonly header: string[];
  readonly rows: Cell[][] = [];
  readonly warnings: string[] = [];
  /** lower-case name → column, for the layout's columns and the extras added so far */
  private readonly index = new Map<string, number>();
  /** the layout's columns that the export itself had */
  private readonly present = new Set<string>();
  /** every name met, for a CSV header that names a column twice */
  private readonly seen = new Set<string>();

  constructor(readonly kind: ExportKind) {
    this.header = [...COLUMNS[kind]];
    this.header.forEach((name, k) => this.index.set(name, k));
  }

  /**
   * The column of a field named `name` (any case): the layout's column the first time it is met,
   * an extra column otherwise, or for a name the layout does not know.
   */
  columnOf(name: string, fresh = false): number {
    const key = name.trim().toLowerCase();
    const known = this.index.get(key);
    const taken = fresh && this.seen.has(key);
    this.seen.add(key);
    if (known !== undefined && !taken) {
      if (known < COLUMNS[this.kind].length) this.present.add(key);
      return known;
    }
    this.header.push(name.trim() === '' ? `column_${this.header.length + 1}` : name.trim());
    if (known === undefined) this.index.set(key, this.header.length - 1);
    return this.header.length - 1;
  }

  /** the name that types a column's cells: the layout's name, or the extra's header */
  typeName(column: number): string {
    return column < COLUMNS[this.kind].length
      ? this.header[column]
      : `extra:${this.header[column]}`;
  }

  /** a new blank row, as wide as the header is now */
  addRow(): Cell[] {
    const row = new Array<Cell>(this.header.length).fill('');
    this.rows.push(row);
    return row;
  }

  /** The table: rows padded to the header's width, each missing time column derived from its twin. */
  finish(): ImportTable {
    const width = this.header.length;
    const derive = (target: string, from: string, convert: (value: Cell) => Cell) => {
      if (this.present.has(target) || !this.present.has(from)) return;
      const t = this.index.get(target)!;
      const f = this.index.get(from)!;
      for (const row of this.rows) if (row[f] !== '') row[t] = convert(row[f]);
    };
    const toIso = (value: Cell) => (typeof value === 'number' ? isoFromSeconds(value) : '');
    const toSeconds = (value: Cell) => (typeof value === 'string' ? secondsFromIso(value) : '');
    derive('start_time_iso', 'start_time', toIso);
    derive('end_time_iso', 'end_time', toIso);
    derive('start_time', 'start_time_iso', toSeconds);
    derive('end_time', 'end_time_iso', toSeconds);
    for (const row of this.rows) while (row.length < width) row.push('');
    return { kind: this.kind, header: this.header, rows: this.rows, warnings: this.warnings };
  }
}
