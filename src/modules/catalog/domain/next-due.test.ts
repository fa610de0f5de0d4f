import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { buildCalendar } from '../../../core/calendar/working-days.ts';
import { OFFICIAL_YEARS } from '../../../core/calendar/official-holidays.ts';
import { publicNextDue } from './next-due.ts';

const cal = buildCalendar(OFFICIAL_YEARS);
const today = '2026-11-26';

describe('publicNextDue', () => {
  it('gives the next yearly and periodic deadlines', () => {
    assert.deepEqual(publicNextDue({ kind: 'yearly_by', month: 1, day: 31 }, true, today, cal), {
      due: '2027-01-31',
      explanation: '每年1月31日前公开；尚无公开记录，应于 2027-01-31 前公开。',
    });
    const q = publicNextDue({ kind: 'periodic', period: 'quarterly', daysAfterPeriod: 15, workingDays: false }, true, today, cal);
    assert.deepEqual(q, { due: '2027-01-15', explanation: '每季度结束后15日内；尚无公开记录，2026年第四季度应于 2027-01-15 前公开。' });
  });

  it('explains what an event-based deadline is counted from', () => {
    const r = publicNextDue({ kind: 'working_days_after_formed', days: 20 }, true, today, cal);
    assert.equal(r?.due, null);
    assert.match(r!.explanation, /^期限自该政府信息形成或者变更之日起计算（《政府信息公开条例》第二十六条）：每条信息应在形成或变更后20个工作日内公开/);
    const e = publicNextDue({ kind: 'calendar_days_after_event', days: 20, event: '本级政府财政部门批复' }, true, today, cal);
    assert.match(e!.explanation, /^期限自“本级政府财政部门批复”之日起计算：应在其后20日（按自然日计算，当日不计入）内公开/);
  });

  it('gives nothing for 实时, 及时 or an item published only on request', () => {
    assert.equal(publicNextDue({ kind: 'realtime' }, true, today, cal), null);
    assert.equal(publicNextDue({ kind: 'not_computable', note: '及时公开' }, true, today, cal), null);
    assert.equal(publicNextDue({ kind: 'yearly_by', month: 1, day: 31 }, false, today, cal), null);
  });
});
