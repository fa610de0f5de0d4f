// Back-office pages of the standard catalog: the catalogs a user may manage, a unit's catalog, the item
// form, retiring, adoption by units, versions and their diffs, item history, and exports.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Core } from '../../../core/services.ts';
import { FormReader, type FieldErrors } from '../../../core/http/form.ts';
import { actorOf, pageContext, setFlash } from '../../../core/http/context.ts';
import { requireStaff } from '../../../core/http/guards.ts';
import { ForbiddenError, NotFoundError } from '../../../core/http/errors.ts';
import { renderDocument } from '../../../core/ui/render.ts';
import { formatInstant, shanghaiToday } from '../../../core/clock.ts';
import { findUnitById, listUnitsOfRoot } from '../../units/index.ts';
import { STANDARD_CHANNELS, type CatalogItemData } from '../domain/types.ts';
import { validateItemData } from '../domain/item-rules.ts';
import { describeTimeLimit } from '../domain/time-limit.ts';
import { diffItemData, diffSnapshots, type FieldChange } from '../domain/versions.ts';
import { countByDomain, groupCatalog } from '../domain/catalog-groups.ts';
import { catalogAccess, isCatalogManager } from '../domain/staff-access.ts';
import { canEditGuide } from '../domain/guide.ts';
import { canManageConsultations } from '../../consultations/index.ts';
import {
  emptyItemForm,
  formValuesOf,
  itemDataOf,
  marksText,
  shorten,
  understandTimeLimit,
  type ItemFormValues,
} from '../domain/item-form.ts';
import { findCatalogVersion, findItemByCode, itemData, listCatalogVersions, listDomains, listItemVersions, type ItemRow } from '../data/repository.ts';
import { adoptedItemIds, countUnitCatalogs, itemCodes, itemVersionsFor, latestCatalogVersions, listStandardItems, versionKey } from '../data/staff-queries.ts';
import { createItem, retireItem, setAdoptedItems, updateItem } from '../service.ts';
import { EXPORT_FORMATS, sendCatalogExport } from './export.ts';
import { CatalogIndexPage, CatalogPage, type CatalogCard, type CatalogRowView, type OtherCatalog } from '../views/staff-catalog.tsx';
import { ItemFormPage, ItemHistoryPage, type HistoryEntry, type ItemFormProps } from '../views/staff-item.tsx';
import { VersionDiffPage, VersionsPage, type ChangedItemView, type DiffItemView, type VersionRowView } from '../views/staff-versions.tsx';
import { AdoptPage, type AdoptOption } from '../views/staff-adopt.tsx';
import { adoptionRefusal, levelText } from '../domain/adoption.ts';
import { CATALOG_ROLES, describeUnit, editableUnit, HTML, loadUnitCatalog, positiveInt, unitOfItem, viewableUnit, type CatalogUnit } from './staff-common.ts';

const KIND_LABELS: Record<string, string> = { created: '新增', updated: '修改', retired: '停用' };

/** Shows a time-limit rule change in words instead of its JSON. */
function readableChanges(before: CatalogItemData, after: CatalogItemData): FieldChange[] {
  return diffItemData(before, after).map((c) =>
    c.field === 'timeLimitRule' ? { ...c, before: describeTimeLimit(before.timeLimitRule), after: describeTimeLimit(after.timeLimitRule) } : c,
  );
}

function readItemForm(body: unknown, domains: readonly string[]): { values: ItemFormValues; errors: FieldErrors; check: boolean } {
  const form = new FormReader(body);
  const values: ItemFormValues = {
    domainName: form.text('domainName', { label: '领域' }),
    level1: form.text('level1', { label: '一级事项' }),
    level2: form.text('level2', { label: '二级事项' }),
    content: form.text('content', { label: '公开内容（要素）' }),
    basis: form.text('basis', { label: '公开依据' }),
    timeLimitText: form.text('timeLimitText', { label: '公开时限' }),
    publisherText: form.text('publisherText', { label: '公开主体' }),
    channels: form.list('channels', '公开渠道和载体', STANDARD_CHANNELS),
    customChannels: form.text('customChannels', { label: '其他渠道', max: 500 }),
    channelsText: form.text('channelsText', { label: '公开渠道和载体（原文）', max: 2000 }),
    audience: form.list('audience', '公开对象', ['society', 'specificGroup']),
    mode: form.list('mode', '公开方式', ['proactive', 'onRequest']),
    level: form.list('level', '公开层级', ['county', 'township']),
    reason: form.text('reason', { label: '变更说明', max: 500 }),
  };
  const errors: FieldErrors = { ...validateItemData(itemDataOf(values)), ...form.errors };
  if (!values.domainName) errors.domainName = '请选择领域';
  else if (!domains.includes(values.domainName)) errors.domainName = '请从列表中选择领域';
  if (!values.reason && !errors.reason) errors.reason = '请填写变更说明';
  return { values, errors, check: form.raw('action') === 'check' };
}

