// The guard of the global teardown (test/support/tracked-files.ts): it sees a rewritten file.
import { changedFiles, fingerprintTrackedFiles } from '../support/tracked-files';

test('a tracked file rewritten between two fingerprints is named; the others are not', () => {
  const before = fingerprintTrackedFiles();
  expect(before.has('docs/forecast.png')).toBe(true);
  expect(before.has('README.md')).toBe(true);
  const after = new Map(before);
  after.set('docs/forecast.png', 'another picture');
  expect(changedFiles(before, after)).toEqual(['docs/forecast.png']);
  expect(changedFiles(before, fingerprintTrackedFiles())).toEqual([]);
});
