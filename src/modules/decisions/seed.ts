// First start: demo decisions, key tasks and progress for each city, only with the full demo city
// (GONGKAI_DEMO_VOLUME=full, the default of npm start); the lean volume tests use loads nothing.
import { isNull } from 'drizzle-orm';
import type { Core, SeedOptions } from '../../core/services.ts';
import { units } from '../../core/db/schema.ts';
import { shanghaiToday } from '../../core/clock.ts';
import { seedDecisionsDemo } from './demo/seed-demo.ts';

export async function seedDecisions(core: Core, opts: SeedOptions): Promise<void> {
  if (opts.volume !== 'full') return;
  const roots = await core.db.select({ id: units.id }).from(units).where(isNull(units.parentId));
  for (const r of roots) await seedDecisionsDemo(core, r.id, shanghaiToday(core.clock.now()), opts.log);
}
