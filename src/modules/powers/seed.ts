// First start: the editable 职权类型 list for every city. Demo data (a township's and a department's
// lists, 执法 information and decisions, 办事指南 with forms) only with the full demo city (GONGKAI_DEMO_VOLUME=full, the default of npm start): see demo/seed-demo.ts.
import { isNull } from 'drizzle-orm';
import type { Core, SeedOptions } from '../../core/services.ts';
import { units } from '../../core/db/schema.ts';
import { seedTypes } from './service.ts';
import { seedPowersDemo } from './demo/seed-demo.ts';

export async function seedPowers(core: Core, opts: SeedOptions): Promise<void> {
  const roots = await core.db.select({ id: units.id }).from(units).where(isNull(units.parentId));
  for (const r of roots) await seedTypes(core.db, r.id);
  if (opts.volume === 'full') for (const r of roots) await seedPowersDemo(core, r.id, opts.log);
}
