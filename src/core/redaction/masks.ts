// The site's masking formats for released files (site setting; defaults in office.ts).
import { eq } from 'drizzle-orm';
import type { Db } from '../db/index.ts';
import { siteSettings } from '../db/schema.ts';
import { DEFAULT_MASKS, type MaskRules } from './office.ts';

const KINDS = ['resident_id', 'mobile', 'bank_card'] as const;
/** At most this many characters stay visible in all, so at least 7 of 18, 4 of 11 and 8 of 16 are hidden. */
export const MAX_KEPT: Record<(typeof KINDS)[number], number> = { resident_id: 11, mobile: 7, bank_card: 8 };

/** The masks of the site, each rule checked against MAX_KEPT, the default where unset or out of bounds. */
export async function siteMasks(db: Db, rootUnitId: number): Promise<MaskRules> {
  const [row] = await db.select({ m: siteSettings.redactionMasks }).from(siteSettings).where(eq(siteSettings.rootUnitId, rootUnitId));
  const out: MaskRules = { ...DEFAULT_MASKS };
  for (const k of KINDS) {
    const r = row?.m?.[k];
    if (r && Number.isInteger(r.keepStart) && Number.isInteger(r.keepEnd) && r.keepStart >= 0 && r.keepEnd >= 0 && r.keepStart + r.keepEnd <= MAX_KEPT[k]) out[k] = { keepStart: r.keepStart, keepEnd: r.keepEnd };
  }
  return out;
}
