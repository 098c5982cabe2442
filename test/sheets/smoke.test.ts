import { loadBundle } from '../support/bundle';

test('the built bundle prices a call in a bare context', () => {
  const { fns } = loadBundle();
  expect(fns.OPENAI_COST('gpt-4o', 100_000, 100_000)).toBeCloseTo(1.25, 12);
});
