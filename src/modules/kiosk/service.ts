// Query terminals: registration by the openness office, the site's kiosk settings, and use counted per
// terminal per day (counts only: no person, address, page or search text is kept).
import { randomInt } from 'node:crypto';
import { and, asc, eq, gte, lte, sql } from 'drizzle-orm';
import type { Core } from '../../core/services.ts';
import type { Db } from '../../core/db/index.ts';
import { writeAudit, type Actor } from '../../core/audit/index.ts';
import { TtlCache } from '../../core/cache.ts';
import { kioskSettings, kioskTerminals, kioskUseDaily } from './data/schema.ts';
import { DEFAULT_COMMON_SEARCHES, DEFAULT_IDLE_SECONDS, TERMINAL_CODE } from './domain/settings.ts';

export interface KioskSettings {
  idleSeconds: number;
  commonSearches: string[];
}

export type TerminalRow = typeof kioskTerminals.$inferSelect;

const settingsCache = new TtlCache<KioskSettings>(30_000, 100);
const terminalCache = new TtlCache<TerminalRow | null>(30_000, 1_000);

export function getKioskSettings(db: Db, rootUnitId: number): Promise<KioskSettings> {
  return settingsCache.get(String(rootUnitId), async () => {
    const [row] = await db.select().from(kioskSettings).where(eq(kioskSettings.rootUnitId, rootUnitId));
    if (!row) return { idleSeconds: DEFAULT_IDLE_SECONDS, commonSearches: [...DEFAULT_COMMON_SEARCHES] };
    return { idleSeconds: row.idleSeconds, commonSearches: row.commonSearches.split('\n').filter(Boolean) };
  });
}

export async function saveKioskSettings(core: Core, actor: Actor, rootUnitId: number, s: KioskSettings): Promise<void> {
  const now = core.clock.now();
  await core.db.transaction(async (tx) => {
    const value = { idleSeconds: s.idleSeconds, commonSearches: s.commonSearches.join('\n') };
    await tx.insert(kioskSettings).values({ rootUnitId, ...value }).onConflictDoUpdate({ target: kioskSettings.rootUnitId, set: value });
    await writeAudit(tx, actor, { action: 'kiosk.settings-saved', targetType: 'kiosk_settings', targetId: rootUnitId, unitId: rootUnitId, summary: { after: s } }, now);
  });
  settingsCache.clear();
}

/** An active terminal by its code, for every request carrying the terminal cookie (cached). */
export function activeTerminal(db: Db, code: string): Promise<TerminalRow | null> {
  if (!TERMINAL_CODE.test(code)) return Promise.resolve(null);
  return terminalCache.get(code, async () => {
    const [row] = await db.select().from(kioskTerminals).where(eq(kioskTerminals.code, code));
    return row && row.active ? row : null;
  });
}

export function listTerminals(db: Db, rootUnitId: number): Promise<TerminalRow[]> {
  return db.select().from(kioskTerminals).where(eq(kioskTerminals.rootUnitId, rootUnitId)).orderBy(asc(kioskTerminals.name));
}

const ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
function newCode(): string {
  let s = 'K';
  for (let i = 0; i < 8; i++) s += ALPHABET[randomInt(ALPHABET.length)];
  return s;
}

export type TerminalInput = { name: string; place: string; active: boolean };
export type TerminalResult = { ok: true; code: string } | { ok: false; fields: Record<string, string> };

export async function saveTerminal(core: Core, actor: Actor, rootUnitId: number, code: string | null, input: TerminalInput): Promise<TerminalResult> {
  const now = core.clock.now();
  const clash = await core.db
    .select({ code: kioskTerminals.code })
    .from(kioskTerminals)
    .where(and(eq(kioskTerminals.rootUnitId, rootUnitId), eq(kioskTerminals.name, input.name)));
  if (clash.some((c) => c.code !== code)) return { ok: false, fields: { name: '已有同名的终端，请换一个名称' } };
  const saved = await core.db.transaction(async (tx) => {
    if (code === null) {
      const [row] = await tx.insert(kioskTerminals).values({ rootUnitId, code: newCode(), name: input.name, place: input.place, active: true, createdAt: now }).returning();
      await writeAudit(tx, actor, { action: 'kiosk.terminal-added', targetType: 'kiosk_terminal', targetId: row!.code, unitId: rootUnitId, summary: { after: { name: input.name, place: input.place } } }, now);
      return row!.code;
    }
    const [before] = await tx.select().from(kioskTerminals).where(and(eq(kioskTerminals.code, code), eq(kioskTerminals.rootUnitId, rootUnitId)));
    if (!before) return null;
    await tx.update(kioskTerminals).set(input).where(eq(kioskTerminals.id, before.id));
    await writeAudit(tx, actor, { action: 'kiosk.terminal-changed', targetType: 'kiosk_terminal', targetId: code, unitId: rootUnitId, summary: { before: { name: before.name, place: before.place, active: before.active }, after: input } }, now);
    return code;
  });
  terminalCache.clear();
  return saved ? { ok: true, code: saved } : { ok: false, fields: { name: '没有这台终端' } };
}

/** One more page (and, at the start page, one more session) for the terminal today. */
export async function countUse(db: Db, terminalId: number, day: string, start: boolean): Promise<void> {
  await db
    .insert(kioskUseDaily)
    .values({ terminalId, day, pages: 1, starts: start ? 1 : 0 })
    .onConflictDoUpdate({
      target: [kioskUseDaily.terminalId, kioskUseDaily.day],
      set: { pages: sql`${kioskUseDaily.pages} + 1`, starts: sql`${kioskUseDaily.starts} + ${start ? 1 : 0}` },
    });
}

export interface UseRow {
  terminalId: number;
  day: string;
  pages: number;
  starts: number;
}

export async function useOfTerminals(db: Db, rootUnitId: number, from: string, to: string): Promise<UseRow[]> {
  return db
    .select({ terminalId: kioskUseDaily.terminalId, day: kioskUseDaily.day, pages: kioskUseDaily.pages, starts: kioskUseDaily.starts })
    .from(kioskUseDaily)
    .innerJoin(kioskTerminals, eq(kioskTerminals.id, kioskUseDaily.terminalId))
    .where(and(eq(kioskTerminals.rootUnitId, rootUnitId), gte(kioskUseDaily.day, from), lte(kioskUseDaily.day, to)))
    .orderBy(asc(kioskUseDaily.day));
}
