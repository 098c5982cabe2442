// npm run deploy: build (done by the npm script), then clasp push dist/ to the Apps Script
// project named in .clasp.json. Without a script id it explains the one-time setup instead.
// `npm run deploy -- --without-vocab` pushes the add-on without dist/Vocab.js (the token
// vocabularies, ~3.3 MB): every function but OPENAI_TOKENS works without it.

import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { resolve } from 'node:path';

const root = resolve(__dirname, '..');
const clasp = JSON.parse(readFileSync(resolve(root, '.clasp.json'), 'utf8')) as {
  scriptId?: string;
  rootDir?: string;
};
const vocab = resolve(root, 'dist/Vocab.js');
const withoutVocab = process.argv.includes('--without-vocab');

const VOCAB_NOTE = `dist/Vocab.js holds the token vocabularies of OPENAI_TOKENS (about 3.3 MB). If Apps Script
refuses it for its size, deploy without it: npm run deploy -- --without-vocab
Every other function works without it; OPENAI_TOKENS then says the vocabulary is not installed.`;

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
Then open the sheet (npx clasp open-container), reload it, and use Extensions > OpenAI Pricing.
${VOCAB_NOTE}`);
  process.exit(1);
}

if (clasp.rootDir !== 'dist') {
  console.error(
    `.clasp.json must have "rootDir": "dist" (found ${JSON.stringify(clasp.rootDir)}).`,
  );
  process.exit(1);
}

if (withoutVocab) {
  // dist/ is generated: the next build writes Vocab.js again
  rmSync(vocab, { force: true });
  console.log(
    'Pushing without dist/Vocab.js: OPENAI_TOKENS will say the vocabulary is not installed.',
  );
} else if (existsSync(vocab)) {
  console.log(`Pushing dist/Vocab.js (${(statSync(vocab).size / 1e6).toFixed(1)} MB).`);
}

const result = spawnSync('npx', ['clasp', 'push', '--force'], { cwd: root, stdio: 'inherit' });
if (result.status !== 0 && !withoutVocab) console.error(`\n${VOCAB_NOTE}`);
process.exit(result.status ?? 1);
