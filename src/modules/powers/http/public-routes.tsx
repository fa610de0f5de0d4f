// Public pages of 权责清单 (/powers), 行政执法公示 (/enforcement) and 办事服务 (/services).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import type { Core } from '../../../core/services.ts';
import { pageContext } from '../../../core/http/context.ts';
import { NotFoundError } from '../../../core/http/errors.ts';
import { renderDocument } from '../../../core/ui/render.ts';
import { FileNotFoundError, fileStorage } from '../../../core/files/storage.ts';
import { addSearchProvider, findCatalogItem, publicUnitsOfRoot, setItemSourceProvider, type UnitRow } from './deps.ts';
import { repairGuideSearch, searchGuides } from '../data/guide-search.ts';
import { diffRows, rowKey } from '../domain/power-list.ts';
import { annualStatistics, DECISION_KINDS, statisticsDue, statisticsLines, publicStatisticsYears } from '../domain/enforcement.ts';
import { shanghaiToday } from '../../../core/clock.ts';
import { AUDIENCES, THEMES } from '../domain/guide.ts';
import {
  findDecision,
  findEdition,
  findGuide,
  findItem,
  findItemById,
  findProfile,
  decisionCountsOfUnits,
  enteredStatisticsYears,
  findStatisticsEntry,
  firstDecisionYear,
  powerTypesOfUnit,
  linksOfPowerItem,
  sourceOfCatalogItem,
  listChanges,
  listEditions,
  listInspectionItems,
  listItems,
  listOfficers,
  listPublicDecisions,
  listPublishedGuides,
  rowOf,
  unitsWithEnforcement,
  unitsWithLists,
} from '../data/repository.ts';
import { ChangeLogPage, DiffPage, EditionPage, PowerItemPage, PowersHomePage } from '../views/public-powers.tsx';
import { DecisionPage, EnforcementHomePage, EnforcementUnitPage, StatisticsPage } from '../views/public-enforcement.tsx';
import { GuidePage, guidePrintHtml, ServicesHomePage } from '../views/public-services.tsx';
import { writeListWorkbook } from '../import/write-list.ts';
import { powersGuides } from '../data/schema.ts';
import { eq } from 'drizzle-orm';
import { contentDisposition } from '../../../core/http/content-disposition.ts';

export const DECISIONS_PAGE_SIZE = 20;
const HTML = 'text/html; charset=utf-8';

function send(reply: FastifyReply, page: VNode, status = 200): FastifyReply {
  return reply.code(status).type(HTML).header('cache-control', 'public, max-age=60').send(renderDocument(page));
}

/** One query value as text, at most 100 characters; anything else is empty. */
export function queryText(req: FastifyRequest, name: string): string {
  const v = (req.query as Record<string, unknown> | undefined)?.[name];
  return typeof v === 'string' ? [...v.trim()].slice(0, 100).join('') : '';
}

/** A unit of the request's site by its slug, or 404. */
async function siteUnit(core: Core, req: FastifyRequest): Promise<UnitRow> {
  const { unitSlug } = req.params as { unitSlug: string };
  const unit = (await publicUnitsOfRoot(core, req.site.rootUnitId)).find((u) => u.slug === unitSlug);
  if (!unit) throw new NotFoundError('该单位不存在。');
  return unit;
}

