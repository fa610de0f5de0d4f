// Official 放假/调休 schedules from the State Council notices (see reference/regulation.md §8).
// Seed data for the editable calendar; cross-checked day by day against npm chinese-days in the tests.
import { addCalendarDays, type CalendarYearData } from './working-days.ts';

type Day = { date: string; name: string };

/** Every day from `from` to `to`, both included. */
function block(name: string, from: string, to: string): Day[] {
  const days: Day[] = [];
  for (let d = from; d <= to; d = addCalendarDays(d, 1)) days.push({ date: d, name });
  return days;
}

function makeUp(name: string, ...dates: string[]): Day[] {
  return dates.map((date) => ({ date, name }));
}

export const OFFICIAL_YEARS: CalendarYearData[] = [
  {
    year: 2024,
    source: '国办发明电〔2023〕7号',
    holidays: [
      ...block('元旦', '2024-01-01', '2024-01-01'),
      ...block('春节', '2024-02-10', '2024-02-17'),
      ...block('清明节', '2024-04-04', '2024-04-06'),
      ...block('劳动节', '2024-05-01', '2024-05-05'),
      ...block('端午节', '2024-06-10', '2024-06-10'),
      ...block('中秋节', '2024-09-15', '2024-09-17'),
      ...block('国庆节', '2024-10-01', '2024-10-07'),
    ],
    workdays: [
      ...makeUp('春节', '2024-02-04', '2024-02-18'),
      ...makeUp('清明节', '2024-04-07'),
      ...makeUp('劳动节', '2024-04-28', '2024-05-11'),
      ...makeUp('中秋节', '2024-09-14'),
      ...makeUp('国庆节', '2024-09-29', '2024-10-12'),
    ],
  },
  {
    year: 2025,
    source: '国办发明电〔2024〕12号',
    holidays: [
      ...block('元旦', '2025-01-01', '2025-01-01'),
      ...block('春节', '2025-01-28', '2025-02-04'),
      ...block('清明节', '2025-04-04', '2025-04-06'),
      ...block('劳动节', '2025-05-01', '2025-05-05'),
      ...block('端午节', '2025-05-31', '2025-06-02'),
      // The notice merges the two festivals into one 8-day block.
      ...block('国庆节、中秋节', '2025-10-01', '2025-10-08'),
    ],
    workdays: [
      ...makeUp('春节', '2025-01-26', '2025-02-08'),
      ...makeUp('劳动节', '2025-04-27'),
      ...makeUp('国庆节、中秋节', '2025-09-28', '2025-10-11'),
    ],
  },
  {
    year: 2026,
    // 文号 not verified, so the notice is cited by title and date.
    source: '国务院办公厅关于2026年部分节假日安排的通知（2025-11-04）',
    holidays: [
      ...block('元旦', '2026-01-01', '2026-01-03'),
      ...block('春节', '2026-02-15', '2026-02-23'),
      ...block('清明节', '2026-04-04', '2026-04-06'),
      ...block('劳动节', '2026-05-01', '2026-05-05'),
      ...block('端午节', '2026-06-19', '2026-06-21'),
      ...block('中秋节', '2026-09-25', '2026-09-27'),
      ...block('国庆节', '2026-10-01', '2026-10-07'),
    ],
    workdays: [
      ...makeUp('元旦', '2026-01-04'),
      ...makeUp('春节', '2026-02-14', '2026-02-28'),
      ...makeUp('劳动节', '2026-05-09'),
      ...makeUp('国庆节', '2026-09-20', '2026-10-10'),
    ],
  },
];
