import type { PageContext } from '../../../core/ui/context.ts';
import { PublicLayout } from '../../../core/ui/layout.tsx';
import { ErrorSummary, TextField } from '../../../core/ui/components.tsx';
import type { FieldErrors } from '../../../core/http/form.ts';
import type { CalendarYearData, WorkingDaysResult } from '../../../core/calendar/working-days.ts';
import { addCalendarDays } from '../../../core/calendar/working-days.ts';
import { START_DAY_RULE } from '../domain/year-summary.ts';
import { ArrangementTable, dayWithWeekday } from './shared.tsx';

export interface CalculatorProps {
  ctx: PageContext;
  values: Record<string, string>;
  errors: FieldErrors;
  /** Why the result cannot be computed although the input is fine (a year without data). */
  refusal?: string;
  result?: WorkingDaysResult;
  /** The result reaches into a year not entered yet, counted provisionally. */
  provisionalYear?: number;
  years: CalendarYearData[];
  maxDays: number;
}

export function CalculatorPage({ ctx, values, errors, refusal, result, provisionalYear, years, maxDays }: CalculatorProps) {
  return (
    <PublicLayout ctx={ctx} title="工作日计算" breadcrumbs={[{ label: '工作日计算' }]}>
      <h1>工作日计算</h1>
      <p>输入起算日期和工作日天数，计算期限届满的日期。周末和法定节假日不计算在内，调休上班的周六、周日计算在内。</p>
      <ErrorSummary errors={errors} />
      <form method="get" action="/calendar" class="narrow" novalidate>
        <TextField
          name="start"
          label="起算日期"
          value={values.start}
          error={errors.start}
          hint="例如收到申请的日期，格式如 2025-09-22。起算日当天不计入。"
          maxLength={10}
          required
        />
        <TextField
          name="days"
          label="工作日天数"
          value={values.days}
          error={errors.days}
          hint={`0 至 ${maxDays} 之间的整数，例如 20。`}
          inputMode="numeric"
          maxLength={3}
          required
        />
        <button type="submit" class="button">
          计算
        </button>
      </form>

      {refusal ? (
        <div class="warning-box" role="alert">
          <h2>无法计算</h2>
          <p>{refusal}</p>
        </div>
      ) : null}

      {result ? <Result result={result} /> : null}
      {result && provisionalYear ? (
        <div class="warning-box" role="note">
          <p>
            <strong>暂定：</strong>
            {provisionalYear}年的节假日安排尚未录入，暂按周末和元旦、春节、清明、劳动节、端午、中秋、国庆全部法定节假日计算（不含调休上班），以国务院办公厅发布的安排为准。
          </p>
        </div>
      ) : null}

      <h2 id="arrangements">节假日安排</h2>
      <p>以下为本平台工作日历中录入的各年度放假和调休上班安排，依据国务院办公厅每年发布的部分节假日安排通知。</p>
      {years.length ? (
        years.map((y) => (
          <section key={y.year} aria-labelledby={`year-${y.year}`}>
            <h3 id={`year-${y.year}`}>{y.year}年</h3>
            <p class="hint">依据：{y.source}</p>
            <ArrangementTable data={y} />
          </section>
        ))
      ) : (
        <p>暂无节假日安排数据。</p>
      )}
    </PublicLayout>
  );
}

function Result({ result }: { result: WorkingDaysResult }) {
  const weekends = result.skipped.filter((s) => s.reason === '周末').length;
  const holidays = result.skipped.length - weekends;
  return (
    <section aria-labelledby="result-title">
      <h2 id="result-title">计算结果</h2>
      <dl class="facts">
        <dt>起算日期</dt>
        <dd>{dayWithWeekday(result.start)}</dd>
        <dt>工作日天数</dt>
        <dd>{result.days}个工作日</dd>
        <dt>期限届满日</dt>
        <dd>
          <strong>{dayWithWeekday(result.due)}</strong>
        </dd>
        <dt>计算规则</dt>
        <dd>
          {START_DAY_RULE}
          {result.days > 0 ? `，自 ${addCalendarDays(result.start, 1)} 起计算` : ''}
        </dd>
      </dl>
      {result.skipped.length ? (
        <div class="table-wrap">
          <table>
            <caption>
              跳过的非工作日共{result.skipped.length}天（周末{weekends}天，法定节假日{holidays}天）
            </caption>
            <thead>
              <tr>
                <th scope="col">日期</th>
                <th scope="col">原因</th>
              </tr>
            </thead>
            <tbody>
              {result.skipped.map((s) => (
                <tr key={s.date}>
                  <td>{dayWithWeekday(s.date)}</td>
                  <td>{s.name ? `${s.reason}（${s.name}）` : s.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>计算期间没有跳过任何非工作日。</p>
      )}
    </section>
  );
}
