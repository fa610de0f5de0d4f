import type { CalendarYearData } from '../../../core/calendar/working-days.ts';
import { arrangementsOf, type DateRange } from '../domain/year-summary.ts';
import { weekdayLabel } from '../domain/schedule-text.ts';

export function dayWithWeekday(date: string): string {
  return `${date}（${weekdayLabel(date)}）`;
}

function rangeText(r: DateRange): string {
  return r.from === r.to ? dayWithWeekday(r.from) : `${dayWithWeekday(r.from)} 至 ${dayWithWeekday(r.to)}`;
}

/** One year's 放假 and 调休上班 days, one row per festival. */
export function ArrangementTable({ data }: { data: CalendarYearData }) {
  const rows = arrangementsOf(data);
  return (
    <div class="table-wrap">
      <table>
        <caption>{data.year}年放假和调休上班安排</caption>
        <thead>
          <tr>
            <th scope="col">节日</th>
            <th scope="col">放假</th>
            <th scope="col">放假天数</th>
            <th scope="col">调休上班</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((f) => (
            <tr key={f.name}>
              <th scope="row">{f.name}</th>
              <td>{f.holidays.length ? f.holidays.map((r) => rangeText(r)).join('；') : '无'}</td>
              <td>{f.holidayDays}天</td>
              <td>{f.workdays.length ? f.workdays.map(dayWithWeekday).join('、') : '无'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
