import type { ModuleManifest } from '../../core/services.ts';
import { registerNewmediaRoutes } from './http/routes.tsx';
import { newmediaWorkQueue } from './work-queue.ts';
import { seedNewmedia } from './seed.ts';

export { setPostContentCheck } from './content-check.ts';
export { silentAccounts, type SilentAccount } from './service.ts';

/** 政务新媒体 (国办发〔2018〕123号): the account registry with reviewed 开设/变更/关停/注销, the public matrix with QR codes, posts under a review chain, and the 14-day silence flag. */
export const newmediaModule: ModuleManifest = {
  name: 'newmedia',
  publicNav: [{ href: '/newmedia', label: '政务新媒体' }],
  staffNav: [{ href: '/staff/newmedia', label: '政务新媒体', visible: (u) => u.roles.some((r) => r !== 'security_admin') }],
  sitemap: [{ title: '政务新媒体', links: [{ href: '/newmedia', label: '政务新媒体矩阵' }] }],
  workQueue: (core, user) => newmediaWorkQueue(core, user),
  seed: async (core, opts) => seedNewmedia(core, opts),
  register(app, core) {
    registerNewmediaRoutes(app, core);
  },
};
