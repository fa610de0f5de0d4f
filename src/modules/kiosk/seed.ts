// First start: the query terminals the plan (三(六)1) places in the city's service halls, archive and
// library, with a week of plausible use counts in the full demo.
import { eq, isNull } from 'drizzle-orm';
import type { Core, SeedOptions } from '../../core/services.ts';
import { units } from '../../core/db/schema.ts';
import { shanghaiToday } from '../../core/clock.ts';
import { kioskTerminals, kioskUseDaily } from './data/schema.ts';

const DEMO_TERMINALS = [
  { code: 'K3WMFZH2A', name: '为民服务中心1号机', place: '楚雄市为民服务中心一楼大厅' },
  { code: 'K7PQRDT4B', name: '不动产登记中心查询机', place: '楚雄市不动产登记中心服务大厅' },
  { code: 'K9LXNGE6C', name: '档案馆查询机', place: '楚雄市档案馆政府信息查阅场所' },
  { code: 'K5HJVBS8D', name: '图书馆查询机', place: '楚雄市图书馆一楼服务台' },
];

export async function seedKiosk(core: Core, opts: SeedOptions): Promise<void> {
  const [root] = await core.db.select({ id: units.id }).from(units).where(isNull(units.parentId)).orderBy(units.sortOrder, units.id).limit(1);
  if (!root) return;
  const existing = await core.db.select({ id: kioskTerminals.id }).from(kioskTerminals).where(eq(kioskTerminals.rootUnitId, root.id)).limit(1);
  if (existing.length) return;
  const rows = await core.db
    .insert(kioskTerminals)
    .values(DEMO_TERMINALS.map((t) => ({ ...t, rootUnitId: root.id })))
    .onConflictDoNothing()
    .returning();
  if (opts.volume !== 'full' || !rows.length) return;
  const today = shanghaiToday(core.clock.now());
  const base = new Date(`${today}T00:00:00Z`).getTime();
  const use: (typeof kioskUseDaily.$inferInsert)[] = [];
  for (let i = 1; i <= 7; i++) {
    const day = new Date(base - i * 86_400_000).toISOString().slice(0, 10);
    const weekend = [0, 6].includes(new Date(base - i * 86_400_000).getUTCDay());
    rows.forEach((t, k) => {
      const starts = weekend ? (k === 3 ? 9 + i : 0) : 14 - k * 3 + (i % 3);
      if (starts > 0) use.push({ terminalId: t.id, day, starts, pages: starts * (4 + ((i + k) % 3)) });
    });
  }
  if (use.length) await core.db.insert(kioskUseDaily).values(use).onConflictDoNothing();
  opts.log(`已登记 ${rows.length} 台演示查询终端，终端首页地址形如 /kiosk?terminal=${rows[0]!.code}`);
}
