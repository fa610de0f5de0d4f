// Back office: the list of calendar years, and entering or correcting a year with a preview of the
// change before it is saved (system administrators; the openness office may look).
import crypto from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import type { Core } from '../../../core/services.ts';
import { FormReader } from '../../../core/http/form.ts';
import { actorOf, pageContext, setFlash } from '../../../core/http/context.ts';
import { requireStaff } from '../../../core/http/guards.ts';
import { NotFoundError } from '../../../core/http/errors.ts';
import { hasRole } from '../../../core/auth/roles.ts';
import { renderDocument } from '../../../core/ui/render.ts';
import { shanghaiToday } from '../../../core/clock.ts';
import { buildCalendar, type CalendarYearData } from '../../../core/calendar/working-days.ts';
import { formatScheduleText, parseScheduleText } from '../domain/schedule-text.ts';
import { diffYear, hasChanges, workingDaysInYear } from '../domain/year-summary.ts';
import { missingYearWarnings } from '../domain/reminders.ts';
import { PreviewPage, YearFormPage, YearListPage, type FormMode, type YearFormValues } from '../views/staff.tsx';

const MIN_YEAR = 2000;
const MAX_YEAR = 2100;
const MAX_TEXT = 20_000;
const NEW_YEAR_BASE = 'new';

/** Identifies the stored state a preview was made against, so a confirmation after someone else's save is caught. */
function fingerprint(stored: CalendarYearData | undefined): string {
  if (!stored) return NEW_YEAR_BASE;
  return crypto.createHash('sha256').update(JSON.stringify([stored.source, formatScheduleText(stored)])).digest('hex').slice(0, 32);
}

interface ReadForm {
  values: YearFormValues;
  errors: Record<string, string>;
  lineErrors: string[];
  data?: CalendarYearData;
}

function readYearForm(body: unknown, mode: FormMode, stored: CalendarYearData[]): ReadForm {
  const form = new FormReader(body);
  const year = mode.kind === 'edit' ? mode.year : form.integer('year', '年度', { min: MIN_YEAR, max: MAX_YEAR });
  if (mode.kind === 'new' && year !== undefined && form.ok && stored.some((y) => y.year === year)) {
    form.fail('year', `${year}年已录入。如需更正，请在工作日历列表中选择“修改”`);
  }
  const source = form.text('source', { label: '依据（发文字号或通知名称）', required: true, max: 100 });
  const text = form.text('lines', { label: '放假和调休上班安排', required: true, max: MAX_TEXT });
  let lineErrors: string[] = [];
  let data: CalendarYearData | undefined;
  if (text && !form.errors.lines) {
    const parsed = parseScheduleText(text, year !== undefined && !form.errors.year ? year : undefined);
    if (!parsed.ok) {
      lineErrors = parsed.errors;
      form.fail('lines', parsed.errors.length === 1 ? parsed.errors[0]! : `放假和调休上班安排有${parsed.errors.length}处问题，请逐行修改`);
    } else if (year !== undefined && form.ok) {
      data = { year, source, holidays: parsed.holidays, workdays: parsed.workdays };
      try {
        buildCalendar([data]);
      } catch (e) {
        if (!(e instanceof RangeError)) throw e;
        form.fail('lines', e.message);
        data = undefined;
      }
    }
  }
  const values: YearFormValues = { year: form.values.year, source: form.values.source, lines: form.values.lines };
  return form.ok && data ? { values, errors: {}, lineErrors: [], data } : { values, errors: form.errors, lineErrors, data: undefined };
}

function editYearOf(req: FastifyRequest, stored: CalendarYearData[]): { mode: FormMode; current: CalendarYearData } {
  const raw = (req.params as { year?: string }).year ?? '';
  const current = /^\d{4}$/.test(raw) ? stored.find((y) => y.year === Number(raw)) : undefined;
  if (!current) throw new NotFoundError('该年度尚未录入工作日历。');
  return { mode: { kind: 'edit', year: current.year }, current };
}

function html(reply: FastifyReply, status: number, page: VNode) {
  return reply.code(status).type('text/html; charset=utf-8').send(renderDocument(page));
}

