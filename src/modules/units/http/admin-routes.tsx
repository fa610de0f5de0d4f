import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Core } from '../../../core/services.ts';
import { FormReader, normaliseText, type FieldErrors } from '../../../core/http/form.ts';
import { actorOf, pageContext, setFlash } from '../../../core/http/context.ts';
import { requireStaff } from '../../../core/http/guards.ts';
import { ForbiddenError, NotFoundError } from '../../../core/http/errors.ts';
import { canEditUnitProfile, hasRole, isCityWide } from '../../../core/auth/roles.ts';
import { renderDocument } from '../../../core/ui/render.ts';
import { countActiveStaffByUnit, findSiteSettings, findUnitById, findUnitBySlug, listLeaders, listUnitsOfRoot, type UnitRow } from '../data/repository.ts';
import { UNIT_FORM_FIELDS, type UnitFormInput } from '../domain/unit-form.ts';
import { SITE_SETTINGS_FIELDS, type SiteSettingsInput } from '../domain/site-settings.ts';
import { editorRows, leaderRowsFromForm, type LeaderFormRow } from '../domain/leaders.ts';
import { descendantIds, flattenTree } from '../domain/tree.ts';
import { archiveUnit, createUnit, saveLeaders, updateSiteSettings, updateUnitProfile } from '../service.ts';
import { saveUnitRemedies, unitRemedies, unitRemedyDefault } from '../remedies.ts';
import { EditUnitPage, NewUnitPage, SiteSettingsPage, UnitAdminListPage, type EditUnitProps, type ParentOption } from '../views/admin.tsx';

const HTML = 'text/html; charset=utf-8';
/** Bounds how many form fields are read from one body (the leaders editor has five per row). */
const MAX_FIELDS = 1000;

function unitFormInput(body: unknown): UnitFormInput {
  const form = new FormReader(body);
  const input = {} as UnitFormInput;
  for (const f of UNIT_FORM_FIELDS) input[f] = normaliseText(form.raw(f));
  return input;
}

function siteSettingsInput(body: unknown): SiteSettingsInput {
  const form = new FormReader(body);
  const input = {} as SiteSettingsInput;
  for (const f of SITE_SETTINGS_FIELDS) input[f] = normaliseText(form.raw(f));
  return input;
}

/** Every field of an untrusted body as trimmed text (first value of repeated fields). */
function allFields(body: unknown): Record<string, string> {
  const form = new FormReader(body);
  const keys = body && typeof body === 'object' && !Array.isArray(body) ? Object.keys(body).slice(0, MAX_FIELDS) : [];
  return Object.fromEntries(keys.map((k) => [k, normaliseText(form.raw(k))]));
}

function profileValues(unit: UnitRow, parent: UnitRow | undefined): Record<string, string> {
  return {
    parentSlug: parent?.slug ?? '',
    slug: unit.slug,
    name: unit.name,
    shortName: unit.shortName,
    type: unit.type,
    uscc: unit.uscc,
    address: unit.address,
    officeHours: unit.officeHours,
    phone: unit.phone,
    fax: unit.fax,
    email: unit.email,
    opennessContact: unit.opennessContact,
    functions: unit.functions,
  };
}

const rootOf = (u: { id: number; rootId: number | null }): number => u.rootId ?? u.id;

