// First start: the demo city's 舆情 register and 回应关切 column, only with the full demo city
// (GONGKAI_DEMO_VOLUME=full, the default of npm start); the lean volume tests use loads nothing.
import { isNull } from 'drizzle-orm';
import type { Core, SeedOptions } from '../../core/services.ts';
import { units } from '../../core/db/schema.ts';
import { seedOpinionDemo } from './demo/seed-demo.ts';

export async function seedOpinion(core: Core, opts: SeedOptions): Promise<void> {
  if (opts.volume !== 'full') return;
  const roots = await core.db.select({ id: units.id }).from(units).where(isNull(units.parentId));
  for (const r of roots) await seedOpinionDemo(core, r.id, opts.log);
}