export function registerCalendarStaffRoutes(app: FastifyInstance, core: Core): void {
  const viewers = { preHandler: requireStaff('system_admin', 'openness_office') };
  const admins = { preHandler: requireStaff('system_admin') };

  app.get('/staff/calendar', viewers, async (req, reply) => {
    const years = await core.calendar.years();
    const rows = years
      .map((y) => ({ year: y.year, source: y.source, holidays: y.holidays.length, workdays: y.workdays.length, workingDays: workingDaysInYear(y) }))
      .sort((a, b) => b.year - a.year);
    const warnings = missingYearWarnings(
      shanghaiToday(core.clock.now()),
      years.map((y) => y.year),
    );
    return html(reply, 200, <YearListPage ctx={pageContext(req, reply)} rows={rows} canEdit={hasRole(req.user, 'system_admin')} warnings={warnings} />);
  });

  const showForm = (req: FastifyRequest, reply: FastifyReply, mode: FormMode, r: Omit<ReadForm, 'data'>, status: number) =>
    html(reply, status, <YearFormPage ctx={pageContext(req, reply)} mode={mode} values={r.values} errors={r.errors} lineErrors={r.lineErrors} />);

  const showPreview = (req: FastifyRequest, reply: FastifyReply, mode: FormMode, data: CalendarYearData, stored: CalendarYearData[], status: number, staleNotice?: string) => {
    const before = stored.find((y) => y.year === data.year);
    const diff = diffYear(before, data);
    return html(
      reply,
      status,
      <PreviewPage
        ctx={pageContext(req, reply)}
        mode={mode}
        diff={diff}
        canonicalLines={formatScheduleText(data)}
        base={fingerprint(before)}
        changed={hasChanges(diff)}
        staleNotice={staleNotice}
      />,
    );
  };

  const preview = (modeOf: (req: FastifyRequest, stored: CalendarYearData[]) => FormMode) => async (req: FastifyRequest, reply: FastifyReply) => {
    const stored = await core.calendar.years();
    const mode = modeOf(req, stored);
    const r = readYearForm(req.body, mode, stored);
    if (!r.data) return showForm(req, reply, mode, r, 400);
    return showPreview(req, reply, mode, r.data, stored, 200);
  };

  const save = (modeOf: (req: FastifyRequest, stored: CalendarYearData[]) => FormMode) => async (req: FastifyRequest, reply: FastifyReply) => {
    const stored = await core.calendar.years();
    const mode = modeOf(req, stored);
    const r = readYearForm(req.body, mode, stored);
    if (!r.data) return showForm(req, reply, mode, r, 400);
    const data = r.data;
    const before = stored.find((y) => y.year === data.year);
    const base = new FormReader(req.body).raw('base');
    if (base !== fingerprint(before)) {
      return showPreview(req, reply, mode, data, stored, 409, `在您核对期间，${data.year}年的工作日历已被修改（或核对页面已过期）。下面的差异已按最新保存的数据重新计算，请再次核对后确认。`);
    }
    if (!hasChanges(diffYear(before, data))) {
      setFlash(reply, `${data.year}年工作日历的内容没有变化，未作修改。`);
      return reply.redirect('/staff/calendar', 303);
    }
    try {
      await core.calendar.saveYear(data, actorOf(req));
    } catch (e) {
      if (!(e instanceof RangeError)) throw e;
      return showForm(req, reply, mode, { values: r.values, errors: { lines: e.message }, lineErrors: [] }, 400);
    }
    setFlash(reply, `已保存${data.year}年工作日历：放假${data.holidays.length}天，调休上班${data.workdays.length}天，全年工作日${workingDaysInYear(data)}天。`);
    return reply.redirect('/staff/calendar', 303);
  };

  const newMode = (): FormMode => ({ kind: 'new' });
  const editMode = (req: FastifyRequest, stored: CalendarYearData[]) => editYearOf(req, stored).mode;

  app.get('/staff/calendar/new', admins, async (req, reply) => {
    const years = (await core.calendar.years()).map((y) => y.year);
    const today = shanghaiToday(core.clock.now());
    const suggested = years.length ? Math.max(...years) + 1 : Number(today.slice(0, 4));
    return showForm(req, reply, newMode(), { values: { year: String(suggested) }, errors: {}, lineErrors: [] }, 200);
  });
  app.post('/staff/calendar/new/preview', admins, preview(newMode));
  app.post('/staff/calendar/new', admins, save(newMode));

  app.get('/staff/calendar/:year/edit', admins, async (req, reply) => {
    const { mode, current } = editYearOf(req, await core.calendar.years());
    return showForm(req, reply, mode, { values: { source: current.source, lines: formatScheduleText(current) }, errors: {}, lineErrors: [] }, 200);
  });
  app.post('/staff/calendar/:year/edit/preview', admins, preview(editMode));
  app.post('/staff/calendar/:year/edit', admins, save(editMode));
}
