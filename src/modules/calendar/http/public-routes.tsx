import type { FastifyInstance } from 'fastify';
import type { Core } from '../../../core/services.ts';
import { FormReader } from '../../../core/http/form.ts';
import { pageContext } from '../../../core/http/context.ts';
import { renderDocument } from '../../../core/ui/render.ts';
import { withProvisionalNextYear } from '../../../core/calendar/provisional.ts';
import { isProvisionalDate } from '../../../core/calendar/working-days.ts';
import { computeDue, MAX_WORKING_DAYS, yearsOfCalendar } from '../domain/year-summary.ts';
import { CalculatorPage, type CalculatorProps } from '../views/public.tsx';

export function registerCalendarPublicRoutes(app: FastifyInstance, core: Core): void {
  app.get('/calendar', async (req, reply) => {
    const query = (req.query ?? {}) as Record<string, unknown>;
    const cal = await core.calendar.calendar();
    const props: Omit<CalculatorProps, 'ctx'> = { values: {}, errors: {}, years: yearsOfCalendar(cal), maxDays: MAX_WORKING_DAYS };
    let status = 200;
    if ('start' in query || 'days' in query) {
      const form = new FormReader(query);
      const start = form.date('start', '起算日期');
      const days = form.integer('days', '工作日天数', { min: 0, max: MAX_WORKING_DAYS });
      // Keep the input, but never echo a huge query string back into the page.
      props.values = Object.fromEntries(Object.entries(form.values).map(([k, v]) => [k, [...v].slice(0, 50).join('')]));
      if (!form.ok || start === undefined || days === undefined) {
        props.errors = form.errors;
        status = 400;
      } else {
        // As for request deadlines: the year after the last one entered counts provisionally (暂定).
        const provisional = withProvisionalNextYear(cal);
        const c = computeDue(start, days, provisional);
        if (c.ok) {
          props.result = c.result;
          if (isProvisionalDate(c.result.due, provisional)) props.provisionalYear = Number(c.result.due.slice(0, 4));
        }
        else if (c.reason === 'year_missing') {
          props.refusal = c.message;
          status = 422;
        } else {
          props.errors = { start: c.message };
          status = 400;
        }
      }
    }
    return reply
      .code(status)
      .type('text/html; charset=utf-8')
      .send(renderDocument(<CalculatorPage ctx={pageContext(req, reply)} {...props} />));
  });
}
