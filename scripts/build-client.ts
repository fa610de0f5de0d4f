// Builds every browser bundle once and prints its size: a check that the client sources and their
// dependencies still bundle (the server builds them the same way on first use).
import { buildBundle, CLIENT_BUNDLES } from '../src/core/http/client-bundles.ts';

for (const name of Object.keys(CLIENT_BUNDLES)) {
  const started = Date.now();
  const b = await buildBundle(name);
  console.log(`${name}.js  ${(b.code.length / 1024).toFixed(0)} KiB  (${Date.now() - started} ms)`);
}
