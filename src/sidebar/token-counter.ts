// The calculator's token counter: paste a typical prompt, count its tokens exactly for the chosen
// model and use the count as the input tokens, so the cost shown is that of one such request. The
// server counts (countTokens): the vocabularies live in its Vocab_*.js files, far too big for the
// sidebar.
// The counter builds its own elements beside the calculator's input field.

import { callServer, errorMessage } from './server';

function make<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Partial<HTMLElementTagNameMap[K]> = {},
): HTMLElementTagNameMap[K] {
  return Object.assign(document.createElement(tag), props);
}

export function setUpTokenCounter(): void {
  const model = document.getElementById('calc-model') as HTMLSelectElement | null;
  const input = document.getElementById('calc-input') as HTMLInputElement | null;
  const field = input?.closest('.form-group');
  if (!model || !input || !field) return;

  const text = make('textarea', { id: 'count-text', rows: 4 });
  const label = make('label', {
    htmlFor: 'count-text',
    textContent: 'Or count the tokens of a prompt',
  });
  const button = make('button', {
    type: 'button',
    id: 'count-tokens',
    textContent: 'Count tokens → input tokens',
  });
  const status = make('div', { id: 'count-status', className: 'status' });
  status.setAttribute('role', 'status');
  status.setAttribute('aria-live', 'polite');
  const group = make('div', { className: 'block form-group' });
  group.append(label, text, button, status);
  field.after(group);

  button.addEventListener('click', async () => {
    if (text.value === '') {
      // nothing to count is not a count of 0: the input tokens stay as they are
      status.className = 'status error';
      status.textContent = 'There is nothing to count: paste a prompt first.';
      return;
    }
    button.disabled = true;
    status.className = 'status gray';
    status.textContent = 'Counting…';
    try {
      const counted = await callServer('countTokens', text.value, model.value);
      input.value = String(counted.tokens);
      input.dispatchEvent(new Event('input'));
      status.className = 'status success';
      status.textContent = `${counted.tokens} tokens (${counted.encoding}), set as input tokens.`;
    } catch (error) {
      status.className = 'status error';
      status.textContent = errorMessage(error);
    } finally {
      button.disabled = false;
    }
  });
}
