// Query terminals (ADR 0022): a terminal opens /kiosk?terminal=<code>, which sets the terminal cookie;
// from then on every public page of that browser is rendered in the kiosk frame and counted.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Core } from '../../../core/services.ts';
import { FormReader } from '../../../core/http/form.ts';
import { actorOf, pageContext, setFlash } from '../../../core/http/context.ts';
import { requireStaff } from '../../../core/http/guards.ts';
import { HttpError, NotFoundError } from '../../../core/http/errors.ts';
import { renderDocument } from '../../../core/ui/render.ts';
import { shanghaiToday } from '../../../core/clock.ts';
import { publicUnitsOfRoot } from '../../units/index.ts';
import { GENERAL_COLUMN_LABELS, GENERAL_COLUMNS, SUBJECTS, columnListPath } from '../../publishing/index.ts';
import { IDLE_MAX_SECONDS, IDLE_MIN_SECONDS, parseCommonSearches, TERMINAL_CODE } from '../domain/settings.ts';
import { activeTerminal, countUse, getKioskSettings, listTerminals, saveKioskSettings, saveTerminal, useOfTerminals, type KioskSettings } from '../service.ts';
import { KioskStartPage, StaffKioskPage, TerminalEditPage, type BrowseLinks, type StaffKioskForm, type UseTable } from '../views/kiosk.tsx';

export const KIOSK_COOKIE = 'gk_kiosk';
const HTML = 'text/html; charset=utf-8';
const REPORT_DAYS = 30;

declare module 'fastify' {
  interface FastifyRequest {
    kioskTerminalId?: number;
  }
}

function origin(req: FastifyRequest): string {
  return `${req.protocol}://${req.host}`;
}

async function browseLinks(core: Core, rootUnitId: number): Promise<BrowseLinks> {
  const units = await publicUnitsOfRoot(core, rootUnitId);
  return {
    columns: [
      ...GENERAL_COLUMNS.map((c) => ({ href: columnListPath(c), label: GENERAL_COLUMN_LABELS[c] })),
      { href: '/policy-library', label: '政策文件库' },
      { href: '/openness', label: '政府信息公开' },
      { href: '/services', label: '办事指南' },
      { href: '/requests', label: '依申请公开' },
      { href: '/units', label: '机构概况' },
    ],
    subjects: SUBJECTS.map((s) => ({ href: `/records?subject=${encodeURIComponent(s)}`, label: s })),
    units: units.filter((u) => u.parentId !== null).map((u) => ({ href: `/records?unit=${encodeURIComponent(u.slug)}`, label: u.name })),
  };
}

