import type { ModuleManifest } from '../../core/services.ts';

/** Proactive publishing (主动公开): records, review, interpretation, validity, search and public pages. */
export const publishingModule: ModuleManifest = {
  name: 'publishing',
  register() {},
};
