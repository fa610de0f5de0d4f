import type { ModuleManifest } from '../../core/services.ts';
import { hasRole } from '../../core/auth/roles.ts';
import { registerGazettePublicRoutes } from './http/public-routes.tsx';
import { registerGazetteStaffRoutes } from './http/staff-routes.tsx';
import { registerGazetteScanRoutes } from './http/scan-routes.tsx';
import { ocrWorker } from './ocr/worker.ts';
import { closePrintBrowser } from './pdf/print.ts';
import { seedGazette } from './seed.ts';
import { registerGazetteLinks } from './http/links.ts';

/** 政府公报: issues put together from published records, released in HTML and a PDF laid out like print, searchable. */
/** The home page's box of the latest issue, for the portal. */
export { gazetteHomeSection } from './http/links.ts';

export const gazetteModule: ModuleManifest = {
  name: 'gazette',
  publicNav: [{ href: '/gazette', label: '政府公报' }],
  staffNav: [{ href: '/staff/gazette', label: '政府公报', visible: (u) => hasRole(u, 'openness_office', 'openness_head', 'system_admin') }],
  sitemap: [
    {
      title: '政府公报',
      links: [
        { href: '/gazette', label: '政府公报（按年份浏览）' },
        { href: '/gazette/search', label: '政府公报检索' },
      ],
    },
  ],
  register(app, core) {
    registerGazettePublicRoutes(app, core);
    registerGazetteLinks();
    registerGazetteStaffRoutes(app, core);
    // OCR of uploaded scans runs in the background, woken by each upload and every half minute.
    const worker = ocrWorker(core, (err) => app.log.error({ err }, 'gazette OCR job failed'));
    registerGazetteScanRoutes(app, core, worker);
    app.addHook('onReady', async () => worker.start());
    app.addHook('onClose', async () => {
      await worker.stop();
      await closePrintBrowser();
    });
  },
  seed: async (core, opts) => seedGazette(core, opts),
};
