// For test files that build a catalog from nothing: the app they create starts without the demo catalog
// of the first start (../seed.ts). Each test file runs in its own process, so this stays in that file.
import { DEMO_CATALOG_ENV } from '../seed.ts';

/** Call before createTestApp(). */
export function withoutDemoCatalog(): void {
  process.env[DEMO_CATALOG_ENV] = '0';
}