export function registerCatalogStaffRoutes(app: FastifyInstance, core: Core): void {
  const guard = { preHandler: requireStaff(...CATALOG_ROLES) };

  const send = (reply: FastifyReply, html: string, status = 200) => reply.code(status).type(HTML).send(html);

  async function domainNames(rootUnitId: number): Promise<string[]> {
    return (await listDomains(core.db, rootUnitId)).map((d) => d.name);
  }

  /** The item of :code and its catalog; 404 unknown, 403 outside the user's scope. */
  async function itemOf(req: FastifyRequest): Promise<{ item: ItemRow; c: CatalogUnit; data: CatalogItemData }> {
    const { code } = req.params as { code: string };
    const item = await findItemByCode(core.db, code);
    if (!item) throw new NotFoundError('该事项不存在。');
    const c = await unitOfItem(core, req, item);
    if (!c.access.view) throw new ForbiddenError('您只能查看本单位的目录和本市标准目录。');
    const domainName = (await listDomains(core.db, item.rootUnitId)).find((d) => d.id === item.domainId)?.name ?? '';
    return { item, c, data: itemData(item, domainName) };
  }

  async function editableItem(req: FastifyRequest) {
    const found = await itemOf(req);
    if (found.item.retiredAt) throw new NotFoundError('该事项已停用，不能再修改。');
    if (!found.c.access.edit) {
      throw new ForbiddenError(found.c.isRoot ? '只有政务公开办可以修改本市标准目录的事项。' : '只有本单位的管理员和信息员可以修改本单位的事项。');
    }
    return found;
  }

  function renderItemForm(req: FastifyRequest, reply: FastifyReply, props: Omit<ItemFormProps, 'ctx'>, status = 200) {
    return send(reply, renderDocument(<ItemFormPage ctx={pageContext(req, reply)} {...props} />), status);
  }

  // ------------------------------------------------------------------------------------------
  // Which catalogs

  app.get('/staff/catalog', guard, async (req, reply) => {
    const user = req.user!;
    const units = await listUnitsOfRoot(core.db, user.rootUnitId);
    const root = units.find((u) => u.id === user.rootUnitId) ?? (await findUnitById(core.db, user.rootUnitId));
    const own = units.find((u) => u.id === user.unitId);
    const shown = [root, own && own.id !== root?.id ? own : undefined].filter((u): u is NonNullable<typeof u> => !!u && catalogAccess(user, u).view);
    const versions = await latestCatalogVersions(core.db, units.map((u) => u.id));
    const cards: CatalogCard[] = [];
    for (const unit of shown) {
      const c = describeUnit(req, unit);
      const cat = await loadUnitCatalog(core, c);
      const counts = countByDomain(cat.items);
      cards.push({
        unitName: unit.name,
        slug: unit.slug,
        isRoot: c.isRoot,
        total: cat.items.length,
        byDomain: cat.domains.filter((d) => counts.has(d.id)).map((d) => ({ name: d.name, slug: d.slug, count: counts.get(d.id)! })),
        access: c.access,
        version: versions.get(unit.id) ?? null,
      });
    }
    let others: OtherCatalog[] = [];
    if (root && isCatalogManager(user, root)) {
      const rest = units.filter((u) => !shown.some((s) => s.id === u.id));
      const counts = await countUnitCatalogs(core.db, rest.map((u) => u.id));
      others = rest.map((u) => ({ unitName: u.name, slug: u.slug, count: counts.get(u.id) ?? 0 }));
    }
    return send(reply, renderDocument(<CatalogIndexPage ctx={pageContext(req, reply)} cards={cards} others={others} />));
  });

  // ------------------------------------------------------------------------------------------
  // A unit's catalog

  app.get('/staff/catalog/:unitSlug', guard, async (req, reply) => {
    const c = await viewableUnit(core, req);
    const cat = await loadUnitCatalog(core, c);
    const q = req.query as Record<string, unknown>;
    const wanted = typeof q.domain === 'string' ? cat.domains.find((d) => d.slug === q.domain) : undefined;
    const items = wanted ? cat.items.filter((i) => i.domainId === wanted.id) : cat.items;
    const root = c.isRoot ? c.unit : await findUnitById(core.db, c.rootUnitId);
    const editStandard = !!root && catalogAccess(req.user!, root).edit;
    const rows: CatalogRowView[] = items.map((row) => {
      const d = cat.data(row);
      const standard = row.ownerUnitId === null;
      return {
        code: row.code,
        domainId: row.domainId,
        level1: row.level1,
        level2: row.level2,
        content: shorten(row.content, 60),
        timeLimitText: row.timeLimitText,
        computable: row.timeLimitRule.kind !== 'not_computable',
        publisherText: row.publisherText,
        ...marksText(d),
        standard,
        canEdit: standard ? editStandard : c.access.edit,
      };
    });
    const versions = await latestCatalogVersions(core.db, [c.unit.id]);
    return send(
      reply,
      renderDocument(
        <CatalogPage
          ctx={pageContext(req, reply)}
          unitName={c.unit.name}
          slug={c.unit.slug}
          isRoot={c.isRoot}
          access={c.access}
          groups={groupCatalog(cat.domains, rows)}
          total={items.length}
          version={versions.get(c.unit.id) ?? null}
          domainFilter={wanted ? { slug: wanted.slug, name: wanted.name } : null}
          guide={canEditGuide(req.user!, c.unit)}
          consultations={canManageConsultations(req.user!, c.unit)}
        />,
      ),
    );
  });

  // ------------------------------------------------------------------------------------------
  // Item form

  app.get('/staff/catalog/:unitSlug/items/new', guard, async (req, reply) => {
    const c = await editableUnit(core, req);
    const domains = await domainNames(c.rootUnitId);
    const q = req.query as Record<string, unknown>;
    const preset = typeof q.domain === 'string' && domains.includes(q.domain) ? q.domain : '';
    return renderItemForm(req, reply, {
      mode: 'new',
      unitName: c.unit.name,
      unitSlug: c.unit.slug,
      isRoot: c.isRoot,
      action: `/staff/catalog/${c.unit.slug}/items`,
      values: emptyItemForm(preset),
      errors: {},
      domains,
      understood: null,
    });
  });

  app.post('/staff/catalog/:unitSlug/items', guard, async (req, reply) => {
    const c = await editableUnit(core, req);
    const domains = await domainNames(c.rootUnitId);
    const { values, errors, check } = readItemForm(req.body, domains);
    const props = {
      mode: 'new' as const,
      unitName: c.unit.name,
      unitSlug: c.unit.slug,
      isRoot: c.isRoot,
      action: `/staff/catalog/${c.unit.slug}/items`,
      values,
      domains,
      understood: understandTimeLimit(values.timeLimitText),
    };
    if (check) return renderItemForm(req, reply, { ...props, errors: {}, checked: true });
    if (Object.keys(errors).length) return renderItemForm(req, reply, { ...props, errors }, 400);
    const result = await createItem(core, actorOf(req), {
      rootUnitId: c.rootUnitId,
      ownerUnitId: c.isRoot ? null : c.unit.id,
      data: itemDataOf(values),
      reason: values.reason,
    });
    if (!result.ok) return renderItemForm(req, reply, { ...props, errors: result.errors }, 400);
    setFlash(reply, `已新增事项“${result.item.level2}”。`);
    return reply.redirect(`/staff/catalog/${c.unit.slug}#item-${result.item.code}`, 303);
  });

  app.get('/staff/catalog/items/:code/edit', guard, async (req, reply) => {
    const { item, c, data } = await editableItem(req);
    return renderItemForm(req, reply, {
      mode: 'edit',
      unitName: c.unit.name,
      unitSlug: c.unit.slug,
      isRoot: c.isRoot,
      action: `/staff/catalog/items/${item.code}`,
      values: formValuesOf(data),
      errors: {},
      domains: await domainNames(item.rootUnitId),
      understood: understandTimeLimit(data.timeLimitText),
      item: { code: item.code, version: item.version, level2: item.level2 },
      retire: { reason: '' },
    });
  });

  app.post('/staff/catalog/items/:code', guard, async (req, reply) => {
    const { item, c } = await editableItem(req);
    const domains = await domainNames(item.rootUnitId);
    const { values, errors, check } = readItemForm(req.body, domains);
    const props = {
      mode: 'edit' as const,
      unitName: c.unit.name,
      unitSlug: c.unit.slug,
      isRoot: c.isRoot,
      action: `/staff/catalog/items/${item.code}`,
      values,
      domains,
      understood: understandTimeLimit(values.timeLimitText),
      item: { code: item.code, version: item.version, level2: item.level2 },
      retire: { reason: '' },
    };
    if (check) return renderItemForm(req, reply, { ...props, errors: {}, checked: true });
    // Someone saved in between: do not overwrite their version silently.
    const formVersion = positiveInt(new FormReader(req.body).raw('version'));
    if (formVersion !== undefined && formVersion !== item.version) {
      errors.item = `该事项已被他人修改（现为第${item.version}版，您打开的是第${formVersion}版），请查看修改历史后重新编辑`;
    }
    if (Object.keys(errors).length) return renderItemForm(req, reply, { ...props, errors }, 400);
    const result = await updateItem(core, actorOf(req), item.id, itemDataOf(values), values.reason);
    if (!result.ok) return renderItemForm(req, reply, { ...props, errors: result.errors }, 400);
    setFlash(reply, result.changed ? `已保存“${result.item.level2}”（第${result.item.version}版）。` : `“${item.level2}”的内容没有变化，未形成新版本。`);
    return reply.redirect(`/staff/catalog/${c.unit.slug}#item-${item.code}`, 303);
  });

  app.post('/staff/catalog/items/:code/retire', guard, async (req, reply) => {
    const { item, c, data } = await editableItem(req);
    const form = new FormReader(req.body);
    const reason = form.text('retireReason', { label: '停用原因', required: true, max: 500 });
    const result = form.ok ? await retireItem(core, actorOf(req), item.id, reason) : { ok: false as const, errors: { reason: form.errors.retireReason! } };
    if (!result.ok) {
      const message = result.errors.reason ?? result.errors.item ?? '无法停用该事项';
      return renderItemForm(
        req,
        reply,
        {
          mode: 'edit',
          unitName: c.unit.name,
          unitSlug: c.unit.slug,
          isRoot: c.isRoot,
          action: `/staff/catalog/items/${item.code}`,
          values: formValuesOf(data),
          errors: { retireReason: message },
          domains: await domainNames(item.rootUnitId),
          understood: understandTimeLimit(data.timeLimitText),
          item: { code: item.code, version: item.version, level2: item.level2 },
          retire: { reason, error: message },
        },
        400,
      );
    }
    setFlash(reply, `已停用事项“${item.level2}”。`);
    return reply.redirect(`/staff/catalog/${c.unit.slug}`, 303);
  });

  app.get('/staff/catalog/items/:code/history', guard, async (req, reply) => {
    const { item, c, data } = await itemOf(req);
    const versions = await listItemVersions(core.db, item.id);
    const entries: HistoryEntry[] = versions.map((v, i) => {
      const previous = versions[i + 1];
      return {
        version: v.version,
        kind: KIND_LABELS[v.changeKind] ?? v.changeKind,
        at: formatInstant(v.changedAt),
        by: v.changedByName,
        reason: v.reason,
        changes: previous && v.changeKind !== 'retired' ? readableChanges(previous.data, v.data) : [],
      };
    });
    return send(
      reply,
      renderDocument(
        <ItemHistoryPage
          ctx={pageContext(req, reply)}
          unitName={c.unit.name}
          unitSlug={c.unit.slug}
          isRoot={c.isRoot}
          item={{ code: item.code, level1: item.level1, level2: item.level2, domainName: data.domainName, retired: item.retiredAt !== null }}
          entries={entries}
          canEdit={c.access.edit}
        />,
      ),
    );
  });

  // ------------------------------------------------------------------------------------------
  // Adoption of standard items by a unit

  async function adoptableUnit(req: FastifyRequest): Promise<CatalogUnit> {
    const c = await viewableUnit(core, req);
    if (c.isRoot) throw new NotFoundError('本市标准目录本身不需要采用事项。');
    if (!c.access.adopt) throw new ForbiddenError('只有本单位管理员或政务公开办可以调整本单位采用的事项。');
    return c;
  }

  async function renderAdopt(req: FastifyRequest, reply: FastifyReply, c: CatalogUnit, state: { checked?: Set<string>; reason: string; errors: FieldErrors }, status = 200) {
    const [domains, standard, adopted] = await Promise.all([listDomains(core.db, c.rootUnitId), listStandardItems(core.db, c.rootUnitId), adoptedItemIds(core.db, c.unit.id)]);
    const options: AdoptOption[] = standard.map((s) => {
      const level = { county: s.levelCounty, township: s.levelTownship };
      return { code: s.code, domainId: s.domainId, level1: s.level1, level2: s.level2, publisherText: s.publisherText, level: levelText(level), refusal: adoptionRefusal(c.unit, { level, publisherText: s.publisherText }) };
    });
    const checked = state.checked ?? new Set(standard.filter((s) => adopted.has(s.id)).map((s) => s.code));
    return send(
      reply,
      renderDocument(
        <AdoptPage
          ctx={pageContext(req, reply)}
          unitName={c.unit.name}
          slug={c.unit.slug}
          groups={groupCatalog(domains, options)}
          checked={checked}
          reason={state.reason}
          errors={state.errors}
          adoptedCount={standard.filter((s) => adopted.has(s.id)).length}
        />,
      ),
      status,
    );
  }

  app.get('/staff/catalog/:unitSlug/adopt', guard, async (req, reply) => {
    const c = await adoptableUnit(req);
    return renderAdopt(req, reply, c, { reason: '', errors: {} });
  });

  app.post('/staff/catalog/:unitSlug/adopt', guard, async (req, reply) => {
    const c = await adoptableUnit(req);
    const standard = await listStandardItems(core.db, c.rootUnitId);
    const idOf = new Map(standard.map((s) => [s.code, s.id]));
    const form = new FormReader(req.body);
    const codes = form.list('items', '所选事项', [...idOf.keys()]);
    const reason = form.text('reason', { label: '变更说明', required: true, max: 500 });
    if (form.errors.items) form.errors.items = '所选事项中有不属于本市标准目录的事项（可能已被停用），请重新选择';
    if (!form.ok) return renderAdopt(req, reply, c, { checked: new Set(codes), reason, errors: form.errors }, 400);
    const result = await setAdoptedItems(core, actorOf(req), c.unit.id, c.rootUnitId, codes.map((code) => idOf.get(code)!), reason);
    if (!result.ok) return renderAdopt(req, reply, c, { checked: new Set(codes), reason, errors: result.errors }, 400);
    setFlash(reply, result.added || result.removed ? `已更新采用的标准事项：新增${result.added}项，移除${result.removed}项。` : '采用的事项没有变化。');
    return reply.redirect(`/staff/catalog/${c.unit.slug}`, 303);
  });

  // ------------------------------------------------------------------------------------------
  // Versions

  async function versionRows(unitId: number): Promise<VersionRowView[]> {
    const versions = await listCatalogVersions(core.db, unitId);
    return versions.map((v, i) => {
      const previous = versions[i + 1];
      const d = diffSnapshots(previous?.snapshot ?? [], v.snapshot);
      return {
        version: v.version,
        at: formatInstant(v.changedAt),
        by: v.changedByName,
        reason: v.reason,
        added: d.added.length,
        removed: d.removed.length,
        changed: d.changed.length,
        total: v.snapshot.length,
      };
    });
  }

  const catalogRef = (c: CatalogUnit) => ({ unitName: c.unit.name, slug: c.unit.slug, isRoot: c.isRoot });

  app.get('/staff/catalog/:unitSlug/versions', guard, async (req, reply) => {
    const c = await viewableUnit(core, req);
    const rows = await versionRows(c.unit.id);
    return send(reply, renderDocument(<VersionsPage ctx={pageContext(req, reply)} catalog={catalogRef(c)} rows={rows} />));
  });

  app.get('/staff/catalog/:unitSlug/versions/diff', guard, async (req, reply) => {
    const c = await viewableUnit(core, req);
    const q = req.query as Record<string, unknown>;
    const from = positiveInt(q.from);
    const to = positiveInt(q.to);
    const [a, b] = await Promise.all([from ? findCatalogVersion(core.db, c.unit.id, from) : undefined, to ? findCatalogVersion(core.db, c.unit.id, to) : undefined]);
    const errors: FieldErrors = {};
    if (!a) errors.from = '请选择一个存在的版本';
    if (!b) errors.to = '请选择一个存在的版本';
    if (a && b && a.version === b.version) errors.to = '请选择两个不同的版本';
    if (!a || !b || Object.keys(errors).length) {
      const rows = await versionRows(c.unit.id);
      const raw = (v: unknown) => (typeof v === 'string' ? v.slice(0, 12) : '');
      return send(reply, renderDocument(<VersionsPage ctx={pageContext(req, reply)} catalog={catalogRef(c)} rows={rows} errors={errors} from={raw(q.from)} to={raw(q.to)} />), 400);
    }
    const diff = diffSnapshots(a.snapshot, b.snapshot);
    const fromVersion = new Map(a.snapshot.map((e) => [e.itemId, e.version]));
    const toVersion = new Map(b.snapshot.map((e) => [e.itemId, e.version]));
    const pairs = [
      ...diff.added.map((id) => ({ itemId: id, version: toVersion.get(id)! })),
      ...diff.removed.map((id) => ({ itemId: id, version: fromVersion.get(id)! })),
      ...diff.changed.flatMap((ch) => [
        { itemId: ch.itemId, version: ch.from },
        { itemId: ch.itemId, version: ch.to },
      ]),
    ];
    const [data, codes] = await Promise.all([itemVersionsFor(core.db, pairs), itemCodes(core.db, [...new Set(pairs.map((p) => p.itemId))])]);
    const view = (itemId: number, version: number): DiffItemView => {
      const d = data.get(versionKey(itemId, version))?.data;
      return { code: codes.get(itemId)?.code ?? null, domainName: d?.domainName ?? '', level1: d?.level1 ?? '', level2: d?.level2 ?? `（事项 ${itemId}）` };
    };
    const changed: ChangedItemView[] = diff.changed.map((ch) => {
      const before = data.get(versionKey(ch.itemId, ch.from))?.data;
      const after = data.get(versionKey(ch.itemId, ch.to))?.data;
      return { ...view(ch.itemId, ch.to), from: ch.from, to: ch.to, changes: before && after ? readableChanges(before, after) : [] };
    });
    const all = await listCatalogVersions(core.db, c.unit.id);
    const meta = (v: typeof a) => `${formatInstant(v.changedAt)}，${v.changedByName}：${v.reason}（${v.snapshot.length}项）`;
    return send(
      reply,
      renderDocument(
        <VersionDiffPage
          ctx={pageContext(req, reply)}
          catalog={catalogRef(c)}
          from={a.version}
          to={b.version}
          fromMeta={meta(a)}
          toMeta={meta(b)}
          added={diff.added.map((id) => view(id, toVersion.get(id)!))}
          removed={diff.removed.map((id) => view(id, fromVersion.get(id)!))}
          changed={changed}
          versions={all.map((v) => v.version)}
        />,
      ),
    );
  });

  // ------------------------------------------------------------------------------------------
  // Exports

  for (const format of EXPORT_FORMATS) {
    app.get(`/staff/catalog/:unitSlug/export.${format}`, guard, async (req, reply) => {
      const c = await viewableUnit(core, req);
      return sendCatalogExport(core, c, format, reply);
    });
  }
}
