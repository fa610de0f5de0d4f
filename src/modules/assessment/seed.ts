// Demo data for 内容检查 (GONGKAI_DEMO_VOLUME=full): the 领导人姓名职务 table from each city's leaders (one
// of them with an earlier post, to show validity dates) and a first sweep of the public records.
// The lean volume (tests) loads nothing: the national default tables are created on first use anyway.
import { asc, eq, isNull } from 'drizzle-orm';
import type { Core, SeedOptions } from '../../core/services.ts';
import { systemActor } from '../../core/audit/index.ts';
import { unitLeaders, units } from '../../core/db/schema.ts';
import { addTerm, listTerms, runSweep } from './service.ts';
import { shanghaiToday } from '../../core/clock.ts';
import { listUnitsOfRoot } from '../units/index.ts';
import { parsePeriod, quarterOf } from './domain/scoring.ts';
import { bulletinFor, computeScores, draftBulletinFor, resultFor, saveBulletin, saveManualScore } from './service-scoring.ts';

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
    await seedScores(core, r.id, opts);
  }
}

/** The two quarters before today scored for every unit (培训 points entered by hand), the later one's 通报 issued. */
async function seedScores(core: Core, rootUnitId: number, opts: SeedOptions): Promise<void> {
  const now = shanghaiToday(core.clock.now());
  const cur = quarterOf(now);
  const prev = (q: string) => (q.endsWith('Q1') ? `${Number(q.slice(0, 4)) - 1}-Q4` : `${q.slice(0, 6)}${Number(q.slice(6)) - 1}`);
  const last = prev(cur);
  const before = prev(last);
  const units = await listUnitsOfRoot(core.db, rootUnitId);
  for (const period of [before, last]) {
    if (await resultFor(core.db, rootUnitId, period)) continue;
    for (const [i, u] of units.entries()) {
      // Most units attended the city's training; a few sent nobody to one session.
      const points = i % 7 === 3 ? 3 : i % 11 === 5 ? 4 : 5;
      await saveManualScore(core, systemActor, rootUnitId, period, u.id, 'training', points, points === 5 ? '参加全市政务公开培训，工作机构和人员落实' : '缺席一次全市政务公开培训');
    }
    const scores = await computeScores(core, rootUnitId, period);
    opts.log(`考核：${parsePeriod(period)!.label} ${scores.length} 个单位已计分`);
  }
  if ((await bulletinFor(core.db, rootUnitId, last))?.state === 'issued') return;
  const root = units.find((u) => u.id === rootUnitId);
  const b = await draftBulletinFor(core, systemActor, rootUnitId, last, (root?.name ?? '').replace(/人民政府$/, ''));
  if (b) await saveBulletin(core, systemActor, rootUnitId, last, { title: b.title, docNo: `楚政办通〔${last.slice(0, 4)}〕${Number(last.slice(6)) * 3 + 2}号`, overview: b.overview, problems: b.problems, requirements: b.requirements }, true);
}
