// Custom functions over a range call the same row function for every row, and a column often
// repeats one value: 100,000 rows of one model, one tier, one misspelt price kind. A memo answers a
// repeated set of arguments with the first answer, also when that answer was an error, so a
// message (a "did you mean" search, a list of offered tiers) is worded once, not once per row.

import { isDate } from '../pricing/show';

type Answer<T> = { value: T } | { error: unknown };

/**
 * One level per remembered cell. Cell values are Map keys as they are (text, numbers, booleans
 * and blanks never equal each other); dates by their instant, in a map of their own, so a number
 * never finds a date's answer. No key strings are built: a row costs a few Map look-ups.
 */
interface Node<T> {
  values: Map<unknown, Node<T>>;
  dates: Map<unknown, Node<T>> | null;
  answer: Answer<T> | null;
}

const node = <T>(): Node<T> => ({ values: new Map(), dates: null, answer: null });

/**
 * `compute` of a row's cells (mapCells' buffer), remembering its result or its thrown error per
 * distinct values of the cells at `used` (default: all), up to `limit` distinct ones, so a column
 * of all-different values costs about what it would without the memo.
 */
export function memoized<T>(
  compute: (cells: unknown[]) => T,
  used?: number[],
  limit = 10_000,
): (cells: unknown[]) => T {
  const root = node<T>();
  let remembered = 0;
  return (cells) => {
    const count = used ? used.length : cells.length;
    let at: Node<T> | null = root;
    for (let k = 0; k < count && at !== null; k++) {
      const value = cells[used ? used[k] : k];
      const date = isDate(value);
      const key = date ? value.getTime() : value;
      const level: Map<unknown, Node<T>> = date ? (at.dates ??= new Map()) : at.values;
      let next = level.get(key) ?? null;
      if (next === null && remembered < limit) level.set(key, (next = node<T>()));
      at = next;
    }
    if (at === null) return compute(cells); // past the limit: nothing to remember, no rethrow
    let answer = at.answer;
    if (answer === null) {
      try {
        answer = { value: compute(cells) };
      } catch (error) {
        answer = { error };
      }
      at.answer = answer;
      remembered++;
    }
    if ('error' in answer) throw answer.error;
    return answer.value;
  };
}

/**
 * A one-value reader (a tier, a batch flag, a day cell) with its answers and errors remembered:
 * a column repeats a handful of values, each parsed once.
 */
export function remembering<T>(parse: (value: unknown) => T): (value: unknown) => T {
  const remembered = memoized((cells) => parse(cells[0]));
  const cell: unknown[] = [undefined];
  return (value) => {
    cell[0] = value;
    return remembered(cell);
  };
}
