import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../..');
const CLASP = join(ROOT, 'node_modules/.bin/clasp');
const VOCABULARY_FILES = [
  'Vocab_cl100k_base_1.js',
  'Vocab_cl100k_base_2.js',
  'Vocab_o200k_base_1.js',
  'Vocab_o200k_base_2.js',
  'Vocab_o200k_base_3.js',
];

describe('deployment files', () => {
  test('dist/appsscript.json: V8, exactly the two scopes, exception logging', () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, 'dist/appsscript.json'), 'utf8'));
    expect(manifest.runtimeVersion).toBe('V8');
    expect(manifest.exceptionLogging).toBe('STACKDRIVER');
    expect([...manifest.oauthScopes].sort()).toEqual([
      'https://www.googleapis.com/auth/script.container.ui',
      'https://www.googleapis.com/auth/spreadsheets.currentonly',
    ]);
  });

  test('.clasp.json pushes dist/', () => {
    const project = JSON.parse(readFileSync(join(ROOT, '.clasp.json'), 'utf8'));
    expect(project.rootDir).toBe('dist');
  });

  /** The files clasp would push from a copy of dist/, with `leaveOut` removed from it. */
  function filesToPush(leaveOut: string[] = []): string[] {
    const dir = mkdtempSync(join(tmpdir(), 'clasp-'));
    try {
      cpSync(join(ROOT, 'dist'), join(dir, 'dist'), { recursive: true });
      for (const file of leaveOut) rmSync(join(dir, 'dist', file));
      writeFileSync(
        join(dir, '.clasp.json'),
        JSON.stringify({ scriptId: 'test', rootDir: 'dist' }),
      );
      const run = spawnSync(CLASP, ['show-file-status', '--json'], { cwd: dir, encoding: 'utf8' });
      expect(run.status).toBe(0);
      const status = JSON.parse(run.stdout);
      expect(status.untrackedFiles).toEqual([]);
      return [...status.filesToPush].sort();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  test('clasp would push exactly Code.js, Sidebar.html, the vocabulary files and appsscript.json', () => {
    expect(filesToPush()).toEqual([
      'dist/Code.js',
      'dist/Sidebar.html',
      ...VOCABULARY_FILES.map((name) => `dist/${name}`),
      'dist/appsscript.json',
    ]);
  });

  test('without the vocabulary files (npm run deploy -- --without-vocab) clasp pushes the other three', () => {
    expect(filesToPush(VOCABULARY_FILES)).toEqual([
      'dist/Code.js',
      'dist/Sidebar.html',
      'dist/appsscript.json',
    ]);
  });

  test('npm run deploy without a script id explains the first-time steps and fails', () => {
    const dir = mkdtempSync(join(tmpdir(), 'deploy-'));
    try {
      for (const file of [
        'scripts/deploy.ts',
        'scripts/vocab-files.ts',
        'src/tokens/vocabulary-files.ts',
      ]) {
        cpSync(join(ROOT, file), join(dir, file));
      }
      writeFileSync(join(dir, '.clasp.json'), JSON.stringify({ scriptId: '', rootDir: 'dist' }));
      const run = spawnSync(join(ROOT, 'node_modules/.bin/tsx'), ['scripts/deploy.ts'], {
        cwd: dir,
        encoding: 'utf8',
      });
      expect(run.status).toBe(1);
      expect(run.stderr).toContain('npx clasp login');
      expect(run.stderr).toContain('npx clasp create-script --type sheets --rootDir dist --title');
      expect(run.stderr).toContain('npm run deploy -- --without-vocab');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
