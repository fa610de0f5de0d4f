// The statutory holidays of any year, computed: 《全国年节及纪念日放假办法》(2024年修订) 第二条 — 元旦 1月1日;
// 春节 农历除夕、正月初一至初三; 清明节 清明当日; 劳动节 5月1日、2日; 端午节 农历端午当日; 中秋节 农历中秋当日;
// 国庆节 10月1日至3日 (13 days). Without the 调休 and 补假 days, which only the State Council's yearly notice
// fixes. Pure: lunar months come from the lunar tables of the npm package chinese-days (MIT; its table
// look-ups only, which do not depend on the host's time zone), day arithmetic from working-days.ts.
import chineseDays from 'chinese-days';
import { addCalendarDays } from './working-days.ts';

/** The years the lunar tables cover. */
export const LUNAR_FIRST_YEAR = 1901;
export const LUNAR_LAST_YEAR = 2099;

/** Solar date of 农历正月初一 1900 (the tables' base). */
const LUNAR_BASE = '1900-01-31';

const yearDaysCache = new Map<number, number>();

function leapOf(y: number): { month: number; days: number } {
  const l = chineseDays.getYearLeapMonth(y);
  return { month: l.leapMonth ?? 0, days: l.days };
}

function lunarYearDays(y: number): number {
  let n = yearDaysCache.get(y);
  if (n === undefined) {
    n = leapOf(y).days;
    for (let m = 1; m <= 12; m++) n += chineseDays.monthDays(y, m);
    yearDaysCache.set(y, n);
  }
  return n;
}

/** The solar date of lunar `month`/`day` (the ordinary month, not a leap month) of lunar year `year`. */
export function lunarToSolar(year: number, month: number, day: number): string {
  if (!Number.isInteger(year) || year < LUNAR_FIRST_YEAR || year > LUNAR_LAST_YEAR) throw new RangeError(`农历年份超出范围：${year}`);
  let offset = 0;
  for (let y = 1900; y < year; y++) offset += lunarYearDays(y);
  const leap = leapOf(year);
  for (let m = 1; m < month; m++) {
    offset += chineseDays.monthDays(year, m);
    if (m === leap.month) offset += leap.days;
  }
  return addCalendarDays(LUNAR_BASE, offset + day - 1);
}

/**
 * The day of the solar term 清明 (the sun at 15° ecliptic longitude, in April), by the 寿星 formula
 * for 2000–2099: [Y×0.2422 + 4.81] − [Y/4], Y = the year's last two digits (no corrected years for 清明
 * in this century).
 */
export function qingmingDay(year: number): string {
  if (!Number.isInteger(year) || year < 2000 || year > 2099) throw new RangeError(`清明的计算只适用于2000—2099年：${year}`);
  const y = year % 100;
  const day = Math.floor(y * 0.2422 + 4.81) - Math.floor(y / 4);
  return `${year}-04-${String(day).padStart(2, '0')}`;
}

/** Every statutory holiday of `year` with its name; a day that is two holidays carries both names. */
export function statutoryHolidays(year: number): { date: string; name: string }[] {
  const y = String(year).padStart(4, '0');
  const newYear = lunarToSolar(year, 1, 1);
  const days: [string, string][] = [
    [`${y}-01-01`, '元旦'],
    // 除夕 is the last day of the twelfth month: the day before 正月初一.
    [addCalendarDays(newYear, -1), '春节'],
    [newYear, '春节'],
    [addCalendarDays(newYear, 1), '春节'],
    [addCalendarDays(newYear, 2), '春节'],
    [qingmingDay(year), '清明节'],
    [`${y}-05-01`, '劳动节'],
    [`${y}-05-02`, '劳动节'],
    [lunarToSolar(year, 5, 5), '端午节'],
    [`${y}-10-01`, '国庆节'],
    [`${y}-10-02`, '国庆节'],
    [`${y}-10-03`, '国庆节'],
    [lunarToSolar(year, 8, 15), '中秋节'],
  ];
  const byDate = new Map<string, string[]>();
  for (const [date, name] of days) {
    const names = byDate.get(date) ?? [];
    if (!names.includes(name)) names.push(name);
    byDate.set(date, names);
  }
  return [...byDate.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([date, names]) => ({ date, name: names.join('、') }));
}
