// npm run deploy: build (done by the npm script), then clasp push dist/ to the Apps Script
// project named in .clasp.json. Without a script id it explains the one-time setup instead.

import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const root = resolve(__dirname, '..');
const clasp = JSON.parse(readFileSync(resolve(root, '.clasp.json'), 'utf8')) as {
  scriptId?: string;
  rootDir?: string;
};

if (!clasp.scriptId) {
  console.error(`No Apps Script project is configured yet (.clasp.json has no scriptId).
First-time setup, once per machine and project:
  1. npx clasp login
     (and turn on the Apps Script API at https://script.google.com/home/usersettings)
  2. rm .clasp.json
     (clasp refuses to create a project over an existing project file; this one is a placeholder)
  3. npx clasp create-script --type sheets --rootDir dist --title "OpenAI Pricing"
     This creates a new Google Sheet with a bound script and writes .clasp.json with its
     scriptId and "rootDir": "dist".
  4. npm run deploy
Then open the sheet (npx clasp open-container), reload it, and use Extensions > OpenAI Pricing.`);
  process.exit(1);
}

if (clasp.rootDir !== 'dist') {
  console.error(
    `.clasp.json must have "rootDir": "dist" (found ${JSON.stringify(clasp.rootDir)}).`,
  );
  process.exit(1);
}

const result = spawnSync('npx', ['clasp', 'push', '--force'], { cwd: root, stdio: 'inherit' });
process.exit(result.status ?? 1);
