import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { formatScheduleText, parseScheduleText, weekdayLabel } from './schedule-text.ts';
import { OFFICIAL_YEARS } from '../../../core/calendar/official-holidays.ts';

describe('parseScheduleText', () => {
  it('reads one day per line, sorted by date, with 放假 and 上班', () => {
    const r = parseScheduleText('2027-02-20 上班 春节\n2027-01-01 放假 元旦\n\n2027-01-02 放假 元旦', 2027);
    assert.deepEqual(r, {
      ok: true,
      holidays: [
        { date: '2027-01-01', name: '元旦' },
        { date: '2027-01-02', name: '元旦' },
      ],
      workdays: [{ date: '2027-02-20', name: '春节' }],
    });
  });

  it('expands a block of days and accepts the synonyms 调休上班/补班 and a name with a space', () => {
    const r = parseScheduleText('2027-02-06~2027-02-08 放假 春节\n2027-02-20 调休上班 春节\n2027-10-01至2027-10-02 放假 国庆节 中秋节', 2027);
    assert.ok(r.ok);
    assert.deepEqual(
      r.holidays.map((d) => d.date),
      ['2027-02-06', '2027-02-07', '2027-02-08', '2027-10-01', '2027-10-02'],
    );
    assert.equal(r.holidays[3]!.name, '国庆节 中秋节');
    assert.deepEqual(r.workdays, [{ date: '2027-02-20', name: '春节' }]);
  });

  it('accepts full-width digits, hyphens and spaces copied from a notice, and skips # comments', () => {
    const r = parseScheduleText('# 元旦\n２０２７－０１－０１\u3000放假\u3000元旦\r\n', 2027);
    assert.deepEqual(r, { ok: true, holidays: [{ date: '2027-01-01', name: '元旦' }], workdays: [] });
  });

  it('names the line of each mistake', () => {
    const r = parseScheduleText(
      [
        '2027-01-01 放假 元旦', // 1
        '2027-02-30 放假 春节', // 2 impossible date
        '2026-12-31 放假 元旦', // 3 other year
        '2027-01-01 上班 元旦', // 4 duplicate
        '2027-02-08 上班 春节', // 5 a Monday
        '2027-03-01 休假 春节', // 6 unknown kind
        '2027-03-02 放假', // 7 no name
        '2027-03-03', // 8 nothing else
        '2027-02-12~2027-02-06 放假 春节', // 9 reversed
        '2027-01-01~2027-03-01 放假 春节', // 10 too long
      ].join('\n'),
      2027,
    );
    assert.deepEqual(r, {
      ok: false,
      errors: [
        '第2行：“2027-02-30”不是有效日期，格式如 2027-01-01',
        '第3行：2026-12-31 不属于2027年',
        '第4行：2027-01-01 已在第1行录入，同一天只能录入一次',
        '第5行：2027-02-08 是星期一，调休上班日应为周六或周日',
        '第6行：“休假”不是可识别的类型，请写“放假”或“上班”',
        '第7行：缺少节日名称（如“春节”）',
        '第8行：缺少类型和节日名称，格式如“2027-01-01 放假 元旦”',
        '第9行：结束日期 2027-02-06 早于开始日期 2027-02-12',
        '第10行：连续日期不能超过31天',
      ],
    });
  });

  it('refuses empty text, too many lines and overlong names, and caps the error list', () => {
    assert.deepEqual(parseScheduleText(' \n# nur Kommentar\n', 2027), { ok: false, errors: ['请录入放假和调休上班安排，每行一天，例如“2027-01-01 放假 元旦”'] });
    const many = Array.from({ length: 401 }, () => '2027-01-01 放假 元旦').join('\n');
    assert.deepEqual(parseScheduleText(many, 2027), { ok: false, errors: ['最多录入400行，现有401行'] });
    const long = parseScheduleText(`2027-01-01 放假 ${'节'.repeat(21)}`, 2027);
    assert.deepEqual(long, { ok: false, errors: ['第1行：节日名称不能超过20个字'] });
    const bad = parseScheduleText(Array.from({ length: 25 }, (_, i) => `x${i} 放假 元旦`).join('\n'), 2027);
    assert.equal(bad.ok, false);
    if (!bad.ok) {
      assert.equal(bad.errors.length, 21);
      assert.equal(bad.errors[20], '另有5处问题未列出');
      assert.equal(bad.errors[0], '第1行：“x0”不是有效日期，格式如 2027-01-01');
    }
  });

  it('shortens a long bad token in the message', () => {
    const r = parseScheduleText(`${'9'.repeat(5000)} 放假 元旦`, 2027);
    assert.deepEqual(r, { ok: false, errors: [`第1行：“${'9'.repeat(20)}…”不是有效日期，格式如 2027-01-01`] });
  });

  it('skips the year check when the year is unknown', () => {
    const r = parseScheduleText('2030-01-01 放假 元旦', undefined);
    assert.equal(r.ok, true);
  });

  it('round-trips every official year through the text form', () => {
    for (const y of OFFICIAL_YEARS) {
      const text = formatScheduleText(y);
      const r = parseScheduleText(text, y.year);
      assert.ok(r.ok, `year ${y.year}`);
      assert.deepEqual({ holidays: r.holidays, workdays: r.workdays }, { holidays: y.holidays, workdays: y.workdays });
    }
    assert.match(formatScheduleText(OFFICIAL_YEARS[2]!), /^2026-01-01 放假 元旦\n2026-01-02 放假 元旦\n2026-01-03 放假 元旦\n2026-01-04 上班 元旦\n/);
  });

  it('labels weekdays in Chinese', () => {
    assert.equal(weekdayLabel('2025-09-22'), '星期一');
    assert.equal(weekdayLabel('2027-02-06'), '星期六');
    assert.equal(weekdayLabel('2026-10-11'), '星期日');
  });
});
