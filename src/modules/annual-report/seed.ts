// Full demo only: the annual reports of the years before the platform (补录), published, so the 年报
// column and the dashboards show the city's earlier years as done (./demo/reports.ts). Each report is
// checked as publication checks it; nothing is loaded once the city has any annual report.
import { eq, sql } from 'drizzle-orm';
import type { Core, SeedOptions } from '../../core/services.ts';
import { units } from '../../core/db/schema.ts';
import { systemActor, writeAudit, type Actor } from '../../core/audit/index.ts';
import { shanghaiToday } from '../../core/clock.ts';
import { ALL_ENTERED } from './domain/assemble.ts';
import { checkReport, failing } from './domain/checks.ts';
import { arReports } from './data/schema.ts';
import { demoReports, type DemoReport } from './demo/reports.ts';

const DEMO_ACTOR: Actor = { ...systemActor, name: '系统（演示数据）' };

export async function seedAnnualReports(core: Core, opts: Pick<SeedOptions, 'volume' | 'log'>): Promise<number> {
  if (opts.volume !== 'full') return 0;
  const [root] = await core.db.select({ id: units.id }).from(units).where(eq(units.slug, 'city-government'));
  if (!root) return 0;
  const existing = await core.db.execute(sql`SELECT 1 FROM ar_reports r JOIN units u ON u.id = r.unit_id WHERE u.root_id = ${root.id} LIMIT 1`);
  if (existing.rows.length) return 0;
  const now = core.clock.now();
  const today = shanghaiToday(now);
  const cityUnits = await core.db
    .select({ id: units.id, name: units.name, type: units.type, parentId: units.parentId })
    .from(units)
    .where(sql`${units.rootId} = ${root.id} AND ${units.archivedAt} IS NULL`)
    .orderBy(units.sortOrder, units.id);
  const reports = demoReports(
    cityUnits.map((u) => ({ id: u.id, name: u.name, type: u.type, isRoot: u.parentId === null })),
    Number(today.slice(0, 4)),
    today,
  );
  const previous = new Map<string, DemoReport>(reports.map((r) => [`${r.unitId}:${r.year}`, r]));
  for (const r of reports) {
    const prev = previous.get(`${r.unitId}:${r.year - 1}`);
    const bad = failing(checkReport({ year: r.year, tables: r.tables, previous: prev ? { year: prev.year, tables: prev.tables } : null, texts: r.texts }));
    if (bad.length) throw new Error(`demo annual report ${r.unitId}/${r.year} fails its checks: ${bad.map((c) => c.message).join('; ')}`);
  }
  if (!reports.length) return 0;
  await core.db.transaction(async (tx) => {
    await tx.insert(arReports).values(
      reports.map((r) => {
        const at = new Date(`${r.publishedOn}T02:00:00Z`);
        return {
          unitId: r.unitId,
          year: r.year,
          scope: 'own' as const,
          source: 'manual' as const,
          state: 'published' as const,
          origins: ALL_ENTERED,
          computed: null,
          entered: { s2: r.tables.s2, s3: r.tables.s3, s4: r.tables.s4 },
          coveredUnitIds: [r.unitId],
          overview: r.texts.overview,
          problems: r.texts.problems,
          other: r.texts.other,
          publishedAt: at,
          publishedOn: r.publishedOn,
          publishedByName: DEMO_ACTOR.name,
          updatedAt: at,
        };
      }),
    );
    await writeAudit(tx, DEMO_ACTOR, { action: 'seed.annual-report', targetType: 'annual_report', targetId: 'demo', unitId: root.id, summary: { note: '载入演示数据：补录往年年度报告', reports: reports.length } }, now);
  });
  opts.log(`已补录并发布往年政府信息公开工作年度报告 ${reports.length} 份（演示数据）。`);
  return reports.length;
}
