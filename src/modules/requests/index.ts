import type { ModuleManifest } from '../../core/services.ts';

/** 依申请公开: information requests from receipt to reply, with the statutory clock. */
export const requestsModule: ModuleManifest = {
  name: 'requests',
  register() {},
};