export function registerAdminRoutes(app: FastifyInstance, core: Core): void {
  /** The units a parent may be chosen from: the city's active units, as an indented list. */
  async function parentOptions(rootId: number, exceptBelow?: UnitRow): Promise<ParentOption[]> {
    const all = await listUnitsOfRoot(core.db, rootId);
    const excluded = exceptBelow ? descendantIds(all, exceptBelow.id).add(exceptBelow.id) : new Set<number>();
    return flattenTree(all)
      .filter((n) => !excluded.has(n.unit.id))
      .map((n) => ({ slug: n.unit.slug, name: n.unit.name, depth: n.depth }));
  }

  /** The unit named in the URL, if the user may edit its profile (404 unknown or archived, 403 not theirs). */
  async function editableUnit(req: FastifyRequest): Promise<UnitRow> {
    const { slug } = req.params as { slug: string };
    const unit = await findUnitBySlug(core.db, slug);
    if (!unit || unit.archivedAt) throw new NotFoundError('该单位不存在或已撤销。');
    if (!canEditUnitProfile(req.user!, unit)) throw new ForbiddenError('您只能编辑本单位的机构概况。');
    return unit;
  }

  async function renderEdit(
    req: FastifyRequest,
    reply: FastifyReply,
    unit: UnitRow,
    status: number,
    over: Partial<Pick<EditUnitProps, 'profile' | 'leaders' | 'archive'>> & { remedies?: Pick<EditUnitProps['remedies'], 'values' | 'errors'> } = {},
  ) {
    const user = req.user!;
    const structural = hasRole(user, 'system_admin');
    const [parent, leaders, parents, current, fallback] = await Promise.all([
      unit.parentId ? findUnitById(core.db, unit.parentId) : undefined,
      over.leaders ? [] : listLeaders(core.db, unit.id),
      structural ? parentOptions(rootOf(unit), unit) : [],
      unitRemedies(core.db, unit),
      unitRemedyDefault(core.db, unit),
    ]);
    const props: EditUnitProps = {
      ctx: pageContext(req, reply),
      unit,
      parent,
      structural,
      canArchive: structural,
      parents,
      profile: over.profile ?? { values: profileValues(unit, parent), errors: {} },
      leaders: over.leaders ?? { rows: editorRows(leaders), errors: {} },
      archive: over.archive ?? { reason: '', errors: {}, refusals: [] },
      remedies: { ...(over.remedies ?? { values: { reviewBody: unit.reviewBody, court: unit.court }, errors: {} }), current, fallback },
    };
    return reply.code(status).type(HTML).send(renderDocument(<EditUnitPage {...props} />));
  }

  app.get('/staff/units', { preHandler: requireStaff('system_admin', 'unit_admin', 'openness_office') }, async (req, reply) => {
    const user = req.user!;
    const cityWide = isCityWide(user);
    let list: UnitRow[];
    if (cityWide) list = await listUnitsOfRoot(core.db, user.rootUnitId);
    else {
      const own = await findUnitById(core.db, user.unitId);
      list = own && !own.archivedAt ? [own] : [];
    }
    const staff = await countActiveStaffByUnit(
      core.db,
      list.map((u) => u.id),
    );
    const rows = flattenTree(list).map(({ unit, depth }) => ({ unit, depth, staffCount: staff.get(unit.id) ?? 0, canEdit: canEditUnitProfile(user, unit) }));
    const page = <UnitAdminListPage ctx={pageContext(req, reply)} rows={rows} canCreate={hasRole(user, 'system_admin')} ownUnitOnly={!cityWide} />;
    return reply.type(HTML).send(renderDocument(page));
  });

  app.get('/staff/units/new', { preHandler: requireStaff('system_admin') }, async (req, reply) => {
    const parents = await parentOptions(req.user!.rootUnitId);
    const values = { parentSlug: parents[0]?.slug ?? '', type: 'department' };
    return reply.type(HTML).send(renderDocument(<NewUnitPage ctx={pageContext(req, reply)} values={values} errors={{}} parents={parents} />));
  });

  app.post('/staff/units', { preHandler: requireStaff('system_admin') }, async (req, reply) => {
    const user = req.user!;
    const input = unitFormInput(req.body);
    const result = await createUnit(core, user, actorOf(req), input);
    if (!result.ok) {
      const parents = await parentOptions(user.rootUnitId);
      const page = <NewUnitPage ctx={pageContext(req, reply)} values={{ ...input }} errors={result.errors} parents={parents} />;
      return reply.code(400).type(HTML).send(renderDocument(page));
    }
    setFlash(reply, `已新增单位「${result.unit.name}」。可在下方填写领导信息。`);
    return reply.redirect(`/staff/units/${result.unit.slug}/edit`, 303);
  });

  app.get('/staff/units/:slug/edit', { preHandler: requireStaff('system_admin', 'unit_admin') }, async (req, reply) => {
    const unit = await editableUnit(req);
    return renderEdit(req, reply, unit, 200);
  });

  app.post('/staff/units/:slug/edit', { preHandler: requireStaff('system_admin', 'unit_admin') }, async (req, reply) => {
    const unit = await editableUnit(req);
    const input = unitFormInput(req.body);
    const result = await updateUnitProfile(core, req.user!, actorOf(req), unit, input);
    if (!result.ok) {
      const parent = unit.parentId ? await findUnitById(core.db, unit.parentId) : undefined;
      const values = { ...input };
      if (!hasRole(req.user!, 'system_admin')) Object.assign(values, { slug: unit.slug, parentSlug: parent?.slug ?? '' });
      return renderEdit(req, reply, unit, 400, { profile: { values, errors: result.errors } });
    }
    setFlash(reply, result.changed ? '机构概况已保存。' : '内容没有变化，未作修改。');
    return reply.redirect(`/staff/units/${result.unit.slug}/edit`, 303);
  });

  app.post('/staff/units/:slug/leaders', { preHandler: requireStaff('system_admin', 'unit_admin') }, async (req, reply) => {
    const unit = await editableUnit(req);
    const rows: LeaderFormRow[] = leaderRowsFromForm(allFields(req.body));
    const result = await saveLeaders(core, req.user!, actorOf(req), unit, rows);
    if (!result.ok) return renderEdit(req, reply, unit, 400, { leaders: { rows, errors: result.errors } });
    setFlash(reply, result.count ? `领导信息已保存（共${result.count}人）。` : '领导信息已清空。');
    return reply.redirect(`/staff/units/${unit.slug}/edit#leaders`, 303);
  });

  app.post('/staff/units/:slug/remedies', { preHandler: requireStaff('system_admin', 'unit_admin') }, async (req, reply) => {
    const unit = await editableUnit(req);
    const form = new FormReader(req.body);
    const values = { reviewBody: normaliseText(form.raw('reviewBody')), court: normaliseText(form.raw('court')) };
    const result = await saveUnitRemedies(core, req.user!, actorOf(req), unit, values);
    if (!result.ok) return renderEdit(req, reply, unit, 400, { remedies: { values, errors: result.errors } });
    setFlash(reply, result.changed ? '行政复议机关和人民法院已保存，此后的告知书和指南按此写明。' : '内容没有变化，未作修改。');
    return reply.redirect(`/staff/units/${unit.slug}/edit#remedies-title`, 303);
  });

  app.post('/staff/units/:slug/archive', { preHandler: requireStaff('system_admin') }, async (req, reply) => {
    const unit = await editableUnit(req);
    const reason = normaliseText(new FormReader(req.body).raw('reason'));
    const result = await archiveUnit(core, req.user!, actorOf(req), unit, reason);
    if (!result.ok) {
      const refusals = result.reasons ?? [];
      return renderEdit(req, reply, unit, refusals.length ? 409 : 400, { archive: { reason, errors: result.errors, refusals } });
    }
    setFlash(reply, `已撤销单位「${unit.name}」。`);
    return reply.redirect('/staff/units', 303);
  });

  app.get('/staff/site-settings', { preHandler: requireStaff('system_admin') }, async (req, reply) => {
    const user = req.user!;
    const s = await findSiteSettings(core.db, user.rootUnitId);
    const root = s ? undefined : await findUnitById(core.db, user.rootUnitId);
    const values: Record<string, string> = s
      ? {
          siteName: s.siteName,
          siteCode: s.siteCode,
          icpNo: s.icpNo,
          psbNo: s.psbNo,
          conacUrl: s.conacUrl,
          hostName: s.hostName,
          hostUnitName: s.hostUnitName,
          demoNotice: s.demoNotice,
          superiorGovernment: s.superiorGovernment,
          basicCourt: s.basicCourt,
          intermediateCourt: s.intermediateCourt,
        }
      : { siteName: root ? `${root.name}门户网站` : '', hostUnitName: root?.name ?? '' };
    return reply.type(HTML).send(renderDocument(<SiteSettingsPage ctx={pageContext(req, reply)} values={values} errors={{}} />));
  });

  app.post('/staff/site-settings', { preHandler: requireStaff('system_admin') }, async (req, reply) => {
    const input = siteSettingsInput(req.body);
    const result = await updateSiteSettings(core, req.user!, actorOf(req), input);
    if (!result.ok) {
      const errors: FieldErrors = result.errors;
      return reply.code(400).type(HTML).send(renderDocument(<SiteSettingsPage ctx={pageContext(req, reply)} values={{ ...input }} errors={errors} />));
    }
    setFlash(reply, result.changed ? '网站设置已保存，已在公开网站生效。' : '内容没有变化，未作修改。');
    return reply.redirect('/staff/site-settings', 303);
  });
}
