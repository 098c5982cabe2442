// "Did you mean" stays in the family (src/pricing/names.ts closestNames, as unknownModelMessage
// uses it): a family's stem suggests its models, a dated name its own model first, then that
// model's snapshots nearest the typed date; a plain typo the nearest name by edit distance.
import { closestNames } from '../../src/pricing/names';
import { modelIndex, unknownModelMessage } from '../../src/pricing/models';

const suggested = (typed: string) =>
  /did you mean (.*)\?\)$/
    .exec(unknownModelMessage(typed, 'text'))?.[1]
    .split(/, | or /)
    .map((q) => q.slice(1, -1)) ?? [];

test.each([
  ['gpt-6', ['gpt-6-sol', 'gpt-6-luna', 'gpt-6-astra']],
  ['GPT-6 ', ['gpt-6-sol', 'gpt-6-luna', 'gpt-6-astra']],
  ['gpt-4o-mini-2024', ['gpt-4o-mini', 'gpt-4o-mini-2024-07-18']],
  ['gpt-4o-mini-2024-07-19', ['gpt-4o-mini', 'gpt-4o-mini-2024-07-18']],
  ['gpt-4o-2024-05-14', ['gpt-4o', 'gpt-4o-2024-05-13', 'gpt-4o-2024-08-06']],
  ['o3-2025', ['o3', 'o3-2025-04-16']],
  ['gpt-6-sol-2026-01-01', ['gpt-6-sol']],
  ['gpt-6-luna-latest', ['gpt-6-luna']],
  ['gpt-4-0612', ['gpt-4', 'gpt-4-0613', 'gpt-4-0314']],
  ['gpt4o', ['gpt-4o']],
  ['gpt-4.1-mni', ['gpt-4.1-mini']],
  ['gpt-5.7', ['gpt-5.6', 'gpt-5.5', 'gpt-5.4']],
])('%s → %j', (typed, names) => {
  expect(suggested(typed)).toEqual(names);
});

test('every suggestion of a dated or family name is a model of that family', () => {
  const names = modelIndex().text.names;
  for (const name of names) {
    // each real model, typed with a date it does not have: its own model comes first
    const dated = `${name}-2019-01-01`;
    if (names.includes(dated)) continue;
    const first = suggested(dated)[0];
    expect([dated, first]).toEqual([dated, name]);
  }
  for (const family of ['gpt-6', 'gpt-5.6', 'o4', 'gpt-4o-mini']) {
    const members = closestNames(
      `${family}`,
      names.filter((n) => n !== family),
    );
    expect(members.length).toBeGreaterThan(0);
    for (const member of members) expect(member.startsWith(`${family}-`)).toBe(true);
  }
});

test('other lists keep plain edit distance', () => {
  expect(closestNames('gpt4o', ['gpt-4o', 'gpt-4', 'o1'])).toEqual(['gpt-4o']);
  expect(closestNames('inptu', ['input', 'output', 'cached_input'])).toEqual(['input']);
});
