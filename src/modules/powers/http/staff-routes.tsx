// Back-office routes of 权责清单, 行政执法公示 and 办事指南 (/staff/powers/...).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import type { Core } from '../../../core/services.ts';
import { actorOf, pageContext, setFlash } from '../../../core/http/context.ts';
import { requireStaff } from '../../../core/http/guards.ts';
import { ForbiddenError, NotFoundError } from '../../../core/http/errors.ts';
import { FormReader, uploadedFile } from '../../../core/http/form.ts';
import { renderDocument } from '../../../core/ui/render.ts';
import { canSeeUnit, hasRole, isCityWide } from '../../../core/auth/roles.ts';
import { shanghaiToday } from '../../../core/clock.ts';
import type { CurrentUser } from '../../../core/ui/context.ts';
import { findCatalogItem, findUnitBySlug, findUnitById, listUnitCatalogItemsForPicker, publicUnitsOfRoot, readXlsxGrid, type UnitRow } from './deps.ts';
import { CHANGE_KINDS, composition, dutiesText, editionLabelProblem, parseDuties, POWER_SOURCES, type ChangeAction, type PowerRow } from '../domain/power-list.ts';
import { annualStatistics, DECISION_KINDS, ENTERED_FIGURES, EXPLANATION_MAX, figuresText, PARTY_TYPES, publicStatisticsYears, readEnteredFigures, statisticsDue, statisticsLines, timeliness, WITHDRAW_GROUNDS } from '../domain/enforcement.ts';
import { AUDIENCES, SERVICE_ITEM_TYPES, THEMES } from '../domain/guide.ts';
import { parseList } from '../import/parse-list.ts';
import {
  findChange,
  findDecision,
  findGuide,
  findItem,
  findProfile,
  findStatisticsEntry,
  enteredStatisticsYears,
  firstDecisionYear,
  decisionCountsOfUnits,
  powerTypesOfUnit,
  linksOfPowerItem,
  listChanges,
  listEditions,
  listInspectionItems,
  listItems,
  listOfficers,
  listTypes,
  listUnitDecisions,
  listUnitGuides,
  rowOf,
  type DecisionRow,
  type GuideRow,
} from '../data/repository.ts';
import * as svc from '../service.ts';
import { ChangeFormPage, ChangePage, ImportFormPage, ImportPreviewPage, ImportRunPage, ROW_FIELDS, StaffListPage, StaffPowersHome, type StaffUnit } from '../views/staff-powers.tsx';
import { DecisionsPage, DecisionStaffPage, GuideFormPage, GuidesPage, ItemStaffPage, MATERIAL_SLOTS, ProfilePage, StatisticsEntryPage } from '../views/staff-enforcement.tsx';
import { sql } from 'drizzle-orm';
import { findImportRun, waitForAllImportRuns } from '../../../core/import-runs/run.ts';
import { importRunStatus, type ImportRunFacts } from '../../../core/import-runs/status.ts';
import { runStatusJson } from '../../../core/import-runs/view.tsx';

const HTML = 'text/html; charset=utf-8';
const guard = { preHandler: requireStaff() };
const PAGE = 50;

function send(reply: FastifyReply, page: VNode, status = 200): FastifyReply {
  return reply.code(status).type(HTML).header('cache-control', 'no-store').send(renderDocument(page));
}

/** Editors and admins of the unit, or the city's openness office, edit; only the openness office records decisions on changes. */
function access(user: CurrentUser, unit: UnitRow): StaffUnit {
  const own = unit.id === user.unitId && hasRole(user, 'editor', 'unit_admin', 'reviewer');
  const office = isCityWide(user) && hasRole(user, 'openness_office', 'system_admin') && canSeeUnit(user, unit);
  return { slug: unit.slug, name: unit.name, canEdit: own || office, canDecide: office };
}

async function unitOf(core: Core, req: FastifyRequest, unit: UnitRow | undefined, edit = false): Promise<{ unit: UnitRow; a: StaffUnit }> {
  if (!unit || unit.archivedAt) throw new NotFoundError('该单位不存在或已撤销。');
  if (!canSeeUnit(req.user!, unit)) throw new ForbiddenError('您只能查看本单位的信息。');
  const a = access(req.user!, unit);
  if (edit && !a.canEdit) throw new ForbiddenError('只有本单位的信息员、管理员或政务公开办可以修改。');
  return { unit, a };
}

async function slugUnit(core: Core, req: FastifyRequest, edit = false) {
  return unitOf(core, req, await findUnitBySlug(core.db, (req.params as { unitSlug: string }).unitSlug), edit);
}

function rowFromForm(form: FormReader): PowerRow {
  const t = (k: string, max = 2000) => form.text(`row.${k}`, { label: k, max });
  return {
    code: t('code', 100),
    name: t('name', 300),
    subItem: t('subItem', 300),
    type: form.text('row.type', { label: '职权类型', max: 50 }),
    basis: t('basis', 5000)
      .split('\n')
      .map((s) => s.trim())
      .filter(Boolean),
    subject: t('subject', 200),
    entrustedBy: t('entrustedBy', 200),
    target: t('target', 200),
    duties: parseDuties(t('duties', 10000)),
    accountability: t('accountability', 5000),
    accountabilityBasis: t('accountabilityBasis', 5000),
    supervision: t('supervision', 500),
    remedy: t('remedy', 500),
    source: (form.choice('row.source', '来源', POWER_SOURCES, false) ?? '法定'),
    note: t('note', 1000),
  };
}

function rowValues(r: PowerRow): Record<string, string> {
  const v: Record<string, string> = { 'row.type': r.type, 'row.source': r.source, 'row.basis': r.basis.join('\n'), 'row.duties': dutiesText(r.duties) };
  for (const [k] of ROW_FIELDS) if (!(`row.${k}` in v)) v[`row.${k}`] = String(r[k as keyof PowerRow] ?? '');
  return v;
}

