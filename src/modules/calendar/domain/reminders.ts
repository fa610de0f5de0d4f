/**
 * From 1 November the back office warns when next year's holidays are not entered: the State
 * Council usually publishes them in October or November; until then deadlines into that year are
 * only provisional (暂定: weekends and the statutory holidays, no 调休).
 * @param today the legal date, YYYY-MM-DD.
 * @param coveredYears the years the calendar table holds.
 * @returns the warnings to show, in Chinese.
 */
export function missingYearWarnings(today: string, coveredYears: readonly number[]): string[] {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  const out: string[] = [];
  if (!coveredYears.includes(year)) out.push(`工作日历缺少今年（${year}年）的节假日安排，所有期限都无法计算，请立即录入。`);
  if (month >= 11 && !coveredYears.includes(year + 1)) {
    out.push(`工作日历尚未录入${year + 1}年的节假日安排。国务院办公厅通知发布后，请系统管理员在“工作日历”中录入；在此之前，跨入${year + 1}年的期限按暂定日历计算（周末和全部法定节假日，不含调休），标注“暂定”，录入后自动重新计算。`);
  }
  return out;
}
