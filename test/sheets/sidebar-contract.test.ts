// The sidebar's view of the server contract (src/sidebar/contract.ts) matches the server's types:
// these assignments fail the typecheck (npm test) if the two drift apart.
import type {
  SidebarData as ClientData,
  Inserted as ClientInserted,
  TokenCount,
} from '../../src/sidebar/contract';
import { countTokens } from '../../src/sheets/functions/tokens';
import { getSidebarData } from '../../src/sheets/sidebar-data';
import type { Inserted } from '../../src/sheets/writer';

test('server results are what the client expects', () => {
  const data: ClientData = getSidebarData();
  const inserted: Inserted = { sheetName: 'x', range: 'A1' };
  const seen: ClientInserted = inserted;
  expect(data.sections.length).toBeGreaterThan(0);
  expect(seen.range).toBe('A1');
  // types only: without the Vocab files loaded a call would throw
  const counted: (text: string, model: string) => TokenCount = countTokens;
  expect(typeof counted).toBe('function');
});