export function registerKioskRoutes(app: FastifyInstance, core: Core): void {
  // Every request from a terminal: the kiosk frame for its pages, no back office.
  app.addHook('onRequest', async (req, reply) => {
    const code = req.cookies[KIOSK_COOKIE];
    if (!code || !req.site || req.url.startsWith('/assets/')) return;
    const t = await activeTerminal(core.db, code);
    if (!t || t.rootUnitId !== req.site.rootUnitId) return;
    const path = req.url.split('?')[0] ?? '/';
    if (path === '/staff' || path.startsWith('/staff/')) return reply.redirect('/kiosk', 303);
    const settings = await getKioskSettings(core.db, t.rootUnitId);
    // The QR code carries the page without the terminal's parameter.
    // A QR code holds at most about 2 900 bytes and is hard to scan long before that: a long query is left off.
    const url = path === '/kiosk' ? '/' : req.url.length <= 300 ? req.url : path.slice(0, 300);
    req.kiosk = { terminalName: t.name, idleSeconds: settings.idleSeconds, pageUrl: `${origin(req)}${url}` };
    req.kioskTerminalId = t.id;
  });
  app.addHook('onSend', async (req, reply, payload) => {
    if (!req.kiosk) return payload;
    // A terminal's pages are for that terminal only: no shared cache may hand them to anyone else.
    reply.header('cache-control', 'no-store');
    // Counted here rather than after the response, so the count is written before the next page is asked for.
    if (req.kioskTerminalId && req.method === 'GET' && reply.statusCode === 200 && String(reply.getHeader('content-type') ?? '').startsWith('text/html')) {
      const start = (req.url.split('?')[0] ?? '') === '/kiosk';
      try {
        await countUse(core.db, req.kioskTerminalId, shanghaiToday(core.clock.now()), start);
      } catch (err) {
        req.log.error({ err }, 'kiosk use not counted');
      }
    }
    return payload;
  });

  app.get('/kiosk', async (req, reply) => {
    const query = (req.query ?? {}) as Record<string, unknown>;
    const raw = query.terminal;
    if (raw !== undefined) {
      const code = typeof raw === 'string' ? raw.trim().toUpperCase() : '';
      if (!TERMINAL_CODE.test(code)) throw new HttpError(400, 'bad_terminal', '终端编号格式不正确，请检查终端首页地址。');
      const t = await activeTerminal(core.db, code);
      if (!t || t.rootUnitId !== req.site.rootUnitId) throw new NotFoundError('没有这台查询终端，或终端已停用。请联系政务公开工作机构。');
      reply.setCookie(KIOSK_COOKIE, code, { path: '/', httpOnly: true, sameSite: 'lax', maxAge: 10 * 365 * 24 * 3600 });
      // The address without the parameter, so a reload and the idle return count as a new start.
      return reply.redirect('/kiosk', 303);
    }
    const settings = await getKioskSettings(core.db, req.site.rootUnitId);
    const links = await browseLinks(core, req.site.rootUnitId);
    return reply.type(HTML).header('cache-control', 'no-store').send(renderDocument(<KioskStartPage ctx={pageContext(req, reply)} settings={settings} links={links} />));
  });

  // A terminal taken out of kiosk mode (typed by the technician; not linked from any page).
  app.get('/kiosk/exit', async (_req, reply) => {
    reply.clearCookie(KIOSK_COOKIE, { path: '/' });
    return reply.redirect('/', 303);
  });

  const guard = { preHandler: requireStaff('openness_office', 'openness_head', 'system_admin') };

  async function useTable(rootUnitId: number): Promise<UseTable> {
    const today = shanghaiToday(core.clock.now());
    const days: string[] = [];
    const d = new Date(`${today}T00:00:00Z`);
    for (let i = 0; i < REPORT_DAYS; i++) {
      days.push(new Date(d.getTime() - i * 86_400_000).toISOString().slice(0, 10));
    }
    const rows = await useOfTerminals(core.db, rootUnitId, days[days.length - 1]!, today);
    const byTerminal = new Map<number, Map<string, (typeof rows)[number]>>();
    for (const r of rows) {
      const m = byTerminal.get(r.terminalId) ?? new Map();
      m.set(r.day, r);
      byTerminal.set(r.terminalId, m);
    }
    return { days, byTerminal };
  }

  async function renderStaff(req: FastifyRequest, reply: FastifyReply, form?: StaffKioskForm, status = 200) {
    const root = req.user!.rootUnitId;
    const [settings, terminals, use] = await Promise.all([getKioskSettings(core.db, root), listTerminals(core.db, root), useTable(root)]);
    return reply
      .code(status)
      .type(HTML)
      .header('cache-control', 'no-store')
      .send(renderDocument(<StaffKioskPage ctx={pageContext(req, reply)} settings={settings} terminals={terminals} use={use} origin={origin(req)} form={form} />));
  }

  app.get('/staff/kiosk', guard, (req, reply) => renderStaff(req, reply));

  app.post('/staff/kiosk/settings', guard, async (req, reply) => {
    const form = new FormReader(req.body);
    const idleSeconds = form.integer('idleSeconds', '自动回到首页的时间', { min: IDLE_MIN_SECONDS, max: IDLE_MAX_SECONDS });
    const text = form.text('commonSearches', { label: '常用查询', max: 2000 });
    const parsed = parseCommonSearches(text);
    if (!parsed.ok) form.fail('commonSearches', parsed.message);
    if (!form.ok || !parsed.ok) return renderStaff(req, reply, { values: form.values, errors: form.errors, form: 'settings' }, 400);
    const s: KioskSettings = { idleSeconds: idleSeconds!, commonSearches: parsed.searches };
    await saveKioskSettings(core, actorOf(req), req.user!.rootUnitId, s);
    setFlash(reply, '终端设置已保存。');
    return reply.redirect('/staff/kiosk', 303);
  });

  function readTerminal(body: unknown) {
    const form = new FormReader(body);
    const name = form.text('name', { label: '终端名称', required: true, max: 40 });
    const place = form.text('place', { label: '放置地点', required: true, max: 100 });
    const active = form.checkbox('active');
    return { form, input: { name, place, active } };
  }

  app.post('/staff/kiosk/terminals', guard, async (req, reply) => {
    const { form, input } = readTerminal(req.body);
    if (!form.ok) return renderStaff(req, reply, { values: form.values, errors: form.errors, form: 'new' }, 400);
    const r = await saveTerminal(core, actorOf(req), req.user!.rootUnitId, null, { ...input, active: true });
    if (!r.ok) return renderStaff(req, reply, { values: form.values, errors: r.fields, form: 'new' }, 400);
    setFlash(reply, `已登记终端“${input.name}”。在终端上打开它的首页地址即可使用。`);
    return reply.redirect('/staff/kiosk', 303);
  });

  async function terminalOf(req: FastifyRequest) {
    const code = String((req.params as Record<string, string>).code);
    const t = TERMINAL_CODE.test(code) ? (await listTerminals(core.db, req.user!.rootUnitId)).find((x) => x.code === code) : undefined;
    if (!t) throw new NotFoundError('没有这台终端。');
    return t;
  }

  app.get('/staff/kiosk/terminals/:code', guard, async (req, reply) => {
    const t = await terminalOf(req);
    return reply.type(HTML).header('cache-control', 'no-store').send(renderDocument(<TerminalEditPage ctx={pageContext(req, reply)} t={t} values={{ name: t.name, place: t.place, active: t.active ? 'on' : '' }} errors={{}} />));
  });

  app.post('/staff/kiosk/terminals/:code', guard, async (req, reply) => {
    const t = await terminalOf(req);
    const { form, input } = readTerminal(req.body);
    const fail = (errors: Record<string, string>) => reply.code(400).type(HTML).send(renderDocument(<TerminalEditPage ctx={pageContext(req, reply)} t={t} values={form.values} errors={errors} />));
    if (!form.ok) return fail(form.errors);
    const r = await saveTerminal(core, actorOf(req), req.user!.rootUnitId, t.code, input);
    if (!r.ok) return fail(r.fields);
    setFlash(reply, `终端“${input.name}”已保存。`);
    return reply.redirect('/staff/kiosk', 303);
  });
}
