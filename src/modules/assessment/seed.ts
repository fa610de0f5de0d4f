// Demo data for 内容检查 (GONGKAI_DEMO_VOLUME=full): the 领导人姓名职务 table from each city's leaders (one
// of them with an earlier post, to show validity dates) and a first sweep of the public records.
// The lean volume (tests) loads nothing: the national default tables are created on first use anyway.
import { asc, eq, isNull } from 'drizzle-orm';
import type { Core, SeedOptions } from '../../core/services.ts';
import { systemActor } from '../../core/audit/index.ts';
import { unitLeaders, units } from '../../core/db/schema.ts';
import { addTerm, listTerms, runSweep } from './service.ts';

export async function seedAssessment(core: Core, opts: SeedOptions): Promise<void> {
  if (opts.volume !== 'full') return;
  const roots = await core.db.select({ id: units.id }).from(units).where(isNull(units.parentId));
  for (const r of roots) {
    if ((await listTerms(core.db, r.id)).some((t) => t.kind === 'leader')) continue;
    const leaders = await core.db.select().from(unitLeaders).where(eq(unitLeaders.unitId, r.id)).orderBy(asc(unitLeaders.sortOrder), asc(unitLeaders.id));
    for (const [i, l] of leaders.entries()) {
      // The second leader was 副市长 before becoming 常务副市长 (a post change the table records with dates).
      if (i === 1 && l.title.startsWith('常务')) {
        await addTerm(core, systemActor, r.id, { kind: 'leader', term: l.name, value: l.title.slice(2), level: 'warn', validFrom: '2021-09-01', validTo: '2024-02-29', note: '' });
        await addTerm(core, systemActor, r.id, { kind: 'leader', term: l.name, value: l.title, level: 'warn', validFrom: '2024-03-01', validTo: null, note: '' });
      } else {
        await addTerm(core, systemActor, r.id, { kind: 'leader', term: l.name, value: l.title, level: 'warn', validFrom: '2021-09-01', validTo: null, note: '' });
      }
    }
    const s = await runSweep(core, r.id);
    opts.log(`内容检查：巡检 ${s.records} 条公开信息，发现 ${s.findings} 处提示`);
  }
}
