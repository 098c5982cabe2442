// The calculator's token counter in a real Chromium, in the playground (set-up as in
// playground.browser.test.ts): a pasted prompt is counted on the server (dist/Code.js with the
// dist/Vocab_*.js files) with the chosen model's encoding, and the count becomes the input tokens; an
// error shows in the counter's status and leaves the input tokens alone.
import { get_encoding } from 'tiktoken';
import { usePlayground } from '../support/browser';

const pg = usePlayground({ width: 1200, height: 800 });
const sidebar = {
  locator: (selector: string) => pg.sidebar.locator(selector),
};

beforeAll(async () => {
  await pg.sidebar.locator('#tab-calculator').click();
});

const PROMPT =
  "You are a helpful assistant. Summarise the customer's e-mail in 3 bullet points:\n\nHi team, the invoice #4821 from 2025-06-30 is wrong — €1,200 instead of €1,020. Thanks!";

function tiktokenCount(encoding: 'o200k_base'): number {
  const reference = get_encoding(encoding);
  try {
    return reference.encode_ordinary(PROMPT).length;
  } finally {
    reference.free();
  }
}

async function count(model: string): Promise<string> {
  await sidebar.locator('#calc-model').selectOption(model);
  await sidebar.locator('#count-text').fill(PROMPT);
  await sidebar.locator('#count-tokens').click();
  await sidebar.locator('#count-status.success, #count-status.error').waitFor();
  return (await sidebar.locator('#count-status').textContent()) ?? '';
}

test("counts a pasted prompt with the model's encoding and uses it as the input tokens", async () => {
  const o200k = tiktokenCount('o200k_base');
  expect(await count('gpt-4o')).toBe(`${o200k} tokens (o200k_base), set as input tokens.`);
  await expect(sidebar.locator('#calc-input').inputValue()).resolves.toBe(String(o200k));
  await expect(sidebar.locator('#calc-formula').textContent()).resolves.toMatch(
    new RegExp(`^=OPENAI_COST\\("gpt-4o",${o200k},`),
  );
  await pg.screenshot('token-counter');

  // the calculator's models are those of today's Text tokens table: computer-use-preview, the one
  // with an unpublished tokenizer (its error is tested in test/sheets/tokens.test.ts), shut down
  // on 2026-07-23 and is no longer offered
  const models = await sidebar
    .locator('#calc-model option')
    .evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
  expect(models).toContain('gpt-5');
  expect(models).not.toContain('computer-use-preview');
  expect(await count('o3')).toBe(`${o200k} tokens (o200k_base), set as input tokens.`);
  await expect(sidebar.locator('#calc-input').inputValue()).resolves.toBe(String(o200k));
});

test('an empty prompt is nothing to count: an error, and the input tokens stay', async () => {
  await sidebar.locator('#calc-model').selectOption('gpt-4o');
  await sidebar.locator('#calc-input').fill('1234');
  await sidebar.locator('#count-text').fill('');
  await sidebar.locator('#count-tokens').click();
  await sidebar.locator('#count-status.error').waitFor();
  await expect(sidebar.locator('#count-status').textContent()).resolves.toBe(
    'There is nothing to count: paste a prompt first.',
  );
  await expect(sidebar.locator('#calc-input').inputValue()).resolves.toBe('1234');
});

test("the calculator's tiers are in the page's order: Standard, Batch, Flex, Priority", async () => {
  const order = ['Standard', 'Batch API', 'Flex processing', 'Priority processing'];
  // every model of the calculator, several of which have priority and batch prices
  const models = await sidebar
    .locator('#calc-model option')
    .evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
  let withThree = 0;
  for (const model of models) {
    await sidebar.locator('#calc-model').selectOption(model);
    const tiers = await sidebar
      .locator('#calc-tier option')
      .evaluateAll((options) => options.map((o) => o.textContent ?? ''));
    expect([model, tiers]).toEqual([model, order.filter((t) => tiers.includes(t))]);
    if (tiers.length >= 3) withThree++;
  }
  expect(withThree).toBeGreaterThan(0);
});
