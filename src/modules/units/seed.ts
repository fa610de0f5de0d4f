// Demo data on the first start: 楚雄市's government, departments and townships, with the site settings.
import { eq } from 'drizzle-orm';
import type { Core } from '../../core/services.ts';
import { siteSettings, unitLeaders, units } from '../../core/db/schema.ts';
import { writeAudit, systemActor } from '../../core/audit/index.ts';
import { DEMO_UNITS } from './demo-data.ts';
import { countUnits } from './data/repository.ts';

export async function seedUnits(core: Core): Promise<boolean> {
  if ((await countUnits(core.db)) > 0) return false;
  const now = core.clock.now();
  await core.db.transaction(async (tx) => {
    const idByKey = new Map<string, number>();
    let rootId: number | null = null;
    for (const u of DEMO_UNITS) {
      const parentId = u.parentKey ? idByKey.get(u.parentKey) ?? null : null;
      const inserted: { id: number }[] = await tx
        .insert(units)
        .values({
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
        })
        .returning({ id: units.id });
      const id = inserted[0]!.id;
      if (!u.parentKey) {
        rootId = id;
        await tx.update(units).set({ rootId: id }).where(eq(units.id, id));
        await tx.insert(siteSettings).values({
          rootUnitId: id,
          siteName: `${u.name}门户网站`,
          siteCode: '5323010001',
          icpNo: '滇ICP备00000000号-1',
          psbNo: '滇公网安备 53230102000000号',
          hostName: '',
          hostUnitName: `${u.name}办公室`,
        });
      }
      idByKey.set(u.key, id);
      if (u.leaders.length) {
        await tx.insert(unitLeaders).values(u.leaders.map((l, i) => ({ unitId: id, name: l.name, title: l.title, duties: l.duties, sortOrder: i })));
      }
    }
    await writeAudit(tx, systemActor, { action: 'seed.units', targetType: 'unit', targetId: 'demo', summary: { note: '首次启动载入演示单位', count: DEMO_UNITS.length } }, now);
  });
  core.sites.invalidate();
  return true;
}
