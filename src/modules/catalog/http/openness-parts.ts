// Further parts of the 政府信息公开 column supplied by other modules (e.g. the 政府公报 of a government that
// publishes one). They depend on the catalog, so the catalog cannot import them: they register at start-up.
import type { Core } from '../../../core/services.ts';

export interface OpennessPart {
  /** Anchor id on the column pages. */
  id: string;
  heading: string;
  text: string;
  links: { href: string; label: string }[];
}

type Provider = (core: Core, rootUnitId: number) => Promise<OpennessPart | undefined>;

const providers: Provider[] = [];

export function addOpennessPartProvider(p: Provider): void {
  if (!providers.includes(p)) providers.push(p);
}

/** The parts for a site, in registration order; a site without the thing gets none. */
export async function opennessParts(core: Core, rootUnitId: number): Promise<OpennessPart[]> {
  const found = await Promise.all(providers.map((p) => p(core, rootUnitId)));
  return found.filter((p): p is OpennessPart => !!p);
}
