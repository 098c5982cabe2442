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

/** What to do when google.script.run fails because the browser is signed into several accounts. */
export const MULTI_ACCOUNT_HINT =
  'Google could not tell which of your accounts runs the add-on (you are signed into several). ' +
  'Open this spreadsheet in a browser window (or an incognito window) signed into one Google account only, then try again.';

/** The message of a server error (Apps Script sends an Error; be lenient about anything else). */
export function errorMessage(error: unknown): string {
  const message = (error as { message?: unknown })?.message;
  const text = typeof message === 'string' && message ? message : String(error);
  return /PERMISSION_DENIED/.test(text) ? `${MULTI_ACCOUNT_HINT} (${text})` : text;
}
