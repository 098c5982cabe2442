// The "Import usage…" page: an OpenAI usage or cost export, pasted or chosen as a file (read here
// with FileReader, never uploaded anywhere but to the add-on's own importUsageExport), goes into a
// new sheet. The last thing the user did wins: choosing a file empties the paste box, typing in the
// box forgets the file.

import { callServer, errorMessage } from './server';

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

const KIND_NAMES = { usage: 'usage', cost: 'cost' } as const;

/** "12.3 KB", "4.1 MB" */
function size(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function readFile(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result ?? ''));
    reader.onerror = () => reject(reader.error ?? new Error(`${file.name} could not be read`));
    reader.readAsText(file); // UTF-8; a BOM is dropped here or by the server
  });
}

export function setUpUsageImport(): void {
  const file = byId<HTMLInputElement>('import-file');
  const text = byId<HTMLTextAreaElement>('import-text');
  const chosen = byId('import-chosen');
  const run = byId<HTMLButtonElement>('import-run');
  const status = byId('import-status');
  let fileText: { name: string; text: string } | null = null;

  const show = (message: string, kind: 'success' | 'error' | 'gray') => {
    status.textContent = message;
    status.className = `status ${kind}`;
  };
  const update = () => {
    run.disabled = run.dataset.busy === 'true' || (fileText === null && text.value.trim() === '');
  };

  file.addEventListener('change', async () => {
    const picked = file.files?.[0];
    fileText = null;
    chosen.textContent = '';
    if (!picked) return update();
    try {
      const content = await readFile(picked);
      fileText = { name: picked.name, text: content };
      text.value = '';
      const lines = content.split('\n').filter((line) => line.trim() !== '').length;
      chosen.textContent = `${picked.name}: ${size(picked.size)}, ${lines.toLocaleString('en-US')} lines.`;
      show('', 'gray');
    } catch (error) {
      show(errorMessage(error), 'error');
    }
    update();
  });
  text.addEventListener('input', () => {
    if (fileText) {
      fileText = null;
      file.value = '';
      chosen.textContent = '';
    }
    update();
  });
  run.addEventListener('click', async () => {
    const payload = fileText?.text ?? text.value;
    if (payload.trim() === '') return;
    run.dataset.busy = 'true';
    update();
    show('Importing…', 'gray');
    try {
      const done = await callServer('importUsageExport', payload);
      const rows = `${done.rows.toLocaleString('en-US')} ${KIND_NAMES[done.kind]} row${done.rows === 1 ? '' : 's'}`;
      show(`Imported ${rows} into the new sheet “${done.sheetName}”.`, 'success');
    } catch (error) {
      show(errorMessage(error), 'error');
    } finally {
      run.dataset.busy = 'false';
      update();
    }
  });
  update();
}