function guideValues(g: GuideRow): Record<string, string> {
  const v: Record<string, string> = {
    name: g.name,
    itemType: g.itemType,
    audience: g.audience,
    theme: g.theme,
    powerItem: g.powerItemId ? String(g.powerItemId) : '',
    basis: g.basis,
    conditions: g.conditions,
    process: g.process,
    place: g.place,
    hours: g.hours,
    legalLimit: g.legalLimitDays === null ? '' : String(g.legalLimitDays),
    promisedLimit: g.promisedLimitDays === null ? '' : String(g.promisedLimitDays),
    fee: g.fee,
    consultPhone: g.consultPhone,
    complaintPhone: g.complaintPhone,
    delivery: g.delivery,
    remedy: g.remedy,
    materialCount: String(g.materials.length),
  };
  g.materials.forEach((m, i) => {
    v[`material-${i}`] = m.name;
    v[`material-${i}-form`] = m.form;
    v[`material-${i}-copies`] = String(m.copies);
    v[`material-${i}-required`] = m.required ? 'on' : '';
    v[`material-${i}-note`] = m.note;
  });
  return v;
}

function readGuide(form: FormReader, powerIds: number[]): svc.GuideInput {
  const text = (f: string, label: string, max = 2000, required = false) => form.text(f, { label, max, required });
  const days = (f: string, label: string) => {
    const n = form.integer(f, label, { min: 1, max: 365, required: false });
    return n === undefined ? null : n;
  };
  const power = form.raw('powerItem').trim();
  if (power && !powerIds.includes(Number(power))) form.fail('powerItem', '请从列表中选择对应权责事项');
  form.values.powerItem = power;
  const slots = Math.min(Math.max(Number(form.raw('slots')) || 0, 0), 100);
  const materials: svc.GuideInput['materials'] = [];
  for (let i = 0; i < slots; i++) {
    const name = form.text(`material-${i}`, { label: '材料名称', max: 200 });
    const formText = form.text(`material-${i}-form`, { label: '材料形式', max: 50 });
    const copies = form.integer(`material-${i}-copies`, '份数', { min: 0, max: 99, required: false });
    const required = form.checkbox(`material-${i}-required`);
    const note = form.text(`material-${i}-note`, { label: '备注', max: 500 });
    if (name) materials.push({ name, form: formText || '原件', copies: copies ?? 1, required, note });
  }
  form.values.materialCount = String(Math.max(0, slots - MATERIAL_SLOTS));
  return {
    name: text('name', '事项名称', 200, true),
    itemType: form.choice('itemType', '事项类型', SERVICE_ITEM_TYPES) ?? '',
    audience: form.choice('audience', '服务对象', AUDIENCES) ?? '',
    theme: form.choice('theme', '主题分类', THEMES) ?? '',
    powerItemId: power && powerIds.includes(Number(power)) ? Number(power) : null,
    basis: text('basis', '设定依据'),
    conditions: text('conditions', '受理条件', 5000),
    process: text('process', '办理流程', 5000),
    place: text('place', '办理地点', 300),
    hours: text('hours', '办理时间', 300),
    legalLimitDays: days('legalLimit', '法定办结时限'),
    promisedLimitDays: days('promisedLimit', '承诺办结时限'),
    fee: text('fee', '收费依据及标准', 1000),
    consultPhone: text('consultPhone', '咨询电话', 100),
    complaintPhone: text('complaintPhone', '监督投诉电话', 100),
    delivery: text('delivery', '结果送达', 300),
    remedy: text('remedy', '救济途径', 500),
    materials,
  };
}

