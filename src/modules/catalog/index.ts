import type { ModuleManifest } from '../../core/services.ts';
import { seedCatalog } from './seed.ts';

/** The standard catalog (标准目录): domains, items, unit catalogs and their versions. */
export const catalogModule: ModuleManifest = {
  name: 'catalog',
  register() {
    // Routes come with the catalog pages.
  },
  seed: async (core) => seedCatalog(core),
};
