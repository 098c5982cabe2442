// Every test run builds dist/ first, so the bundle the tests load is the one the source makes.
import { buildAll } from '../scripts/build';

export default async function globalSetup(): Promise<void> {
  await buildAll();
}
