// npm run deploy: build (done by the npm script), then clasp push dist/ to the Apps Script
// project named in .clasp.json. Without a script id it explains the one-time setup instead.
// `npm run deploy -- --without-vocab` pushes the add-on without the dist/Vocab_*.js files (the
// token vocabularies, ~3.4 MB (3.3 MiB) in five files of under 1 MB): every function but OPENAI_TOKENS works
// without them.

import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { vocabularyFilesIn } from './vocab-files';

const root = resolve(__dirname, '..');
const clasp = JSON.parse(readFileSync(resolve(root, '.clasp.json'), 'utf8')) as {
  scriptId?: string;
  rootDir?: string;
};
const vocab = vocabularyFilesIn(resolve(root, 'dist'));
const withoutVocab = process.argv.includes('--without-vocab');

const VOCAB_NOTE = `The dist/Vocab_*.js files hold the token vocabularies of OPENAI_TOKENS (about 3.4 MB, 3.3 MiB, in files
of under 1 MB each). If Apps Script refuses them, deploy without them: npm run deploy -- --without-vocab
Every other function works without them; OPENAI_TOKENS then says the vocabulary is not installed.`;

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
  // dist/ is generated: the next build writes the files again
  for (const file of vocab) rmSync(file, { force: true });
  console.log(
    'Pushing without the dist/Vocab_*.js files: OPENAI_TOKENS will say the vocabulary is not installed.',
  );
} else if (vocab.length > 0) {
  const sizes = vocab.map(
    (file) => `${basename(file)} ${(statSync(file).size / 1e6).toFixed(2)} MB`,
  );
  console.log(`Pushing the token vocabularies: ${sizes.join(', ')}.`);
}

const result = spawnSync('npx', ['clasp', 'push', '--force'], { cwd: root, stdio: 'inherit' });
if (result.status !== 0 && !withoutVocab) console.error(`\n${VOCAB_NOTE}`);
process.exit(result.status ?? 1);
