// First start: the demo city's 政务新媒体 accounts and posts, only with the full demo city
// (GONGKAI_DEMO_VOLUME=full, the default of npm start); the lean volume tests use loads nothing.
import { isNull } from 'drizzle-orm';
import type { Core, SeedOptions } from '../../core/services.ts';
import { units } from '../../core/db/schema.ts';
import { seedNewmediaDemo } from './demo/seed-demo.ts';

export async function seedNewmedia(core: Core, opts: SeedOptions): Promise<void> {
  if (opts.volume !== 'full') return;
  const roots = await core.db.select({ id: units.id }).from(units).where(isNull(units.parentId));
  for (const r of roots) await seedNewmediaDemo(core, r.id, opts.log);
}
