// Public JSON API: working-day arithmetic and the day-by-day calendar.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { Core } from '../../../core/services.ts';
import { BadRequestError, HttpError } from '../../../core/http/errors.ts';
import { addCalendarDays, dayInfo, isProvisionalDate, isValidIsoDate, CalendarYearMissingError, type DayInfo } from '../../../core/calendar/working-days.ts';
import { provisionalOnce } from '../../../core/calendar/provisional.ts';
import { computeDue, daysInRange, MAX_RANGE_DAYS, MAX_WORKING_DAYS, START_DAY_RULE, type DueComputation } from '../domain/year-summary.ts';

const IsoDate = (description: string) =>
  Type.String({ format: 'date', maxLength: 10, description: `${description}，YYYY-MM-DD`, examples: ['2025-09-22'] });

const ApiErrorSchema = Type.Object(
  {
    error: Type.Object({
      code: Type.String({ description: 'validation_error、calendar_year_missing 等' }),
      message: Type.String(),
      fields: Type.Record(Type.String(), Type.String()),
    }),
  },
  { description: '错误' },
);

const AddQuery = Type.Object({
  start: IsoDate('起算日期（当日不计入）'),
  days: Type.Integer({ minimum: 0, maximum: MAX_WORKING_DAYS, description: '工作日天数', examples: [20] }),
});

const AddResult = Type.Object({
  start: Type.String({ format: 'date' }),
  days: Type.Integer(),
  due: Type.String({ format: 'date', description: '期限届满日' }),
  skipped: Type.Array(
    Type.Object({
      date: Type.String({ format: 'date' }),
      reason: Type.Union([Type.Literal('周末'), Type.Literal('法定节假日')]),
      name: Type.Optional(Type.String({ description: '节日名称' })),
    }),
    { description: '计算中跳过的非工作日' },
  ),
  rule: Type.String({ description: '计算规则' }),
  provisional: Type.Boolean({ description: '结果落在尚未录入国务院放假安排的年份（暂定：只计周末和法定节日，不含调休），录入后可能变化' }),
});

const DaysQuery = Type.Object({
  from: IsoDate('开始日期（含）'),
  to: IsoDate(`结束日期（含），与开始日期相距不超过${MAX_RANGE_DAYS}天`),
});

const DaysResult = Type.Object({
  from: Type.String({ format: 'date' }),
  to: Type.String({ format: 'date' }),
  days: Type.Array(
    Type.Object({
      date: Type.String({ format: 'date' }),
      working: Type.Boolean(),
      kind: Type.Union([Type.Literal('weekday'), Type.Literal('weekend'), Type.Literal('holiday'), Type.Literal('workday')], {
        description: 'weekday 工作日；weekend 周末；holiday 法定节假日（放假）；workday 调休上班',
      }),
      name: Type.Optional(Type.String()),
      provisional: Type.Optional(Type.Boolean({ description: '该年放假安排尚未录入，暂定' })),
    }),
  ),
});

function badDate(field: string): BadRequestError {
  const msg = '应为 YYYY-MM-DD 格式的有效日期';
  return new BadRequestError(`请求参数有误：${field} ${msg}`, { [field]: msg });
}

/** The query value as sent, before ajv's coercion (which turns "0x10", "1e2" or " 20 " into numbers). */
function rawQueryValue(url: string, name: string): string | null {
  const q = url.indexOf('?');
  return q < 0 ? null : new URLSearchParams(url.slice(q + 1)).get(name);
}

function yearMissing(year: number, message: string): HttpError {
  return new HttpError(422, 'calendar_year_missing', message);
}

function dueOrThrow(c: DueComputation) {
  if (c.ok) return c.result;
  if (c.reason === 'year_missing') throw yearMissing(c.year, c.message);
  throw new BadRequestError(`请求参数有误：start ${c.message}`, { start: c.message });
}

export function registerCalendarApi(app: FastifyInstance, core: Core): void {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();

  api.get(
    '/api/v1/calendar/add',
    {
      schema: {
        tags: ['工作日历'],
        summary: '计算若干个工作日后的日期',
        description: `起算日不计入，自下一日开始计算（《民法典》第二百零一条）；周末和法定节假日不计，调休上班日计入。最后录入年份的下一年按暂定计算（周末和法定节日，不含调休），结果标明 provisional；更远的年份不作推测，返回 422。`,
        querystring: AddQuery,
        response: { 200: AddResult, 400: ApiErrorSchema, 422: ApiErrorSchema },
      },
    },
    async (req) => {
      const { start, days } = req.query;
      // ajv's date format allows year 0000, which the calendar does not.
      if (!isValidIsoDate(start)) throw badDate('start');
      if (!/^\d{1,3}$/.test(rawQueryValue(req.url, 'days') ?? '') || !Number.isSafeInteger(days) || days > MAX_WORKING_DAYS) {
        const msg = `应为 0 到 ${MAX_WORKING_DAYS} 之间的整数`;
        throw new BadRequestError(`请求参数有误：days ${msg}`, { days: msg });
      }
      const cal = provisionalOnce(await core.calendar.calendar());
      const result = dueOrThrow(computeDue(start, days, cal));
      return { ...result, rule: START_DAY_RULE, provisional: isProvisionalDate(result.due, cal) };
    },
  );

  api.get(
    '/api/v1/calendar/days',
    {
      schema: {
        tags: ['工作日历'],
        summary: '查询一段日期中每天是否为工作日',
        description: `区间两端都包含，最长 ${MAX_RANGE_DAYS} 天。最后录入年份的下一年按暂定列出（provisional）；更远的年份返回 422。`,
        querystring: DaysQuery,
        response: { 200: DaysResult, 400: ApiErrorSchema, 422: ApiErrorSchema },
      },
    },
    async (req) => {
      const { from, to } = req.query;
      if (!isValidIsoDate(from)) throw badDate('from');
      if (!isValidIsoDate(to)) throw badDate('to');
      if (to < from) throw new BadRequestError('请求参数有误：结束日期不能早于开始日期', { to: '不能早于开始日期' });
      if (daysInRange(from, to, MAX_RANGE_DAYS) === undefined) {
        throw new BadRequestError(`请求参数有误：查询区间不能超过${MAX_RANGE_DAYS}天`, { to: `与开始日期相距不能超过${MAX_RANGE_DAYS}天` });
      }
      const cal = provisionalOnce(await core.calendar.calendar());
      const out: (DayInfo & { provisional?: true })[] = [];
      try {
        for (let d = from; ; d = addCalendarDays(d, 1)) {
          const info = dayInfo(d, cal);
          out.push(isProvisionalDate(d, cal) ? { ...info, provisional: true } : info);
          if (d === to) break;
        }
      } catch (e) {
        if (e instanceof CalendarYearMissingError) throw yearMissing(e.year, e.message);
        throw e;
      }
      return { from, to, days: out };
    },
  );
}
