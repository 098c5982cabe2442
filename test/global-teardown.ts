// Fails the run if a test rewrote a tracked file (see test/support/tracked-files.ts).
import { changedFiles, fingerprintTrackedFiles } from './support/tracked-files';

export default function globalTeardown(): void {
  const before = (globalThis as { trackedFiles?: Map<string, string> }).trackedFiles;
  if (!before) return;
  const changed = changedFiles(before, fingerprintTrackedFiles());
  if (changed.length > 0) {
    throw new Error(
      `tests changed tracked files (write outputs to artifacts/ instead): ${changed.join(', ')}`,
    );
  }
}