export function registerPowersStaffRoutes(app: FastifyInstance, core: Core): void {
  const today = () => shanghaiToday(core.clock.now());

  app.get('/staff/powers', guard, async (req, reply) => {
    const user = req.user!;
    const all = await publicUnitsOfRoot(core, user.rootUnitId);
    const units = all.filter((u) => canSeeUnit(user, u));
    const counts = await core.db.execute<{ unit_id: string; items: string; pending: string }>(sql`
      SELECT u.id AS unit_id,
        (SELECT count(*) FROM powers_items i WHERE i.unit_id = u.id AND i.cancelled_at IS NULL) AS items,
        (SELECT count(*) FROM powers_changes c WHERE c.unit_id = u.id AND c.state NOT IN ('published','rejected')) AS pending
      FROM units u WHERE u.id = ANY(${`{${units.map((u) => u.id).join(',')}}`}::bigint[])`);
    const byId = new Map(counts.rows.map((r) => [Number(r.unit_id), r]));
    return send(
      reply,
      <StaffPowersHome ctx={pageContext(req, reply)} units={units.map((u) => ({ slug: u.slug, name: u.name, items: Number(byId.get(u.id)?.items ?? 0), pending: Number(byId.get(u.id)?.pending ?? 0) }))} />,
    );
  });

  // ---------------------------------------------------------------- 权责清单
  const listPage = async (req: FastifyRequest, reply: FastifyReply, edition = { values: {} as Record<string, string>, errors: {} as Record<string, string> }, status = 200) => {
    const { unit, a } = await slugUnit(core, req);
    const [items, editions, changes] = await Promise.all([listItems(core.db, unit.id), listEditions(core.db, unit.id), listChanges(core.db, unit.id, false)]);
    return send(reply, <StaffListPage ctx={pageContext(req, reply)} unit={a} items={items} editions={editions} changes={changes} edition={edition} />, status);
  };
  app.get('/staff/powers/:unitSlug', guard, (req, reply) => listPage(req, reply));

  app.post('/staff/powers/:unitSlug/editions', guard, async (req, reply) => {
    const { unit, a } = await slugUnit(core, req);
    if (!a.canDecide) throw new ForbiddenError('只有政务公开办可以发布权责清单版本。');
    const form = new FormReader(req.body);
    if (!(await listItems(core.db, unit.id)).length) return listPage(req, reply, { values: form.values, errors: { label: '本单位的权责清单还没有事项，请先导入清单，再发布版本' } }, 400);
    const label = form.text('label', { label: '版本名称', required: true, max: 30, check: editionLabelProblem });
    const publishedOn = form.date('publishedOn', '公布日期');
    const docNo = form.text('docNo', { label: '批准文号', max: 100 });
    const note = form.text('note', { label: '说明', max: 500 });
    if (publishedOn && publishedOn > today()) form.fail('publishedOn', '公布日期不能晚于今天');
    if (!form.ok) return listPage(req, reply, form, 400);
    const r = await svc.publishEdition(core, actorOf(req), unit, req.user!.id, { label, publishedOn: publishedOn!, docNo, note });
    if (!r.ok) return listPage(req, reply, { values: form.values, errors: r.errors }, 400);
    setFlash(reply, `已发布“${label}”。`);
    return reply.redirect(`/staff/powers/${unit.slug}`, 303);
  });

  app.get('/staff/powers/:unitSlug/import', guard, async (req, reply) => {
    const { a } = await slugUnit(core, req, true);
    return send(reply, <ImportFormPage ctx={pageContext(req, reply)} unit={a} values={{}} errors={{}} />);
  });

  app.post('/staff/powers/:unitSlug/import', guard, async (req, reply) => {
    const { unit, a } = await slugUnit(core, req, true);
    const form = new FormReader(req.body);
    const label = form.text('label', { label: '版本名称', required: true, max: 30, check: editionLabelProblem });
    const publishedOn = form.date('publishedOn', '公布日期');
    const docNo = form.text('docNo', { label: '批准文号', max: 100 });
    if (publishedOn && publishedOn > today()) form.fail('publishedOn', '公布日期不能晚于今天');
    if (label && (await listEditions(core.db, unit.id)).some((e) => e.label === label)) form.fail('label', '本单位已有同名版本，请换一个版本名称');
    const file = uploadedFile(req.body, 'file');
    if (!file) form.fail('file', '请选择要导入的 Excel（.xlsx）文件');
    const again = (errors: Record<string, string>, problems?: string[]) => send(reply, <ImportFormPage ctx={pageContext(req, reply)} unit={a} values={form.values} errors={errors} problems={problems} />, 400);
    if (!form.ok || !file) return again(form.errors);
    const sheet = await readXlsxGrid(file.bytes, { maxBytes: core.config.uploadLimitBytes });
    const fatal = sheet.problems.filter((p) => p.severity === 'error');
    if (fatal.some((p) => p.row === 0)) return again({ file: `文件“${file.filename}”无法导入：${fatal[0]!.message.replace('按标准目录格式', '按权责清单格式')}` });
    const types = (await listTypes(core.db, unit.rootId ?? unit.id)).map((t) => t.label);
    const parsed = parseList(sheet.grid, types);
    if (parsed.rows.length === 0) return again({ file: `文件“${file.filename}”无法导入：${parsed.problems[0]?.message ?? '没有读到任何事项'}` }, parsed.problems.map((p) => `第${p.row}行 ${p.column} ${p.message}`));
    const problems = [...fatal.map((p) => ({ row: p.row, column: p.column, message: p.message })), ...parsed.problems].sort((x, y) => x.row - y.row);
    const rows = parsed.rows.map(({ sourceRow: _r, ...row }) => row);
    const code = problems.length ? null : await svc.savePreview(core, unit, req.user!.id, file.filename, { label, publishedOn: publishedOn!, docNo }, rows);
    return send(
      reply,
      <ImportPreviewPage
        ctx={pageContext(req, reply)}
        unit={a}
        fileName={file.filename}
        label={label}
        dataRows={parsed.dataRows}
        blankRows={parsed.blankRows}
        problems={problems}
        counts={composition(rows)}
        code={code}
        sample={rows.slice(0, 20)}
      />,
      problems.length ? 400 : 200,
    );
  });

  app.post('/staff/powers/:unitSlug/import/confirm', guard, async (req, reply) => {
    const { unit, a } = await slugUnit(core, req, true);
    const code = new FormReader(req.body).raw('code');
    const r = /^i[0-9a-f]{12}$/.test(code) ? await svc.startConfirmedImport(core, actorOf(req), unit, req.user!.id, code, req.log) : { ok: false as const, errors: { file: '导入预览无效，请重新上传文件' } };
    if (!r.ok) return send(reply, <ImportFormPage ctx={pageContext(req, reply)} unit={a} values={{}} errors={r.errors} />, 400);
    if (r.runCode) return reply.redirect(`/staff/powers/${unit.slug}/import/runs/${r.runCode}`, 303);
    setFlash(reply, `“${r.label}”已经导入，没有重复保存。`);
    return reply.redirect(`/staff/powers/${unit.slug}`, 303);
  });

  // The saving of a confirmed import: rows read, checked and saved, then the outcome (core import run).
  const runOf = async (req: FastifyRequest) => {
    const { unit, a } = await slugUnit(core, req, true);
    const run = await findImportRun(core, svc.IMPORT_RUN_KIND, (req.params as { code: string }).code);
    if (!run || run.unitId !== unit.id) throw new NotFoundError('该导入记录不存在。');
    const status = importRunStatus(run as ImportRunFacts<svc.PowersRunResult>, core.clock.now(), {
      target: '权责清单',
      doneMessage: (r) => `已导入“${r.label}”：新增${r.created}项，更新${r.updated}项，取消${r.cancelled}项，并发布为新版本。`,
    });
    return { unit, a, run, status };
  };
  app.get('/staff/powers/:unitSlug/import/runs/:code', guard, async (req, reply) => {
    const { a, run, status } = await runOf(req);
    return send(reply, <ImportRunPage ctx={pageContext(req, reply)} unit={a} fileName={run.fileName} run={status} statusUrl={`/staff/powers/${a.slug}/import/runs/${run.code}/status`} />);
  });
  app.get('/staff/powers/:unitSlug/import/runs/:code/status', guard, async (req, reply) => {
    const { status } = await runOf(req);
    return reply.header('cache-control', 'no-store').send(runStatusJson(status));
  });
  app.addHook('onClose', async () => waitForAllImportRuns());

  // ---------------------------------------------------------------- changes
  const changeForm = async (req: FastifyRequest, reply: FastifyReply, unit: UnitRow, a: StaffUnit, values: Record<string, string>, errors: Record<string, string>, status: number) => {
    const [items, types] = await Promise.all([listItems(core.db, unit.id), listTypes(core.db, unit.rootId ?? unit.id)]);
    return send(
      reply,
      <ChangeFormPage ctx={pageContext(req, reply)} unit={a} items={items.map((i) => ({ code: i.publicCode, name: i.name }))} types={types.map((t) => t.label)} values={values} errors={errors} />,
      status,
    );
  };

  app.get('/staff/powers/:unitSlug/changes/new', guard, async (req, reply) => {
    const { unit, a } = await slugUnit(core, req, true);
    const code = String((req.query as Record<string, unknown>)?.item ?? '');
    const item = code ? await findItem(core.db, code) : undefined;
    const values: Record<string, string> = { proposedOn: today() };
    if (item && item.unitId === unit.id && !item.cancelledAt) Object.assign(values, rowValues(rowOf(item)), { item: item.publicCode, kind: '变更要素' });
    return changeForm(req, reply, unit, a, values, {}, 200);
  });

  app.post('/staff/powers/:unitSlug/changes', guard, async (req, reply) => {
    const { unit, a } = await slugUnit(core, req, true);
    const form = new FormReader(req.body);
    const kind = form.choice('kind', '调整方式', CHANGE_KINDS);
    const itemCode = form.raw('item').trim();
    form.values.item = itemCode;
    const item = itemCode ? await findItem(core.db, itemCode) : undefined;
    const reason = form.text('reason', { label: '调整理由和依据', required: true, max: 2000 });
    const proposedOn = form.date('proposedOn', '提出日期');
    const row = rowFromForm(form);
    if (!form.ok || !kind || !proposedOn) return changeForm(req, reply, unit, a, form.values, form.errors, 400);
    const r = await svc.proposeChange(core, actorOf(req), unit, req.user!.id, { kind, itemId: item && item.unitId === unit.id ? item.id : null, row, reason, proposedOn });
    if (!r.ok) return changeForm(req, reply, unit, a, form.values, r.errors, 400);
    setFlash(reply, '已提出调整，等待牵头部门审核。');
    return reply.redirect(`/staff/powers/changes/${r.code}`, 303);
  });

  const changePage = async (req: FastifyRequest, reply: FastifyReply, values: Record<string, string>, errors: Record<string, string>, status: number) => {
    const { code } = req.params as { code: string };
    const change = /^c[0-9a-f]{12}$/.test(code) ? await findChange(core.db, code) : undefined;
    if (!change) throw new NotFoundError('该调整不存在。');
    const { a } = await unitOf(core, req, await findUnitById(core.db, change.unitId));
    return send(reply, <ChangePage ctx={pageContext(req, reply)} unit={a} change={change} values={values} errors={errors} />, status);
  };
  app.get('/staff/powers/changes/:code', guard, (req, reply) => changePage(req, reply, { on: today() }, {}, 200));
  app.post('/staff/powers/changes/:code', guard, async (req, reply) => {
    const { code } = req.params as { code: string };
    const change = /^c[0-9a-f]{12}$/.test(code) ? await findChange(core.db, code) : undefined;
    if (!change) throw new NotFoundError('该调整不存在。');
    const { a } = await unitOf(core, req, await findUnitById(core.db, change.unitId));
    if (!a.canDecide) throw new ForbiddenError('只有政务公开办可以登记审核、审查、同意和公布。');
    const form = new FormReader(req.body);
    const action = form.choice('action', '结果', ['review', 'check_legality', 'approve', 'publish', 'reject'] as const);
    const on = form.date('on', '日期');
    const docNo = form.text('docNo', { label: '文号', max: 100 });
    const reason = form.text('reason', { label: '退回理由', max: 1000 });
    if (!form.ok || !action || !on) return changePage(req, reply, form.values, form.errors, 400);
    const r = await svc.actOnChange(core, actorOf(req), code, action as ChangeAction, { on, docNo, reason });
    if (!r.ok) return changePage(req, reply, form.values, r.errors, 400);
    setFlash(reply, '已保存。');
    return reply.redirect(`/staff/powers/changes/${code}`, 303);
  });

  // ---------------------------------------------------------------- item and catalog links
  const itemPage = async (req: FastifyRequest, reply: FastifyReply, form = { values: {} as Record<string, string>, errors: {} as Record<string, string> }, status = 200) => {
    const { code } = req.params as { code: string };
    const item = /^p[0-9a-f]{12}$/.test(code) ? await findItem(core.db, code) : undefined;
    if (!item) throw new NotFoundError('该事项不存在。');
    const { unit, a } = await unitOf(core, req, await findUnitById(core.db, item.unitId));
    const ids = await linksOfPowerItem(core.db, item.id);
    const linked = (await Promise.all(ids.map((id) => findCatalogItem(core.db, id)))).filter(Boolean).map((c) => ({ id: c!.id, label: `${c!.domainName} · ${c!.level1} · ${c!.level2}` }));
    const options = (await listUnitCatalogItemsForPicker(core.db, unit.id)).filter((c) => !ids.includes(c.id)).map((c) => ({ value: String(c.id), label: `${c.domainName} · ${c.level1} · ${c.level2}` }));
    return send(reply, <ItemStaffPage ctx={pageContext(req, reply)} unit={a} item={item} linked={linked} options={options} form={form} />, status);
  };
  app.get('/staff/powers/items/:code', guard, (req, reply) => itemPage(req, reply));
  app.post('/staff/powers/items/:code/links', guard, async (req, reply) => {
    const { code } = req.params as { code: string };
    const item = /^p[0-9a-f]{12}$/.test(code) ? await findItem(core.db, code) : undefined;
    if (!item) throw new NotFoundError('该事项不存在。');
    const { unit } = await unitOf(core, req, await findUnitById(core.db, item.unitId), true);
    const form = new FormReader(req.body);
    const picked = form.raw('catalogItem').trim();
    form.values.catalogItem = picked;
    const allowed = await listUnitCatalogItemsForPicker(core.db, unit.id);
    if (!allowed.some((c) => String(c.id) === picked)) return itemPage(req, reply, { values: form.values, errors: { catalogItem: '请从本单位目录的公开事项中选择' } }, 400);
    await svc.linkCatalogItem(core, actorOf(req), Number(picked), { powerItemId: item.id }, unit.id);
    setFlash(reply, '已注明该公开事项来源于本权责事项。');
    return reply.redirect(`/staff/powers/items/${code}`, 303);
  });
  app.post('/staff/powers/items/:code/links/:catalogId/remove', guard, async (req, reply) => {
    const { code, catalogId } = req.params as { code: string; catalogId: string };
    const item = /^p[0-9a-f]{12}$/.test(code) ? await findItem(core.db, code) : undefined;
    if (!item || !/^\d{1,15}$/.test(catalogId)) throw new NotFoundError('该事项不存在。');
    const { unit } = await unitOf(core, req, await findUnitById(core.db, item.unitId), true);
    if ((await linksOfPowerItem(core.db, item.id)).includes(Number(catalogId))) await svc.unlinkCatalogItem(core, actorOf(req), Number(catalogId), unit.id);
    return reply.redirect(`/staff/powers/items/${code}`, 303);
  });

  // ---------------------------------------------------------------- 执法公示（事前）
  const profilePage = async (req: FastifyRequest, reply: FastifyReply, forms: { profile?: svc.FormState; officer?: svc.FormState; inspection?: svc.FormState } = {}, status = 200) => {
    const { unit, a } = await slugUnit(core, req);
    const [p, officers, inspections, first, entered] = await Promise.all([findProfile(core.db, unit.id), listOfficers(core.db, unit.id), listInspectionItems(core.db, unit.id), firstDecisionYear(core.db, unit.id), enteredStatisticsYears(core.db, unit.id)]);
    // The last three finished years can always be filled in; older ones when they have decisions or entries.
    const last = Number(today().slice(0, 4)) - 1;
    const years = [...new Set([last, last - 1, last - 2, ...publicStatisticsYears(first, entered, today())])].sort((x, y) => y - x);
    const profile = forms.profile ?? { values: p ? { bodyName: p.bodyName, duties: p.duties, authority: p.authority, basis: p.basis, procedure: p.procedure, remedy: p.remedy } : { bodyName: unit.name }, errors: {} };
    return send(reply, <ProfilePage ctx={pageContext(req, reply)} unit={a} profile={profile} officers={officers} inspections={inspections} officer={forms.officer} inspection={forms.inspection} statisticsYears={years} entered={entered} />, status);
  };
  app.get('/staff/powers/:unitSlug/enforcement', guard, (req, reply) => profilePage(req, reply));
  app.post('/staff/powers/:unitSlug/enforcement/profile', guard, async (req, reply) => {
    const { unit } = await slugUnit(core, req, true);
    const form = new FormReader(req.body);
    const p = {
      bodyName: form.text('bodyName', { label: '执法主体', required: true, max: 200 }),
      duties: form.text('duties', { label: '职责', max: 5000 }),
      authority: form.text('authority', { label: '权限', max: 5000 }),
      basis: form.text('basis', { label: '依据', max: 5000 }),
      procedure: form.text('procedure', { label: '执法程序', max: 5000 }),
      remedy: form.text('remedy', { label: '救济渠道', max: 2000 }),
    };
    if (!form.ok) return profilePage(req, reply, { profile: form }, 400);
    await svc.saveProfile(core, actorOf(req), unit, p);
    setFlash(reply, '已保存。');
    return reply.redirect(`/staff/powers/${unit.slug}/enforcement`, 303);
  });
  app.post('/staff/powers/:unitSlug/enforcement/officers', guard, async (req, reply) => {
    const { unit } = await slugUnit(core, req, true);
    const form = new FormReader(req.body);
    const o = {
      name: form.text('name', { label: '姓名', required: true, max: 50 }),
      certNo: form.text('certNo', { label: '执法证号', required: true, max: 50, pattern: /^[0-9A-Za-z-]+$/, patternMessage: '执法证号只能包含数字、字母和连字符' }),
      category: form.text('category', { label: '执法类别', required: true, max: 50 }),
    };
    if (!form.ok) return profilePage(req, reply, { officer: form }, 400);
    const r = await svc.addOfficer(core, actorOf(req), unit, o);
    if (!r.ok) return profilePage(req, reply, { officer: { values: form.values, errors: r.errors } }, 400);
    setFlash(reply, `已登记执法人员${o.name}。`);
    return reply.redirect(`/staff/powers/${unit.slug}/enforcement`, 303);
  });
  app.post('/staff/powers/:unitSlug/enforcement/officers/:id/retire', guard, async (req, reply) => {
    const { unit } = await slugUnit(core, req, true);
    const { id } = req.params as { id: string };
    if (/^\d{1,15}$/.test(id)) await svc.retireOfficer(core, actorOf(req), unit, Number(id));
    return reply.redirect(`/staff/powers/${unit.slug}/enforcement`, 303);
  });
  app.post('/staff/powers/:unitSlug/enforcement/inspections', guard, async (req, reply) => {
    const { unit } = await slugUnit(core, req, true);
    const form = new FormReader(req.body);
    const i = {
      item: form.text('item', { label: '检查项目', required: true, max: 200 }),
      subItem: form.text('subItem', { label: '检查子项', max: 200 }),
      inspector: form.text('inspector', { label: '检查主体', required: true, max: 200 }),
      basis: form.text('basis', { label: '检查依据', required: true, max: 2000 }),
      method: form.text('method', { label: '检查方式', required: true, max: 100 }),
      content: form.text('content', { label: '检查内容', required: true, max: 2000 }),
      note: form.text('note', { label: '备注', max: 500 }),
    };
    if (!form.ok) return profilePage(req, reply, { inspection: form }, 400);
    await svc.addInspectionItem(core, actorOf(req), unit, i);
    setFlash(reply, '已增加抽查事项。');
    return reply.redirect(`/staff/powers/${unit.slug}/enforcement`, 303);
  });

  // ---------------------------------------------------------------- 年度执法数据 (entered figures)
  const statisticsYear = (req: FastifyRequest): number => {
    const { year: text } = req.params as { year: string };
    const year = /^\d{4}$/.test(text) ? Number(text) : NaN;
    if (!(year >= 2000 && year < Number(today().slice(0, 4)))) throw new NotFoundError('该年度尚未结束，年度执法数据从次年1月1日起填报。');
    return year;
  };
  const statisticsPage = async (req: FastifyRequest, reply: FastifyReply, form?: svc.FormState, status = 200) => {
    const { unit, a } = await slugUnit(core, req);
    const year = statisticsYear(req);
    const [counts, types, entry] = await Promise.all([decisionCountsOfUnits(core.db, [unit.id], year), powerTypesOfUnit(core.db, unit.id), findStatisticsEntry(core.db, unit.id, year)]);
    const lines = statisticsLines(annualStatistics(counts, types), entry?.figures ?? {});
    const shown = form ?? { values: { ...figuresText(entry?.figures ?? {}), explanation: entry?.explanation ?? '' }, errors: {} };
    return send(reply, <StatisticsEntryPage ctx={pageContext(req, reply)} unit={a} year={year} due={statisticsDue(year)} lines={lines} form={shown} updatedAt={entry?.updatedAt ?? null} />, status);
  };
  app.get('/staff/powers/:unitSlug/statistics/:year', guard, (req, reply) => statisticsPage(req, reply));
  app.post('/staff/powers/:unitSlug/statistics/:year', guard, async (req, reply) => {
    const { unit } = await slugUnit(core, req, true);
    const year = statisticsYear(req);
    const form = new FormReader(req.body);
    const raw: Record<string, string> = {};
    for (const f of ENTERED_FIGURES) raw[f.key] = form.raw(f.key).slice(0, 100);
    const explanation = form.text('explanation', { label: '行政执法情况说明', max: EXPLANATION_MAX });
    const { figures, errors } = readEnteredFigures(raw);
    const values = { ...form.values, ...raw, explanation: form.raw('explanation') };
    if (!form.ok || Object.keys(errors).length) return statisticsPage(req, reply, { values, errors: { ...form.errors, ...errors } }, 400);
    const r = await svc.saveStatisticsEntry(core, actorOf(req), unit, req.user!.id, year, { figures, explanation });
    setFlash(reply, r.changed ? `已保存${year}年度执法数据。` : `${year}年度执法数据没有变化，未重复保存。`);
    return reply.redirect(`/staff/powers/${unit.slug}/statistics/${year}`, 303);
  });

  // ---------------------------------------------------------------- 执法决定
  const decisionsPage = async (req: FastifyRequest, reply: FastifyReply, form: svc.FormState = { values: {}, errors: {} }, status = 200) => {
    const { unit, a } = await slugUnit(core, req);
    const q = (req.query ?? {}) as Record<string, unknown>;
    const overdueOnly = q.overdue === '1';
    const pageText = typeof q.page === 'string' ? q.page : '1';
    const page = /^\d{1,6}$/.test(pageText) && Number(pageText) >= 1 ? Number(pageText) : 1;
    const t = today();
    const { rows, total } = await listUnitDecisions(core.db, unit.id, { limit: PAGE, offset: (page - 1) * PAGE, overdueBefore: overdueOnly ? t : undefined });
    const pageCount = Math.max(1, Math.ceil(total / PAGE));
    return send(
      reply,
      <DecisionsPage
        ctx={pageContext(req, reply)}
        unit={a}
        rows={rows.map((d) => ({ d, timeliness: timeliness({ due: d.dueOn, publishedOn: d.publishedOn, withheld: !!d.withheldReason }, t) }))}
        total={total}
        overdueOnly={overdueOnly}
        page={Math.min(page, pageCount)}
        pageCount={pageCount}
        form={form}
      />,
      status,
    );
  };
  app.get('/staff/powers/:unitSlug/decisions', guard, (req, reply) => decisionsPage(req, reply));
  app.post('/staff/powers/:unitSlug/decisions', guard, async (req, reply) => {
    const { unit } = await slugUnit(core, req, true);
    const form = new FormReader(req.body);
    const kind = form.choice('kind', '执法类别', DECISION_KINDS);
    const docNo = form.text('docNo', { label: '决定书文号', required: true, max: 100 });
    const partyType = form.choice('partyType', '当事人类别', PARTY_TYPES);
    const partyName = form.text('partyName', { label: '当事人名称', required: true, max: 200 });
    const uscc = form.text('uscc', { label: '统一社会信用代码', max: 18, pattern: /^[0-9A-HJ-NPQRTUWXY]{18}$/, patternMessage: '统一社会信用代码应为18位数字或大写字母' });
    const legalRep = form.text('legalRep', { label: '法定代表人', max: 50 });
    const facts = form.text('facts', { label: '违法事实', required: true, max: 5000 });
    const basis = form.text('basis', { label: '处理依据', required: true, max: 2000 });
    const content = form.text('content', { label: '决定内容', required: true, max: 2000 });
    const fine = form.text('fineYuan', { label: '罚款金额', max: 15, pattern: /^\d{1,12}(\.\d{1,2})?$/, patternMessage: '罚款金额应为数字（元），最多两位小数' });
    const decidedOn = form.date('decidedOn', '决定日期');
    const flags = form.list('flags', '不公开的情形', ['minor', 'secret']);
    if (partyType === '自然人' && uscc) form.fail('uscc', '自然人不填统一社会信用代码');
    if (partyType === '自然人' && /^\d{17}[\dXx]$/.test(partyName.replace(/\s/g, ''))) form.fail('partyName', '当事人名称不能填写身份证号码');
    if (!form.ok || !kind || !partyType || !decidedOn) return decisionsPage(req, reply, form, 400);
    const r = await svc.recordDecision(core, actorOf(req), unit, {
      kind,
      docNo,
      partyName,
      partyType,
      uscc,
      legalRep: partyType === '自然人' ? '' : legalRep,
      facts,
      basis,
      content,
      fineYuan: fine || null,
      decidedOn,
      partyMinor: flags.includes('minor'),
      secret: flags.includes('secret'),
    });
    if (!r.ok) return decisionsPage(req, reply, { values: form.values, errors: r.errors }, 400);
    setFlash(reply, `已登记 ${docNo}。`);
    return reply.redirect(`/staff/powers/decisions/${r.code}`, 303);
  });

  const decisionPage = async (req: FastifyRequest, reply: FastifyReply, forms: { publish?: svc.FormState; withdraw?: svc.FormState } = {}, status = 200) => {
    const { code } = req.params as { code: string };
    const d = /^d[0-9a-f]{12}$/.test(code) ? await findDecision(core.db, code) : undefined;
    if (!d) throw new NotFoundError('该执法决定不存在。');
    const { a } = await unitOf(core, req, await findUnitById(core.db, d.unitId));
    const t = today();
    return send(
      reply,
      <DecisionStaffPage
        ctx={pageContext(req, reply)}
        unit={a}
        d={d}
        timeliness={timeliness({ due: d.dueOn, publishedOn: d.publishedOn, withheld: !!d.withheldReason }, t)}
        publish={forms.publish ?? { values: { publishedOn: t }, errors: {} }}
        withdraw={forms.withdraw ?? { values: { withdrawnOn: t }, errors: {} }}
      />,
      status,
    );
  };
  const decisionOf = async (req: FastifyRequest): Promise<{ d: DecisionRow; unit: UnitRow }> => {
    const { code } = req.params as { code: string };
    const d = /^d[0-9a-f]{12}$/.test(code) ? await findDecision(core.db, code) : undefined;
    if (!d) throw new NotFoundError('该执法决定不存在。');
    const { unit } = await unitOf(core, req, await findUnitById(core.db, d.unitId), true);
    return { d, unit };
  };
  app.get('/staff/powers/decisions/:code', guard, (req, reply) => decisionPage(req, reply));
  app.post('/staff/powers/decisions/:code/publish', guard, async (req, reply) => {
    const { d, unit } = await decisionOf(req);
    // A repeated 公开 (double click, back button) changes nothing and says so.
    if (d.publishedOn) {
      setFlash(reply, `该决定已于 ${d.publishedOn} 公开，无需重复公开。`);
      return reply.redirect(`/staff/powers/decisions/${d.publicCode}`, 303);
    }
    const form = new FormReader(req.body);
    if (d.withheldReason) return decisionPage(req, reply, { publish: { values: form.values, errors: { publishedOn: `该决定依法不公开：${d.withheldReason}` } } }, 400);
    const on = form.date('publishedOn', '公开日期');
    if (!form.ok || !on) return decisionPage(req, reply, { publish: form }, 400);
    const r = await svc.publishDecision(core, actorOf(req), unit, d.publicCode, on);
    if (!r.ok) return decisionPage(req, reply, { publish: { values: form.values, errors: r.errors } }, 400);
    setFlash(reply, '已公开。');
    return reply.redirect(`/staff/powers/decisions/${d.publicCode}`, 303);
  });
  app.post('/staff/powers/decisions/:code/withdraw', guard, async (req, reply) => {
    const { d, unit } = await decisionOf(req);
    if (d.withdrawnOn) {
      setFlash(reply, `该决定已于 ${d.withdrawnOn} 撤回，无需重复撤回。`);
      return reply.redirect(`/staff/powers/decisions/${d.publicCode}`, 303);
    }
    const form = new FormReader(req.body);
    if (!d.publishedOn) return decisionPage(req, reply, { withdraw: { values: form.values, errors: { reason: '该决定尚未公开，无需撤回' } } }, 400);
    const ground = form.choice('ground', '撤回原因', WITHDRAW_GROUNDS);
    const eventOn = form.date('eventOn', '变更、撤销或确认的日期');
    const withdrawnOn = form.date('withdrawnOn', '撤回日期');
    const reason = form.text('reason', { label: '公开说明的理由', required: true, max: 2000 });
    if (!form.ok || !ground || !eventOn || !withdrawnOn) return decisionPage(req, reply, { withdraw: form }, 400);
    const r = await svc.withdrawDecision(core, actorOf(req), unit, d.publicCode, { ground, eventOn, withdrawnOn, reason });
    if (!r.ok) return decisionPage(req, reply, { withdraw: { values: form.values, errors: r.errors } }, 400);
    setFlash(reply, '已撤回，并公开说明理由。');
    return reply.redirect(`/staff/powers/decisions/${d.publicCode}`, 303);
  });

  // ---------------------------------------------------------------- 办事指南
  app.get('/staff/powers/:unitSlug/guides', guard, async (req, reply) => {
    const { unit, a } = await slugUnit(core, req);
    return send(reply, <GuidesPage ctx={pageContext(req, reply)} unit={a} guides={await listUnitGuides(core.db, unit.id)} />);
  });
  const guideForm = async (req: FastifyRequest, reply: FastifyReply, unit: UnitRow, a: StaffUnit, guide: GuideRow | undefined, form: svc.FormState, status: number, upload?: svc.FormState) => {
    const items = await listItems(core.db, unit.id);
    return send(reply, <GuideFormPage ctx={pageContext(req, reply)} unit={a} guide={guide} form={form} powerItems={items.map((i) => ({ id: i.id, name: i.name }))} upload={upload} />, status);
  };
  app.get('/staff/powers/:unitSlug/guides/new', guard, async (req, reply) => {
    const { unit, a } = await slugUnit(core, req, true);
    return guideForm(req, reply, unit, a, undefined, { values: { place: unit.address, hours: unit.officeHours, consultPhone: unit.phone }, errors: {} }, 200);
  });
  app.post('/staff/powers/:unitSlug/guides', guard, async (req, reply) => {
    const { unit, a } = await slugUnit(core, req, true);
    const form = new FormReader(req.body);
    const input = readGuide(form, (await listItems(core.db, unit.id)).map((i) => i.id));
    if (!form.ok) return guideForm(req, reply, unit, a, undefined, form, 400);
    const r = await svc.saveGuide(core, actorOf(req), unit, input);
    if (!r.ok) return guideForm(req, reply, unit, a, undefined, { values: form.values, errors: r.errors }, 400);
    setFlash(reply, '已保存办事指南（草稿）。');
    return reply.redirect(`/staff/powers/guides/${r.code}`, 303);
  });
  const guideOf = async (req: FastifyRequest, edit: boolean) => {
    const { code } = req.params as { code: string };
    const g = /^g[0-9a-f]{12}$/.test(code) ? await findGuide(core.db, code) : undefined;
    if (!g) throw new NotFoundError('该办事指南不存在。');
    const { unit, a } = await unitOf(core, req, await findUnitById(core.db, g.unitId), edit);
    return { g, unit, a };
  };
  app.get('/staff/powers/guides/:code', guard, async (req, reply) => {
    const { g, unit, a } = await guideOf(req, false);
    return guideForm(req, reply, unit, a, g, { values: guideValues(g), errors: {} }, 200);
  });
  app.post('/staff/powers/guides/:code', guard, async (req, reply) => {
    const { g, unit, a } = await guideOf(req, true);
    const form = new FormReader(req.body);
    const input = readGuide(form, (await listItems(core.db, unit.id)).map((i) => i.id));
    if (!form.ok) return guideForm(req, reply, unit, a, g, form, 400);
    const r = await svc.saveGuide(core, actorOf(req), unit, input, g.publicCode);
    if (!r.ok) return guideForm(req, reply, unit, a, g, { values: form.values, errors: r.errors }, 400);
    setFlash(reply, '已保存。');
    return reply.redirect(`/staff/powers/guides/${g.publicCode}`, 303);
  });
  app.post('/staff/powers/guides/:code/publish', guard, async (req, reply) => {
    const { g, unit, a } = await guideOf(req, true);
    const r = await svc.publishGuide(core, actorOf(req), unit, g.publicCode);
    if (!r.ok) return guideForm(req, reply, unit, a, g, { values: guideValues(g), errors: r.errors }, 400);
    setFlash(reply, '已发布。');
    return reply.redirect(`/staff/powers/guides/${g.publicCode}`, 303);
  });
  app.post('/staff/powers/guides/:code/unpublish', guard, async (req, reply) => {
    const { g, unit } = await guideOf(req, true);
    await svc.unpublishGuide(core, actorOf(req), unit, g.publicCode);
    setFlash(reply, '已撤下。');
    return reply.redirect(`/staff/powers/guides/${g.publicCode}`, 303);
  });
  app.post('/staff/powers/guides/:code/forms', guard, async (req, reply) => {
    const { g, unit, a } = await guideOf(req, true);
    const form = new FormReader(req.body);
    if (!g.materials.length) return guideForm(req, reply, unit, a, g, { values: guideValues(g), errors: {} }, 400, { values: {}, errors: { file: '请先在办事指南中填写申请材料，再上传空白表格或示例样表' } });
    const index = form.choice('material', '材料', g.materials.map((_, i) => String(i)));
    const kind = form.choice('kind', '类别', ['blank', 'sample'] as const);
    const file = uploadedFile(req.body, 'file');
    if (!file) form.fail('file', '请选择要上传的文件');
    if (!form.ok || index === undefined || !kind || !file) return guideForm(req, reply, unit, a, g, { values: guideValues(g), errors: {} }, 400, form);
    const r = await svc.uploadForm(core, actorOf(req), unit, g.publicCode, Number(index), kind, file);
    if (!r.ok) return guideForm(req, reply, unit, a, g, { values: guideValues(g), errors: {} }, 400, { values: form.values, errors: r.errors });
    setFlash(reply, '已上传。');
    return reply.redirect(`/staff/powers/guides/${g.publicCode}`, 303);
  });
}
