// google.script.run as promises. In Sheets the global comes from Apps Script; in the playground
// from the shim of scripts/playground/serve.ts.

import type { ServerFunctions } from './contract';

interface ScriptRun {
  withSuccessHandler(handler: (value: unknown) => void): ScriptRun;
  withFailureHandler(handler: (error: Error) => void): ScriptRun;
  [name: string]: unknown;
}

declare const google: { script: { run: ScriptRun } };

export function callServer<K extends keyof ServerFunctions>(
  name: K,
  ...args: Parameters<ServerFunctions[K]>
): Promise<ReturnType<ServerFunctions[K]>> {
  return new Promise((resolve, reject) => {
    const run = google.script.run
      .withSuccessHandler((value) => resolve(value as ReturnType<ServerFunctions[K]>))
      .withFailureHandler((error) => reject(error));
    (run[name] as (...a: unknown[]) => void)(...args);
  });
}

/** The message of a server error (Apps Script sends an Error; be lenient about anything else). */
export function errorMessage(error: unknown): string {
  const message = (error as { message?: unknown })?.message;
  return typeof message === 'string' && message ? message : String(error);
}
