import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TestApp } from '../../../core/testing/index.ts';

describe('calendar API', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(async () => t.dispose());

  const get = async (url: string) => {
    const res = await t.client().get(url);
    return { status: res.statusCode, body: JSON.parse(res.body) as Record<string, any> }; // eslint-disable-line @typescript-eslint/no-explicit-any
  };

  it('adds 20 working days to 2025-09-22 across the 国庆节、中秋节 block (regulation example)', async () => {
    const r = await get('/api/v1/calendar/add?start=2025-09-22&days=20');
    assert.equal(r.status, 200);
    const hol = (date: string) => ({ date, reason: '法定节假日', name: '国庆节、中秋节' });
    assert.deepEqual(r.body, {
      start: '2025-09-22',
      days: 20,
      due: '2025-10-24',
      skipped: [
        { date: '2025-09-27', reason: '周末' },
        hol('2025-10-01'),
        hol('2025-10-02'),
        hol('2025-10-03'),
        hol('2025-10-04'),
        hol('2025-10-05'),
        hol('2025-10-06'),
        hol('2025-10-07'),
        hol('2025-10-08'),
        { date: '2025-10-12', reason: '周末' },
        { date: '2025-10-18', reason: '周末' },
        { date: '2025-10-19', reason: '周末' },
      ],
      rule: '起算日不计入（《民法典》第二百零一条）',
      provisional: false,
    });
  });

  it('adds 7 working days to 2026-04-30 across 劳动节, counting the 调休 Saturday (regulation example)', async () => {
    const r = await get('/api/v1/calendar/add?start=2026-04-30&days=7');
    assert.equal(r.status, 200);
    assert.equal(r.body.due, '2026-05-13');
    assert.deepEqual(r.body.skipped, [
      { date: '2026-05-01', reason: '法定节假日', name: '劳动节' },
      { date: '2026-05-02', reason: '法定节假日', name: '劳动节' },
      { date: '2026-05-03', reason: '法定节假日', name: '劳动节' },
      { date: '2026-05-04', reason: '法定节假日', name: '劳动节' },
      { date: '2026-05-05', reason: '法定节假日', name: '劳动节' },
      { date: '2026-05-10', reason: '周末' },
    ]);
  });

  it('gives the other regulation vectors', async () => {
    for (const [start, days, due] of [
      ['2025-09-22', 7, '2025-09-30'],
      ['2025-01-20', 20, '2025-02-21'],
      ['2025-12-31', 20, '2026-01-29'],
      ['2026-02-10', 20, '2026-03-16'],
      ['2026-09-18', 15, '2026-10-15'],
      ['2026-10-01', 0, '2026-10-01'],
    ] as const) {
      const r = await get(`/api/v1/calendar/add?start=${start}&days=${days}`);
      assert.equal(r.body.due, due, `${start} + ${days}`);
    }
  });

  it('refuses malformed input with 400 and a Chinese message per field', async () => {
    const cases: [string, string][] = [
      ['days=20', 'start'],
      ['start=2025-09-22', 'days'],
      ['start=abc&days=20', 'start'],
      ['start=2025-02-30&days=20', 'start'],
      ['start=2025-9-22&days=20', 'start'],
      ['start=0000-01-01&days=20', 'start'],
      ['start=2025-09-22&days=-1', 'days'],
      ['start=2025-09-22&days=1.5', 'days'],
      ['start=2025-09-22&days=abc', 'days'],
      ['start=2025-09-22&days=401', 'days'],
      ['start=2025-09-22&days=', 'days'],
      [`start=${'2'.repeat(5000)}&days=20`, 'start'],
      [`start=2025-09-22&days=${'9'.repeat(5000)}`, 'days'],
      ['start=2025-09-22&days=0x10', 'days'],
      ['start=2025-09-22&days=1e2', 'days'],
      ['start=2025-09-22&days=%2020', 'days'],
      ['start=2025-09-22&start=2025-09-23&days=1', 'start'],
    ];
    for (const [query, field] of cases) {
      const r = await get(`/api/v1/calendar/add?${query}`);
      assert.equal(r.status, 400, query.slice(0, 60));
      assert.equal(r.body.error.code, 'validation_error');
      assert.match(r.body.error.message, /^请求参数有误/);
      assert.equal(typeof r.body.error.fields[field], 'string', `${query.slice(0, 60)} names ${field}`);
      assert.match(r.body.error.fields[field], /[\u4e00-\u9fff]/, 'message in Chinese');
    }
    const missing = await get('/api/v1/calendar/add?days=20');
    assert.deepEqual(missing.body.error.fields, { start: '必须填写' });
    const impossible = await get('/api/v1/calendar/add?start=2025-02-30&days=20');
    assert.deepEqual(impossible.body.error.fields, { start: '应为 YYYY-MM-DD 格式的有效日期' });
    const negative = await get('/api/v1/calendar/add?start=2025-09-22&days=-1');
    assert.deepEqual(negative.body.error.fields, { days: '不能小于 0' });
    const hex = await get('/api/v1/calendar/add?start=2025-09-22&days=0x10');
    assert.deepEqual(hex.body.error, { code: 'validation_error', message: '请求参数有误：days 应为 0 到 400 之间的整数', fields: { days: '应为 0 到 400 之间的整数' } });
  });

  it('counts into 2027 (not yet entered) as 暂定, and refuses 2028 and years before the data with 422 naming the year', async () => {
    // 2026-12-25 (Fri) + 10: Dec 28–31 are 4, Jan 1 2027 (Fri) is 元旦, Jan 4–8 are 5 more, Jan 11 the 10th.
    const r = await get('/api/v1/calendar/add?start=2026-12-25&days=10');
    assert.equal(r.status, 200);
    assert.equal(r.body.due, '2027-01-11');
    assert.equal(r.body.provisional, true);
    assert.ok(r.body.skipped.some((d: { date: string; name?: string }) => d.date === '2027-01-01' && d.name === '元旦（暂定）'));
    const firm = await get('/api/v1/calendar/add?start=2026-12-01&days=5');
    assert.equal(firm.body.provisional, false);
    const beyond = await get('/api/v1/calendar/add?start=2027-12-30&days=5');
    assert.equal(beyond.status, 422);
    assert.equal(beyond.body.error.code, 'calendar_year_missing');
    assert.match(beyond.body.error.message, /^工作日历缺少 2028 年/);
    assert.deepEqual(beyond.body.error.fields, {});
    const early = await get('/api/v1/calendar/add?start=2023-12-29&days=1');
    assert.equal(early.status, 422);
    assert.match(early.body.error.message, /缺少 2023 年/);
  });

  it('lists the days of January 2026 with their kind', async () => {
    const r = await get('/api/v1/calendar/days?from=2026-01-01&to=2026-01-31');
    assert.equal(r.status, 200);
    assert.equal(r.body.from, '2026-01-01');
    assert.equal(r.body.to, '2026-01-31');
    assert.equal(r.body.days.length, 31);
    assert.deepEqual(r.body.days.slice(0, 5), [
      { date: '2026-01-01', working: false, kind: 'holiday', name: '元旦' },
      { date: '2026-01-02', working: false, kind: 'holiday', name: '元旦' },
      { date: '2026-01-03', working: false, kind: 'holiday', name: '元旦' },
      { date: '2026-01-04', working: true, kind: 'workday', name: '元旦' },
      { date: '2026-01-05', working: true, kind: 'weekday' },
    ]);
    assert.deepEqual(r.body.days[9], { date: '2026-01-10', working: false, kind: 'weekend' });
    // 22 weekdays − 元旦 on Thu/Fri + the 调休 Sunday 01-04.
    assert.equal(r.body.days.filter((d: { working: boolean }) => d.working).length, 21);
  });

  it('accepts a whole leap year and refuses longer, reversed or uncovered ranges', async () => {
    const leap = await get('/api/v1/calendar/days?from=2024-01-01&to=2024-12-31');
    assert.equal(leap.status, 200);
    assert.equal(leap.body.days.length, 366);
    const long = await get('/api/v1/calendar/days?from=2024-01-01&to=2025-01-01');
    assert.equal(long.status, 400);
    assert.deepEqual(long.body.error.fields, { to: '与开始日期相距不能超过366天' });
    const reversed = await get('/api/v1/calendar/days?from=2026-02-01&to=2026-01-31');
    assert.equal(reversed.status, 400);
    assert.deepEqual(reversed.body.error.fields, { to: '不能早于开始日期' });
    const bad = await get('/api/v1/calendar/days?from=2026-13-01&to=2026-01-31');
    assert.equal(bad.status, 400);
    assert.equal(typeof bad.body.error.fields.from, 'string');
    const provisional = await get('/api/v1/calendar/days?from=2026-12-31&to=2027-01-01');
    assert.equal(provisional.status, 200);
    assert.deepEqual(provisional.body.days, [
      { date: '2026-12-31', working: true, kind: 'weekday' },
      { date: '2027-01-01', working: false, kind: 'holiday', name: '元旦（暂定）', provisional: true },
    ]);
    const uncovered = await get('/api/v1/calendar/days?from=2027-12-30&to=2028-01-02');
    assert.equal(uncovered.status, 422);
    assert.equal(uncovered.body.error.code, 'calendar_year_missing');
    assert.match(uncovered.body.error.message, /2028 年/);
  });

  it('documents both endpoints in the OpenAPI description', async () => {
    const r = await get('/api/v1/openapi.json');
    assert.equal(r.status, 200);
    const add = r.body.paths['/api/v1/calendar/add'].get;
    assert.deepEqual(
      add.parameters.map((p: { name: string; in: string }) => `${p.in}:${p.name}`).sort(),
      ['query:days', 'query:start'],
    );
    assert.ok(add.responses['200'] && add.responses['400'] && add.responses['422']);
    assert.ok(r.body.paths['/api/v1/calendar/days'].get);
  });
});
