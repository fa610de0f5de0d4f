// Loads the working-day calendar from the database and saves corrected years (admin page).
import { asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/index.ts';
import { calendarDays, calendarYears } from '../db/schema.ts';
import { writeAudit, type Actor } from '../audit/index.ts';
import type { Clock } from '../clock.ts';
import { buildCalendar, type CalendarYearData, type WorkCalendar } from './working-days.ts';
import { OFFICIAL_YEARS } from './official-holidays.ts';

export class CalendarService {
  private cached: { cal: WorkCalendar; at: number } | undefined;
  private readonly listeners: { run: (year: number) => Promise<void>; onError: (err: unknown) => void }[] = [];

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    /** Other instances see an admin's change within this time. */
    private readonly ttlMs = 30_000,
  ) {}

  async years(): Promise<CalendarYearData[]> {
    const ys = await this.db.select().from(calendarYears).orderBy(asc(calendarYears.year));
    const days = await this.db.select().from(calendarDays).orderBy(asc(calendarDays.date));
    return ys.map((y) => ({
      year: y.year,
      source: y.source,
      holidays: days.filter((d) => d.year === y.year && d.kind === 'holiday').map((d) => ({ date: d.date, name: d.name })),
      workdays: days.filter((d) => d.year === y.year && d.kind === 'workday').map((d) => ({ date: d.date, name: d.name })),
    }));
  }

  async calendar(): Promise<WorkCalendar> {
    const now = Date.now();
    if (this.cached && now - this.cached.at < this.ttlMs) return this.cached.cal;
    const cal = buildCalendar(await this.years());
    this.cached = { cal, at: now };
    return cal;
  }

  invalidate(): void {
    this.cached = undefined;
  }

  /**
   * Called after a year is added or corrected on this instance (e.g. deadlines computed with the
   * year still provisional are recomputed). A listener's failure goes to its onError, not to the
   * admin: the year is saved either way.
   */
  onYearSaved(run: (year: number) => Promise<void>, onError: (err: unknown) => void): void {
    this.listeners.push({ run, onError });
  }

  /** Replaces one year's data in one transaction, with an audit row holding before and after. */
  async saveYear(data: CalendarYearData, actor: Actor): Promise<void> {
    buildCalendar([data]); // validates, throws RangeError with a readable message
    const before = (await this.years()).find((y) => y.year === data.year);
    const now = this.clock.now();
    await this.db.transaction(async (tx) => {
      // Two admins saving the same year at once: the second waits, then replaces, never a 500.
      await tx.execute(sql`SELECT pg_advisory_xact_lock(727004, ${data.year})`);
      await tx.delete(calendarDays).where(eq(calendarDays.year, data.year));
      await tx
        .insert(calendarYears)
        .values({ year: data.year, source: data.source, updatedAt: now })
        .onConflictDoUpdate({ target: calendarYears.year, set: { source: data.source, updatedAt: now } });
      const rows = [
        ...data.holidays.map((d) => ({ date: d.date, year: data.year, kind: 'holiday' as const, name: d.name })),
        ...data.workdays.map((d) => ({ date: d.date, year: data.year, kind: 'workday' as const, name: d.name })),
      ];
      if (rows.length) await tx.insert(calendarDays).values(rows);
      await writeAudit(
        tx,
        actor,
        {
          action: before ? 'calendar.year-corrected' : 'calendar.year-added',
          targetType: 'calendar_year',
          targetId: data.year,
          summary: {
            before: before ? { holidays: before.holidays.length, workdays: before.workdays.length, source: before.source } : null,
            after: { holidays: data.holidays.length, workdays: data.workdays.length, source: data.source },
          },
        },
        now,
      );
    });
    this.invalidate();
    for (const l of this.listeners) {
      try {
        await l.run(data.year);
      } catch (err) {
        l.onError(err);
      }
    }
  }

  /** Seeds the official years that are missing (first start and upgrades). */
  async seedOfficialYears(actor: Actor): Promise<number> {
    const have = new Set((await this.db.select({ year: calendarYears.year }).from(calendarYears)).map((r) => r.year));
    let added = 0;
    for (const y of OFFICIAL_YEARS) {
      if (have.has(y.year)) continue;
      await this.saveYear(y, actor);
      added++;
    }
    return added;
  }
}
