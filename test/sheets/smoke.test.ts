import { loadBundle } from '../support/bundle';

test('the built bundle prices a call in a bare context', () => {
  const { fns } = loadBundle();
  expect(fns.OPENAI_COST('gpt-4o', 1_000_000, 1_000_000)).toBeCloseTo(12.5, 12);
});
