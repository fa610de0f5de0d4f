// Staff routes of the website monitor (政务公开办).
import type { FastifyInstance } from 'fastify';
import type { Core } from '../../../core/services.ts';
import { FormReader } from '../../../core/http/form.ts';
import { actorOf, pageContext, setFlash } from '../../../core/http/context.ts';
import { requireStaff } from '../../../core/http/guards.ts';
import { renderDocument } from '../../../core/ui/render.ts';
import type { MonitorThresholds } from '../domain/monitor.ts';
import { getThresholds, latestRun, runMonitor, saveThresholds } from '../service-monitor.ts';
import type { PageFetcher } from '../crawl.ts';
import { MONITOR_BASE, MonitorPage, THRESHOLD_LABELS } from '../views/monitor.tsx';
import { OFFICE_ROLES } from './content-routes.tsx';

const HTML = 'text/html; charset=utf-8';

export function registerMonitorRoutes(app: FastifyInstance, core: Core, fetcherFor: (rootUnitId: number) => Promise<PageFetcher>): void {
  const guard = { preHandler: requireStaff(...OFFICE_ROLES) };

  app.get(MONITOR_BASE, guard, async (req, reply) => {
    const root = req.user!.rootUnitId;
    const [run, thresholds] = await Promise.all([latestRun(core.db, root), getThresholds(core.db, root)]);
    return reply.type(HTML).send(renderDocument(<MonitorPage ctx={pageContext(req, reply)} run={run} thresholds={thresholds} values={{}} errors={{}} />));
  });

  app.post(`${MONITOR_BASE}/run`, guard, async (req, reply) => {
    const root = req.user!.rootUnitId;
    const run = await runMonitor(core, root, await fetcherFor(root));
    setFlash(reply, `监测完成：检查 ${run.pages} 个页面，发现 ${run.findings.length} 个问题。`);
    return reply.redirect(MONITOR_BASE, 303);
  });

  app.post(`${MONITOR_BASE}/thresholds`, guard, async (req, reply) => {
    const root = req.user!.rootUnitId;
    const form = new FormReader(req.body);
    const values: Record<string, string> = {};
    const input = {} as Record<keyof MonitorThresholds, number | undefined>;
    for (const k of Object.keys(THRESHOLD_LABELS) as (keyof MonitorThresholds)[]) {
      const raw = form.raw(k).trim().slice(0, 10);
      values[k] = raw;
      input[k] = /^\d{1,6}$/.test(raw) ? Number(raw) : undefined;
    }
    const r = await saveThresholds(core, actorOf(req), root, input);
    if (!r.ok) {
      const [run, thresholds] = await Promise.all([latestRun(core.db, root), getThresholds(core.db, root)]);
      return reply
        .code(400)
        .type(HTML)
        .send(renderDocument(<MonitorPage ctx={pageContext(req, reply)} run={run} thresholds={thresholds} values={values} errors={r.errors} />));
    }
    setFlash(reply, '监测标准已保存，下次监测起适用。');
    return reply.redirect(`${MONITOR_BASE}#thresholds`, 303);
  });
}
