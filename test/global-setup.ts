// Every test run builds dist/ first, so the bundle the tests load is the one the source makes;
// it also fingerprints the tracked files, which the global teardown checks no test changed.
import { buildAll } from '../scripts/build';
import { fingerprintTrackedFiles } from './support/tracked-files';

export default async function globalSetup(): Promise<void> {
  await buildAll();
  (globalThis as { trackedFiles?: Map<string, string> }).trackedFiles = fingerprintTrackedFiles();
}
