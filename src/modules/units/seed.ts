// Demo data on the first start: 楚雄市's government, departments and townships, with the site settings
// (网站标识码, 备案 numbers, and the 演示数据提示 shown on every page while the demo data is there).
import { eq } from 'drizzle-orm';
import type { Core } from '../../core/services.ts';
import { siteSettings, unitLeaders, units } from '../../core/db/schema.ts';
import { writeAudit, systemActor } from '../../core/audit/index.ts';
import { DEMO_SITE, DEMO_UNITS } from './demo-data.ts';
import { countUnits } from './data/repository.ts';

export async function seedUnits(core: Core): Promise<boolean> {
  if ((await countUnits(core.db)) > 0) return false;
  const now = core.clock.now();
  const root = DEMO_UNITS.find((u) => !u.parentKey)!;
  await core.db.transaction(async (tx) => {
    // The root first (its id is every other unit's root_id), then the rest in one statement: the demo
    // tree is one level deep.
    const [r] = await tx.insert(units).values(unitValues(root, null, null)).returning({ id: units.id });
    const rootId = r!.id;
    await tx.update(units).set({ rootId }).where(eq(units.id, rootId));
    const children = DEMO_UNITS.filter((u) => u.parentKey === root.key);
    if (children.length !== DEMO_UNITS.length - 1) throw new Error('the demo units form a tree one level deep under the city');
    const inserted = await tx.insert(units).values(children.map((u) => unitValues(u, rootId, rootId))).returning({ id: units.id, slug: units.slug });
    const idByKey = new Map<string, number>([[root.key, rootId], ...inserted.map((x) => [x.slug, x.id] as [string, number])]);
    await tx.insert(siteSettings).values({
      rootUnitId: rootId,
      siteName: `${root.name}门户网站`,
      siteCode: DEMO_SITE.siteCode,
      icpNo: DEMO_SITE.icpNo,
      psbNo: DEMO_SITE.psbNo,
      conacUrl: DEMO_SITE.conacUrl,
      hostName: '',
      hostUnitName: `${root.name}办公室`,
      demoNotice: DEMO_SITE.demoNotice,
      superiorGovernment: DEMO_SITE.superiorGovernment,
      basicCourt: DEMO_SITE.basicCourt,
      intermediateCourt: DEMO_SITE.intermediateCourt,
    });
    const leaders = DEMO_UNITS.flatMap((u) => u.leaders.map((l, i) => ({ unitId: idByKey.get(u.key)!, name: l.name, title: l.title, duties: l.duties, sortOrder: i })));
    await tx.insert(unitLeaders).values(leaders);
    await writeAudit(tx, systemActor, { action: 'seed.units', targetType: 'unit', targetId: 'demo', summary: { note: '首次启动载入演示单位', count: DEMO_UNITS.length } }, now);
  });
  core.sites.invalidate();
  return true;
}

function unitValues(u: (typeof DEMO_UNITS)[number], parentId: number | null, rootId: number | null): typeof units.$inferInsert {
  return {
    slug: u.key,
    parentId,
    rootId,
    name: u.name,
    shortName: u.shortName,
    type: u.type,
    uscc: u.uscc,
    address: u.address,
    officeHours: u.officeHours,
    phone: u.phone,
    fax: u.fax,
    email: u.email,
    opennessContact: u.opennessContact,
    functions: u.functions,
    sortOrder: u.sortOrder,
  };
}