export function registerPowersPublicRoutes(app: FastifyInstance, core: Core): void {
  // 办事指南 in the platform search (/search): a service's name finds its guide.
  addSearchProvider(async (c, rootUnitId, q) => ({
    heading: '办事指南',
    hits: (await searchGuides(c.db, rootUnitId, q.tsquery, 10)).map((g) => ({ title: g.name, href: `/services/${g.publicCode}`, meta: `${g.unitName} · ${g.itemType} · 服务对象：${g.audience}` })),
  }));
  // Start-up: index published guides that have no search vector yet (e.g. loaded before the index existed).
  app.addHook('onReady', async () => {
    void repairGuideSearch(core.db).then(
      (n) => n && app.log.info({ guides: n }, 'guide search index repaired'),
      (err: unknown) => app.log.error({ err }, 'guide search index repair failed'),
    );
  });
  // The catalog's item page names the 权责事项/服务事项 the item comes from (三(一): 对照权责事项梳理公开事项).
  setItemSourceProvider(async (c, rootUnitId, catalogItemId) => {
    const s = await sourceOfCatalogItem(c.db, catalogItemId);
    const unit = s ? (await publicUnitsOfRoot(c, rootUnitId)).find((u) => u.id === s.unitId) : undefined;
    if (!s || !unit) return [];
    return [{ kindLabel: s.kind === 'power' ? '权责事项' : '服务事项', name: s.name, href: s.kind === 'power' ? `/powers/items/${s.publicCode}` : `/services/${s.publicCode}`, unitName: unit.name }];
  });
  // ---------------------------------------------------------------- 权责清单
  app.get('/powers', async (req, reply) => send(reply, <PowersHomePage ctx={pageContext(req, reply)} units={await unitsWithLists(core.db, req.site.rootUnitId)} />));

  app.get('/powers/items/:code', async (req, reply) => {
    const { code } = req.params as { code: string };
    const item = /^p[0-9a-f]{12}$/.test(code) ? await findItem(core.db, code) : undefined;
    const unit = item ? (await publicUnitsOfRoot(core, req.site.rootUnitId)).find((u) => u.id === item.unitId) : undefined;
    if (!item || !unit) throw new NotFoundError('该事项不存在。');
    const catalogIds = await linksOfPowerItem(core.db, item.id);
    const produces = (await Promise.all(catalogIds.map((id) => findCatalogItem(core.db, id)))).filter((c) => c && !c.retired).map((c) => ({ code: c!.code, label: `${c!.domainName} · ${c!.level1} · ${c!.level2}` }));
    const guides = await core.db.select({ code: powersGuides.publicCode, name: powersGuides.name, publishedAt: powersGuides.publishedAt }).from(powersGuides).where(eq(powersGuides.powerItemId, item.id));
    return send(
      reply,
      <PowerItemPage ctx={pageContext(req, reply)} unit={unit} row={rowOf(item)} cancelled={!!item.cancelledAt} produces={produces} guides={guides.filter((g) => g.publishedAt)} />,
    );
  });

  const editionPage = async (req: FastifyRequest, reply: FastifyReply, label: string | undefined) => {
    const unit = await siteUnit(core, req);
    const editions = await listEditions(core.db, unit.id);
    if (!editions.length) throw new NotFoundError('该单位尚未公布权责清单。');
    const wanted = label ?? editions[0]!.label;
    const edition = await findEdition(core.db, unit.id, wanted);
    if (!edition) throw new NotFoundError('该版本不存在。');
    const current = edition.label === editions[0]!.label;
    const itemCodes = current ? new Map((await listItems(core.db, unit.id)).map((i) => [rowKey(rowOf(i)), i.publicCode])) : new Map<string, string>();
    return send(reply, <EditionPage ctx={pageContext(req, reply)} unit={unit} edition={edition} editions={editions} current={current} itemCodes={itemCodes} />);
  };
  app.get('/powers/:unitSlug', (req, reply) => editionPage(req, reply, undefined));
  app.get('/powers/:unitSlug/editions/:label', (req, reply) => editionPage(req, reply, (req.params as { label: string }).label));

  app.get('/powers/:unitSlug/changes', async (req, reply) => {
    const unit = await siteUnit(core, req);
    return send(reply, <ChangeLogPage ctx={pageContext(req, reply)} unit={unit} changes={await listChanges(core.db, unit.id, true)} />);
  });

  app.get('/powers/:unitSlug/diff', async (req, reply) => {
    const unit = await siteUnit(core, req);
    const editions = await listEditions(core.db, unit.id);
    const labels = editions.map((e) => e.label);
    let from = queryText(req, 'from');
    let to = queryText(req, 'to');
    const asked = from !== '' || to !== '';
    if (!asked && labels.length >= 2) [from, to] = [labels[1]!, labels[0]!];
    const errors: Record<string, string> = {};
    if (from && !labels.includes(from)) errors.from = '请从列表中选择原版本';
    if (to && !labels.includes(to)) errors.to = '请从列表中选择新版本';
    if (asked && !from) errors.from = '请选择原版本';
    if (asked && !to) errors.to = '请选择新版本';
    let diff;
    if (!Object.keys(errors).length && from && to) {
      const [a, b] = await Promise.all([findEdition(core.db, unit.id, from), findEdition(core.db, unit.id, to)]);
      diff = diffRows(a!.rows, b!.rows);
    }
    const status = Object.keys(errors).length ? 400 : 200;
    return send(reply, <DiffPage ctx={pageContext(req, reply)} unit={unit} labels={labels} from={from} to={to} errors={errors} diff={diff} />, status);
  });

  app.get('/powers/:unitSlug/export.xlsx', async (req, reply) => {
    const unit = await siteUnit(core, req);
    const editions = await listEditions(core.db, unit.id);
    const label = queryText(req, 'edition') || editions[0]?.label;
    const edition = label ? await findEdition(core.db, unit.id, label) : undefined;
    if (!edition) throw new NotFoundError('该版本不存在。');
    const title = `${unit.name}权责清单（${edition.label}）`;
    return reply
      .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', contentDisposition(`${title}.xlsx`))
      .send(await writeListWorkbook(title, edition.rows));
  });

  // ---------------------------------------------------------------- 行政执法公示
  app.get('/enforcement', async (req, reply) => {
    const rootId = req.site.rootUnitId;
    const units = await publicUnitsOfRoot(core, rootId);
    const unitSlug = queryText(req, 'unit');
    const kind = queryText(req, 'kind');
    const pageText = queryText(req, 'page') || '1';
    const unit = unitSlug ? units.find((u) => u.slug === unitSlug) : undefined;
    const bad = (unitSlug && !unit) || (kind && !(DECISION_KINDS as readonly string[]).includes(kind)) || !/^\d{1,6}$/.test(pageText) || Number(pageText) < 1;
    const page = bad ? 1 : Number(pageText);
    const { rows, total } = bad ? { rows: [], total: 0 } : await listPublicDecisions(core.db, rootId, { unitId: unit?.id, kind: kind || undefined, limit: DECISIONS_PAGE_SIZE, offset: (page - 1) * DECISIONS_PAGE_SIZE });
    const pageCount = Math.max(1, Math.ceil(total / DECISIONS_PAGE_SIZE));
    if (!bad && page > pageCount) throw new NotFoundError('该页不存在。');
    const qs = (p: number) => `/enforcement?${new URLSearchParams({ ...(unit ? { unit: unit.slug } : {}), ...(kind ? { kind } : {}), page: String(p) }).toString()}#decisions`;
    return send(
      reply,
      <EnforcementHomePage
        ctx={pageContext(req, reply)}
        units={await unitsWithEnforcement(core.db, rootId)}
        decisions={rows}
        total={total}
        page={page}
        pageCount={pageCount}
        filters={{ unit: unit?.slug ?? '', kind: bad ? '' : kind }}
        unitOptions={units.filter((u) => u.type !== 'government').map((u) => ({ value: u.slug, label: u.name }))}
        hrefFor={qs}
      />,
      bad ? 400 : 200,
    );
  });

  app.get('/enforcement/decisions/:code', async (req, reply) => {
    const { code } = req.params as { code: string };
    const d = /^d[0-9a-f]{12}$/.test(code) ? await findDecision(core.db, code) : undefined;
    const unit = d ? (await publicUnitsOfRoot(core, req.site.rootUnitId)).find((u) => u.id === d.unitId) : undefined;
    if (!d || !unit || !d.publishedOn || d.withheldReason) throw new NotFoundError('该执法决定不存在或未公开。');
    return send(reply, <DecisionPage ctx={pageContext(req, reply)} d={d} unitName={unit.name} />);
  });

  app.get('/enforcement/:unitSlug', async (req, reply) => {
    const unit = await siteUnit(core, req);
    const profile = await findProfile(core.db, unit.id);
    if (!profile) throw new NotFoundError('该单位尚未公开行政执法信息。');
    const [officers, inspections, first, entered] = await Promise.all([listOfficers(core.db, unit.id), listInspectionItems(core.db, unit.id), firstDecisionYear(core.db, unit.id), enteredStatisticsYears(core.db, unit.id)]);
    const years = publicStatisticsYears(first, entered, shanghaiToday(core.clock.now()));
    return send(reply, <EnforcementUnitPage ctx={pageContext(req, reply)} unit={unit} profile={profile} officers={officers} inspections={inspections} statisticsYears={years} />);
  });

  // 年度执法数据 (国办发〔2018〕118号: 每年1月31日前公开上年度数据): built from the register once the year is over.
  app.get('/enforcement/:unitSlug/statistics/:year', async (req, reply) => {
    const unit = await siteUnit(core, req);
    const { year: yearText } = req.params as { year: string };
    const today = shanghaiToday(core.clock.now());
    const year = /^\d{4}$/.test(yearText) ? Number(yearText) : NaN;
    if (!(year >= 2000 && year < Number(today.slice(0, 4)))) throw new NotFoundError('该年度的执法数据尚未生成：年度结束后（次年1月1日起）公开。');
    const [counts, types, entry] = await Promise.all([decisionCountsOfUnits(core.db, [unit.id], year), powerTypesOfUnit(core.db, unit.id), findStatisticsEntry(core.db, unit.id, year)]);
    const lines = statisticsLines(annualStatistics(counts, types), entry?.figures ?? {});
    return send(reply, <StatisticsPage ctx={pageContext(req, reply)} unit={unit} year={year} due={statisticsDue(year)} lines={lines} hasList={types !== null} explanation={entry?.explanation ?? ''} />);
  });

  // ---------------------------------------------------------------- 办事服务
  app.get('/services', async (req, reply) => {
    const units = await publicUnitsOfRoot(core, req.site.rootUnitId);
    const audience = queryText(req, 'audience');
    const theme = queryText(req, 'theme');
    const unitSlug = queryText(req, 'unit');
    const unit = unitSlug ? units.find((u) => u.slug === unitSlug) : undefined;
    const bad = (audience && !(AUDIENCES as readonly string[]).includes(audience)) || (theme && !(THEMES as readonly string[]).includes(theme)) || (unitSlug && !unit);
    const guides = bad ? [] : await listPublishedGuides(core.db, req.site.rootUnitId, { audience: audience || undefined, theme: theme || undefined, unitId: unit?.id });
    return send(
      reply,
      <ServicesHomePage
        ctx={pageContext(req, reply)}
        guides={guides}
        filters={bad ? { audience: '', theme: '', unit: '' } : { audience, theme, unit: unitSlug }}
        unitOptions={units.filter((u) => u.type !== 'government').map((u) => ({ value: u.slug, label: u.name }))}
      />,
      bad ? 400 : 200,
    );
  });

  const publishedGuide = async (req: FastifyRequest) => {
    const { code } = req.params as { code: string };
    const g = /^g[0-9a-f]{12}$/.test(code) ? await findGuide(core.db, code) : undefined;
    const unit = g ? (await publicUnitsOfRoot(core, req.site.rootUnitId)).find((u) => u.id === g.unitId) : undefined;
    if (!g || !unit || !g.publishedAt) throw new NotFoundError('该办事指南不存在或未发布。');
    return { g, unit };
  };

  app.get('/services/:code', async (req, reply) => {
    const { g, unit } = await publishedGuide(req);
    const item = g.powerItemId ? await findItemById(core.db, g.powerItemId) : undefined;
    return send(reply, <GuidePage ctx={pageContext(req, reply)} g={g} unitName={unit.name} power={item && !item.cancelledAt ? { code: item.publicCode, name: item.name } : undefined} />);
  });

  app.get('/services/:code/print', async (req, reply) => {
    const { g, unit } = await publishedGuide(req);
    return reply.type(HTML).send(guidePrintHtml(pageContext(req, reply), g, unit.name, `${req.protocol}://${req.host}/services/${g.publicCode}`));
  });

  app.get('/services/:code/forms/:index/:kind', async (req, reply) => {
    const { g } = await publishedGuide(req);
    const { index, kind } = req.params as { index: string; kind: string };
    const m = /^\d{1,3}$/.test(index) ? g.materials[Number(index)] : undefined;
    const f = m && (kind === 'blank' || kind === 'sample') ? m[kind] : undefined;
    if (!f) throw new NotFoundError('该表格不存在。');
    let bytes: Buffer;
    try {
      bytes = await fileStorage(core.config).get(f.key);
    } catch (err) {
      if (err instanceof FileNotFoundError) throw new NotFoundError('该表格的文件暂时无法提供，请联系办理部门。');
      throw err;
    }
    return reply.type(f.mediaType).header('content-disposition', contentDisposition(f.fileName)).header('x-content-type-options', 'nosniff').header('cache-control', 'public, max-age=300').send(bytes);
  });
}
