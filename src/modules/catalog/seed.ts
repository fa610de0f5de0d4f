// First start: the 26 national domains for every city (root unit).
import { isNull } from 'drizzle-orm';
import type { Core } from '../../core/services.ts';
import { units } from '../../core/db/schema.ts';
import { seedDomains } from './service.ts';

export async function seedCatalog(core: Core): Promise<void> {
  const roots = await core.db.select({ id: units.id }).from(units).where(isNull(units.parentId));
  await core.db.transaction(async (tx) => {
    for (const r of roots) await seedDomains(tx, r.id);
  });
}
